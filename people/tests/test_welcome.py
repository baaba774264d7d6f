"""The first-sign-in step: team and role before anything else, safely."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _form(partnership, **changes):
    data = {
        "team": partnership["teams"]["north"].pk,
        "role": partnership["roles"]["social-worker"].pk,
        "start_date": "2026-09-01",
        "line_manager_email": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("url", ["/", "/learning/", "/profile/", "/matrix/"])
def test_it_comes_before_every_other_page(client, home_page, unfinished_user, url):
    client.force_login(unfinished_user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/welcome/?next=")


def test_it_keeps_the_whole_address_to_come_back_to(client, home_page, unfinished_user):
    client.force_login(unfinished_user)
    response = client.get("/learning/?a=1&b=2")
    assert response["Location"] == "/welcome/?next=%2Flearning%2F%3Fa%3D1%26b%3D2"


def test_it_does_not_stop_signing_out_or_account_pages(client, unfinished_user):
    client.force_login(unfinished_user)
    assert client.get("/accounts/logout/").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_it_offers_only_the_teams_of_the_learners_own_agency(client, partnership, unfinished_user):
    client.force_login(unfinished_user)
    body = client.get("/welcome/").content.decode()
    assert "Assessment Team North" in body
    assert "Health Visiting" not in body
    assert "Children&#x27;s Social Care" in body


def test_a_tampered_form_cannot_pick_another_agencys_team(client, partnership, unfinished_user):
    client.force_login(unfinished_user)
    response = client.post("/welcome/", _form(partnership, team=partnership["teams"]["health_visiting"].pk))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    unfinished_user.profile.refresh_from_db()
    assert unfinished_user.profile.team is None
    assert unfinished_user.profile.role is None


def test_team_and_role_are_required_with_clear_messages(client, partnership, unfinished_user):
    client.force_login(unfinished_user)
    body = client.post("/welcome/", _form(partnership, team="", role="")).content.decode()
    assert '<a href="#id_team">' in body and '<a href="#id_role">' in body


def test_it_saves_team_role_start_date_and_line_manager_then_goes_on(
    client, partnership, unfinished_user, practice_lead
):
    client.force_login(unfinished_user)
    response = client.post(
        "/welcome/", _form(partnership, line_manager_email=practice_lead.email.upper(), next="/learning/")
    )
    assert response.status_code == 302
    assert response["Location"] == "/learning/"
    profile = unfinished_user.profile
    profile.refresh_from_db()
    assert profile.is_complete
    assert profile.team == partnership["teams"]["north"]
    assert profile.line_manager == practice_lead
    assert str(profile.start_date) == "2026-09-01"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("nobody@northbridge.gov.uk", "We cannot add that address as your line manager"),
        ("self", "your own line manager"),
    ],
)
def test_it_refuses_a_line_manager_who_is_not_an_account(client, partnership, unfinished_user, email, message):
    client.force_login(unfinished_user)
    email = unfinished_user.email if email == "self" else email
    response = client.post("/welcome/", _form(partnership, line_manager_email=email))
    assert message in response.content.decode()
    unfinished_user.profile.refresh_from_db()
    assert not unfinished_user.profile.is_complete


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "https:/evil.example", "javascript:alert(1)", "\\\\evil.example"],
)
def test_it_never_sends_people_to_another_site(client, partnership, unfinished_user, target):
    client.force_login(unfinished_user)
    response = client.post("/welcome/", _form(partnership, next=target))
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_bad_next_in_the_address_is_not_put_in_the_form(client, partnership, unfinished_user):
    client.force_login(unfinished_user)
    body = client.get("/welcome/?next=https://evil.example/").content.decode()
    assert "evil.example" not in body


def test_it_needs_sign_in(client, partnership):
    response = client.get("/welcome/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
