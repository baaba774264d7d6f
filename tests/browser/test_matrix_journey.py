"""A practice lead and an administrator use the training matrix in a real browser."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from home.demo_loader import load_all
from people.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_practice_lead_finds_overdue_people_drills_down_and_downloads(page, sign_in, axe_check):
    load_all(io.StringIO())
    sign_in("priya.shah@northbridge.gov.uk", DEMO_PASSWORD)
    page.goto("/matrix/")
    expect(page.get_by_role("heading", name="Training matrix")).to_be_visible()
    axe_check(page)
    table = page.locator("table.app-matrix-table")
    assert "Sam Okafor" in table.inner_text()
    assert "Child Protection Team" not in table.inner_text()

    page.get_by_label("Status", exact=True).select_option("overdue")
    page.get_by_role("button", name="Apply filters").click()
    assert "status=overdue" in page.url
    axe_check(page)
    cells = page.locator("table.app-matrix-table tbody td strong.govuk-tag").all_inner_texts()
    assert "Overdue" in cells

    page.get_by_role("link", name="Summary", exact=True).click()
    expect(page.get_by_role("heading", name="Training summary")).to_be_visible()
    axe_check(page)
    page.locator("table.app-matrix-table tbody a", has_text="Social worker").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"by team$"))
    axe_check(page)
    page.get_by_role("link", name="Assessment Team North").click()
    assert "team=" in page.url
    axe_check(page)
    assert "Sam Okafor" in page.locator("table.app-matrix-table").inner_text()

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV file of the people in the matrix").click()
    text = open(csv_download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Name" and any(row[0] == "Sam Okafor" for row in rows[1:])
    assert all("Assessment Team" in row[3] for row in rows[1:])

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Excel file of the people in the matrix").click()
    sheet = load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes())).active
    assert sheet["A1"].value == "Name"
    assert "Sam Okafor" in [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]

    # A team outside Priya's reach is answered as if it did not exist, and no name from it shows.
    from people.models import Team

    other_team = Team.objects.get(name="Child Protection Team")
    response = page.goto(f"/matrix/?team={other_team.pk}")
    assert response is not None and response.status == 404
    assert "Callum Fraser" not in page.content()


def test_an_administrator_sees_the_partnership_summary_and_board_report(page, sign_in, axe_check):
    load_all(io.StringIO())
    sign_in("alex.morgan@northbridge.gov.uk", DEMO_PASSWORD)
    page.goto("/matrix/summary/")
    axe_check(page)
    body = page.locator("main").inner_text()
    assert "trained so far" in body
    for agency in ("Northshire Police", "Northbridge Community Health", "Northbridge Council Members"):
        assert agency in body
    expect(page.locator("svg.app-matrix-chart__svg")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Excel file of the summary").click()
    assert load_workbook(io.BytesIO(download.value.path().read_bytes())).active["A1"].value == "Agency"

    page.get_by_role("link", name="Board report").click()
    axe_check(page)
    expect(page.get_by_role("button", name="Print this report")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.emulate_media(media="print")
    expect(page.locator(".govuk-header")).not_to_be_visible()

    page.emulate_media(media="screen")
    page.goto("/matrix/mine/")
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.goto("/")
    axe_check(page)
    assert "What you must do, by when" in page.locator("main").inner_text()
