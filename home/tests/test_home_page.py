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


def test_an_app_adds_its_dashboard_block_by_registering_the_hook_alone(
    client, home_page, new_staff, tmp_path, settings
):
    from wagtail import hooks

    from home.dashboard import DASHBOARD_SECTION_HOOK, DashboardSection

    (tmp_path / "new_app_block.html").write_text("<p class='govuk-body'>Block from a new app: {{ section.note }}</p>")
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], str(tmp_path)]}
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]
    client.force_login(new_staff)
    section = DashboardSection(title="A new app", template="new_app_block.html", context={"note": "hello"}, order=1)
    with hooks.register_temporarily(DASHBOARD_SECTION_HOOK, lambda request: section):
        body = client.get("/").content.decode()
    assert "Block from a new app: hello" in body
    # Its order (1) puts it before every app's own block.
    first_heading = body[body.index('<h2 class="govuk-heading-m" id="dashboard-1">') :].split("</h2>")[0]
    assert first_heading.endswith("A new app")
