from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def test_saving_the_profile_unchanged_keeps_the_start_date(client, new_staff):
    profile = new_staff.profile
    profile.start_date = dt.date(2026, 11, 13)
    profile.save()
    client.force_login(new_staff)
    page = client.get("/profile/").content.decode()
    assert 'value="2026-11-13"' in page
    client.post("/profile/", {"team": profile.team_id, "role": profile.role_id, "start_date": "2026-11-13"})
    profile.refresh_from_db()
    assert profile.start_date == dt.date(2026, 11, 13)


def test_a_signed_in_person_with_an_unfinished_profile_can_still_verify_a_certificate(client, new_staff):
    profile = new_staff.profile
    profile.team = None
    profile.save()
    client.force_login(new_staff)
    response = client.get("/learning/certificates/verify/?code=NOTACODE")
    assert response.status_code == 200
    assert client.get("/courses/").status_code == 302
