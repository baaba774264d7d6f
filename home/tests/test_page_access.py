"""Who may open each page the foundation owns: every persona, signed out included."""

from __future__ import annotations

import pytest
from django.utils.html import escape

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "new_staff",
    "councillor",
    "practice_lead",
    "trainer",
    "training_admin",
    "content_editor",
    "outsider",
]
# Trainers run their events on the platform's own pages and have no admin access.
ADMIN_GROUPS = {"training_admin", "content_editor"}
SIGN_IN = "/accounts/login/"


def _client_as(client, request, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    return client


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", ["/privacy/", "/accessibility/", "/healthz"])
def test_public_pages_open_for_everyone(client, request, home_page, persona, url):
    assert _client_as(client, request, persona).get(url).status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_home_page_is_a_dashboard_once_signed_in(client, request, home_page, persona):
    body = _client_as(client, request, persona).get("/").content.decode()
    if persona == "anonymous":
        assert "Create an account with your work email" in body
        assert "Here is what to do next" not in body
    else:
        assert "Here is what to do next" in body
        assert 'href="/accounts/logout/"' in body


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_profile_page_is_for_signed_in_people_and_shows_only_their_own(client, request, home_page, persona):
    response = _client_as(client, request, persona).get("/profile/")
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(SIGN_IN)
    else:
        assert response.status_code == 200
        user = request.getfixturevalue(persona)
        assert escape(user.profile.team.name) in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_welcome_page_is_only_for_someone_with_nothing_on_record(client, request, home_page, persona):
    """Every persona already has a team and role on record: a change to those is a
    proposal on the profile page, so the first-sign-in form sends them there."""
    response = _client_as(client, request, persona).get("/welcome/")
    assert response.status_code == 302
    if persona == "anonymous":
        assert response["Location"].startswith(SIGN_IN)
    else:
        assert response["Location"] == "/profile/"


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_administrators_and_editors_enter_the_admin(client, request, home_page, persona):
    response = _client_as(client, request, persona).get("/admin/")
    if persona in ADMIN_GROUPS:
        assert response.status_code == 200
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 403


def test_a_superuser_enters_the_admin(client, home_page, django_user_model):
    admin = django_user_model.objects.create_superuser(username="root", email="root@northbridge.gov.uk", password="x")
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200


def test_the_dashboard_issues_a_fixed_number_of_queries(client, home_page, new_staff, django_assert_max_num_queries):
    client.force_login(new_staff)
    client.get("/")  # warm Wagtail's site cache, as a running server would have
    with django_assert_max_num_queries(40):
        assert client.get("/").status_code == 200
