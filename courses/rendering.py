"""Markdown to safe HTML for lesson text written by editors or imported from files.

Markdown lets an author write raw HTML, so the output goes through nh3 with a
short allow-list: whatever the source says, no script, event handler, style
or frame reaches the page. No Django here, so it is easy to test and reuse.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qs, urlparse

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "a", "abbr",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

# GOV.UK Frontend styles elements by class, so add its classes after cleaning.
GOVUK_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<h4>": '<h4 class="govuk-heading-s">',
    "<a ": '<a class="govuk-link" ',
    "<table>": '<table class="govuk-table">',
    "<th>": '<th class="govuk-table__header">',
    "<td>": '<td class="govuk-table__cell">',
    "<blockquote>": '<blockquote class="govuk-inset-text">',
}


@functools.lru_cache(maxsize=512)
def render_markdown(source: str) -> str:
    """Markdown in, cleaned HTML with GOV.UK classes out. The page owns h1, so
    Markdown's top three heading levels all become h2 (authors write `###`).

    The same text always gives the same HTML, so the last few hundred texts'
    HTML is kept: a lesson's Markdown is converted once per process, not on
    every view."""
    html = markdown_lib.markdown(source or "", extensions=["sane_lists", "tables"], output_format="html")
    cleaned = nh3.clean(
        _demote_headings(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )
    for plain, styled in GOVUK_CLASSES.items():
        cleaned = cleaned.replace(plain, styled)
    return cleaned


def _demote_headings(html: str) -> str:
    """# to ### become h2, #### becomes h3, deeper ones h4: the lesson title is the only h1."""
    for level, new in ((1, 2), (3, 2), (4, 3), (5, 4), (6, 4)):
        html = html.replace(f"<h{level}>", f"<h{new}>").replace(f"</h{level}>", f"</h{new}>")
    return html


def video_embed_url(url: str) -> str | None:
    """The privacy-enhanced player address for a YouTube or Vimeo link, or None.
    Our Content Security Policy allows frames from these two players only."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.")
    video_id = ""
    if host in {"youtube.com", "m.youtube.com", "youtube-nocookie.com"}:
        if parsed.path.startswith("/embed/"):
            video_id = parsed.path.split("/")[2]
        else:
            video_id = (parse_qs(parsed.query).get("v") or [""])[0]
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if re.fullmatch(r"[\w-]{6,20}", video_id) else None
    if host == "youtu.be":
        video_id = parsed.path.strip("/")
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if re.fullmatch(r"[\w-]{6,20}", video_id) else None
    if host in {"vimeo.com", "player.vimeo.com"}:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        return f"https://player.vimeo.com/video/{video_id}" if video_id.isdigit() else None
    return None
