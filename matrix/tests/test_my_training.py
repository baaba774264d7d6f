"""A learner's own row on its page and on the home page: what to do, by when, where."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import RequestFactory
from django.urls import reverse

from matrix import services
from matrix.dashboard import dashboard_section

pytestmark = pytest.mark.django_db
URL = reverse("matrix:mine")


def test_signed_out_visitors_are_asked_to_sign_in(client):
    assert client.get(URL).status_code == 302


def test_a_learner_sees_their_requirements_with_due_dates_and_links(
    client, new_staff, outsider, requirements, trainings
):
    services.mark_booked(new_staff, trainings["two_day"], dt.date(2027, 1, 12))
    client.force_login(new_staff)
    body = client.get(URL).content.decode()
    assert "E-learning" in body and "Two-day" in body and "Scenarios" in body
    assert "booked 12 Jan 2027" in body
    assert 'href="/courses/"' in body and 'href="/training/"' in body and 'href="/scenarios/"' in body
    assert "Hannah" not in body


def test_a_councillor_with_nothing_required_is_told_so(client, councillor):
    client.force_login(councillor)
    assert "No training is required" in client.get(URL).content.decode()


def test_the_home_page_section_lists_the_learner_s_own_requirements(new_staff, requirements):
    request = RequestFactory().get("/")
    request.user = new_staff
    section = dashboard_section(request)
    assert section.title == "What you must do, by when"
    assert len(section.context["cells"]) == 3
    assert section.context["headline"] is None


def test_practice_leads_also_get_a_one_line_summary(practice_lead, new_staff, requirements):
    request = RequestFactory().get("/")
    request.user = practice_lead
    headline = dashboard_section(request).context["headline"]
    assert headline.required == 2


def test_the_home_page_shows_the_section(client, new_staff, requirements, home_page):
    client.force_login(new_staff)
    body = client.get("/").content.decode()
    assert "What you must do, by when" in body
