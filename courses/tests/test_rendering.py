"""Videos only from the two allowed players, in their privacy-enhanced form."""

from __future__ import annotations

import pytest

from courses.rendering import video_embed_url


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk"),
        ("https://youtu.be/abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk"),
        ("https://vimeo.com/123456", "https://player.vimeo.com/video/123456"),
        ("https://example.org/video.mp4", None),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("", None),
    ],
)
def test_it_turns_a_video_link_into_an_allowed_player_address(url, embed):
    assert video_embed_url(url) == embed
