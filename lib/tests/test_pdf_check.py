"""The PDF accessibility check finds what a tagged PDF needs and says what is missing."""

from __future__ import annotations

import io

import pypdf
from weasyprint import HTML

from lib.pdf_check import pdf_structure

TAGGED_PAGE = """<!DOCTYPE html><html lang="en-GB"><head><title>A title</title></head>
<body><h1>A heading</h1><p>Some text.</p>
<img alt="A blue square" src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxMCIgaGVpZ2h0PSIxMCI+PHJlY3Qgd2lkdGg9IjEwIiBoZWlnaHQ9IjEwIiBmaWxsPSJibHVlIi8+PC9zdmc+">
</body></html>"""


def test_a_pdf_ua_document_has_no_problems_and_its_tags_carry_their_text():
    problems, tags = pdf_structure(HTML(string=TAGGED_PAGE).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True))
    assert problems == []
    assert tags["/H1"] == ["A heading"]
    assert tags["/P"] == ["Some text."]
    assert tags["/Figure"] == ["A blue square"]


def test_an_untagged_pdf_is_reported_with_each_thing_it_lacks():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    problems, tags = pdf_structure(buffer.getvalue())
    assert tags == {}
    assert any("tagged" in problem for problem in problems)
    assert any("/Lang" in problem for problem in problems)
    assert any("title" in problem for problem in problems)
    assert any("structure tree" in problem for problem in problems)


def test_a_tagged_pdf_without_a_language_or_alternative_text_is_reported():
    page = TAGGED_PAGE.replace(' lang="en-GB"', "").replace(' alt="A blue square"', "")
    problems, _ = pdf_structure(HTML(string=page).write_pdf(pdf_tags=True))
    assert "no document language (/Lang)" in problems
    assert "a figure without alternative text (/Alt)" in problems
