"""Markdown to safe HTML: the one renderer for every text an editor writes or a file brings in
(lesson text, scenario narratives).

Markdown lets an author write raw HTML, so the output goes through nh3 with a
short allow-list: whatever the source says, no script, event handler, style,
image or frame reaches the page, and every link opens without giving the new
page a handle on ours (`rel="noopener noreferrer"`). The page owns the h1, so
Markdown's top three heading levels become h2. GOV.UK Frontend styles elements
by class, so its classes are added after cleaning. No Django here, so it is
easy to test and reuse; callers mark the result safe where they render it.
"""

from __future__ import annotations

import functools

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "a", "abbr",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

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
    """Markdown in, cleaned HTML with GOV.UK classes out.

    The same text always gives the same HTML, so the last few hundred texts'
    HTML is kept: a lesson's or a case's Markdown is converted once per
    process, not on every view."""
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
    """# to ### become h2, #### becomes h3, deeper ones h4: the page title is the only h1."""
    for level, new in ((1, 2), (3, 2), (4, 3), (5, 4), (6, 4)):
        html = html.replace(f"<h{level}>", f"<h{new}>").replace(f"</h{level}>", f"</h{new}>")
    return html
