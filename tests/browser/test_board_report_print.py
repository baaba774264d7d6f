"""The board report prints for the safeguarding board: one or two A4 portrait pages, no word broken."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from home.demo_loader import load_all
from people.demo import DEMO_PASSWORD
from tests.browser.conftest import broken_words

pytestmark = pytest.mark.django_db(transaction=True)

# A4 less the report's 1.2cm margins, at 96 CSS pixels to the inch.
PRINTABLE_WIDTH = round((21.0 - 2.4) / 2.54 * 96)

# Every word of the headings, captions and table headers on one line.
BOARD_LABELS = ".app-board h1, .app-board h2, .app-board caption, .app-board th, .govuk-caption-l"


def test_the_board_report_prints_on_one_or_two_a4_pages_with_no_word_broken(page, sign_in):
    load_all(io.StringIO())
    sign_in("alex.morgan@northbridge.gov.uk", DEMO_PASSWORD)
    page.goto("/matrix/board/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
    assert broken_words(page, BOARD_LABELS) == []
    # On screen at a laptop's width too.
    page.emulate_media(media="screen")
    for width in (1024, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert broken_words(page, BOARD_LABELS) == [], width
    # Printed as the browser's print command prints it: with the print styles (Playwright's PDF uses
    # whatever media was last emulated).
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Impact of the training" in text and "Whole partnership" in text
    assert "Sign out" not in text and "Print this report" not in text and "Privacy notice" not in text
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 2, f"{pages} pages"
    assert b"/MediaBox [0 0 595" in pdf or re.search(rb"/MediaBox\s*\[\s*0 0 59[45]", pdf)
