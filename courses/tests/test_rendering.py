"""Markdown is cleaned to an allow-list; videos only from the two allowed players."""

from __future__ import annotations

import pytest

from courses.rendering import render_markdown, video_embed_url


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("Hello <script>alert(1)</script>", "<script"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<a href="/" onclick="steal()">x</a>', "onclick"),
        ('<p style="color:red">x</p>', "style="),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
    ],
)
def test_it_never_lets_script_or_handlers_reach_the_page(source, forbidden):
    assert forbidden not in render_markdown(source).lower()


def test_it_keeps_ordinary_markdown_with_govuk_classes():
    html = render_markdown("### Why\n\nSome **bold** text and a [link](https://example.org).\n\n- one\n- two")
    assert '<h2 class="govuk-heading-m">Why</h2>' in html
    assert "<strong>bold</strong>" in html
    assert 'class="govuk-link" href="https://example.org"' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html


def test_it_makes_top_level_headings_h2_so_the_lesson_title_stays_the_only_h1():
    assert "<h1" not in render_markdown("# Big\n\n## Middle")


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
