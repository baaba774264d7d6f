from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_signed_out_visitors_see_what_the_platform_is(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Sign in" in response.content
    assert b"Skip to main content" in response.content


def test_signed_in_learners_see_their_dashboard(client, home_page, new_staff):
    client.force_login(new_staff)
    response = client.get("/")
    assert response.status_code == 200
    assert b"Hello, Sam" in response.content


def test_privacy_and_accessibility_pages_are_public(client, home_page):
    assert client.get("/privacy/").status_code == 200
    assert client.get("/accessibility/").status_code == 200


def test_the_accessibility_statement_has_the_sections_the_regulations_require(client, home_page):
    page = client.get("/accessibility/").content.decode()
    for heading in (
        "Compliance status",
        "Content that is not accessible",
        "Preparation of this statement",
        "Reporting problems",
        "Enforcement procedure",
    ):
        assert f">{heading}</h2>" in page, heading
    assert "partially compliant" in page and "prepared on" in page


def test_the_accessibility_statement_no_longer_lists_the_certificate_pdf(client, home_page):
    page = client.get("/accessibility/").content.decode()
    not_accessible = page.split(">Content that is not accessible</h2>", 1)[1].split("<h2", 1)[0]
    assert "certificate" not in not_accessible.lower()
    assert "tagged PDFs (PDF/UA)" in page
