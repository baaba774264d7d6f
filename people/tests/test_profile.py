"""The learner's own profile page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_shows_the_learners_own_details_only(client, new_staff, outsider):
    client.force_login(new_staff)
    body = client.get("/profile/").content.decode()
    assert new_staff.email in body
    assert "Children&#x27;s Social Care" in body
    assert outsider.email not in body


def test_it_links_to_password_email_and_two_step_sign_in(client, new_staff):
    client.force_login(new_staff)
    body = client.get("/profile/").content.decode()
    for url in ("/accounts/password/change/", "/accounts/email/", "/accounts/2fa/"):
        assert f'href="{url}"' in body


def test_a_proposed_team_must_be_in_the_learners_agency(client, partnership, new_staff):
    client.force_login(new_staff)
    data = {"team": partnership["teams"]["health_visiting"].pk, "role": partnership["roles"]["social-worker"].pk}
    response = client.post("/profile/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    new_staff.profile.refresh_from_db()
    assert new_staff.profile.team == partnership["teams"]["north"]


def test_it_needs_sign_in(client, partnership):
    assert client.get("/profile/")["Location"].startswith("/accounts/login/")
