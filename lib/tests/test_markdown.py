"""The one Markdown renderer: cleaned to an allow-list, GOV.UK classes, links that open safely."""

from __future__ import annotations

import pytest

from lib.markdown import render_markdown


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


def test_every_link_opens_without_a_handle_on_our_page():
    html = render_markdown("See [the guidance](https://example.org/guide).")
    assert 'rel="noopener noreferrer"' in html
