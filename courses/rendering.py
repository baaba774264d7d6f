"""Video links for lessons: the privacy-enhanced player address for a YouTube or Vimeo link.

Lesson text goes through the site's one Markdown renderer, `lib.markdown`. No Django here.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse


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
