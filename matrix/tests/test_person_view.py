"""The person view: who may see whom, filters, and a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from matrix import services
from matrix.models import CompletionSource

pytestmark = pytest.mark.django_db
URL = reverse("matrix:people")


def test_it_asks_signed_out_visitors_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_learner_is_sent_to_their_own_row(client, new_staff, requirements):
    client.force_login(new_staff)
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("matrix:mine")


def test_a_practice_lead_sees_their_team_and_nobody_else(
    client, practice_lead, new_staff, south_worker, outsider, requirements
):
    client.force_login(practice_lead)
    body = client.get(URL).content.decode()
    assert "Sam Okafor" in body
    assert "Sol Southey" not in body
    assert "Hannah Price" not in body


@pytest.mark.parametrize("param", ["team", "agency"])
def test_a_practice_lead_asking_for_another_group_gets_a_404(client, practice_lead, partnership, requirements, param):
    client.force_login(practice_lead)
    value = partnership["teams"]["south"].pk if param == "team" else partnership["health"].pk
    assert client.get(URL, {param: value}).status_code == 404


def test_a_lead_of_another_agency_sees_only_their_agency(
    client, other_lead, new_staff, outsider, requirements, partnership
):
    client.force_login(other_lead)
    response = client.get(URL)
    assert response.status_code == 200, response.get("Location")
    body = response.content.decode()
    assert "Hannah Price" in body
    assert "Sam Okafor" not in body
    assert client.get(URL, {"team": partnership["teams"]["north"].pk}).status_code == 404


def test_a_training_administrator_sees_everyone(
    client, training_admin, new_staff, south_worker, outsider, requirements
):
    client.force_login(training_admin)
    body = client.get(URL).content.decode()
    assert all(name in body for name in ("Sam Okafor", "Sol Southey", "Hannah Price"))


def test_status_is_shown_in_words_as_well_as_colour(client, training_admin, new_staff, requirements, trainings):
    services.record_completion(new_staff, trainings["elearning"], dt.date(2026, 9, 10), CompletionSource.ELEARNING)
    client.force_login(training_admin)
    body = client.get(URL, {"q": "Okafor"}).content.decode()
    assert 'govuk-tag govuk-tag--green app-matrix-tag">Complete</strong>' in body
    assert "Completed 10 Sep 2026" in body


def test_it_filters_by_status_and_searches_by_name(
    client, training_admin, new_staff, south_worker, requirements, trainings
):
    services.record_completion(south_worker, trainings["elearning"], dt.date(2026, 9, 10), CompletionSource.ELEARNING)
    client.force_login(training_admin)
    body = client.get(URL, {"status": "complete", "training": trainings["elearning"].pk}).content.decode()
    assert "Sol Southey" in body and "Sam Okafor" not in body
    body = client.get(URL, {"q": "okaf"}).content.decode()
    assert "Sam Okafor" in body and "Sol Southey" not in body


def test_a_bad_status_value_is_reported_not_a_crash(client, training_admin, requirements):
    client.force_login(training_admin)
    response = client.get(URL, {"status": "nonsense"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_it_shows_fifty_people_a_page(client, training_admin, make_person, requirements):
    for n in range(55):
        make_person("Page", f"Person{n:02d}")
    client.force_login(training_admin)
    response = client.get(URL, {"q": "Page"})
    assert len(response.context["rows"]) == 50
    assert "Showing 1 to 50 of 55 people" in response.content.decode()
    assert len(client.get(URL, {"q": "Page", "page": 2}).context["rows"]) == 5


def count_queries(client, url, params=None) -> int:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # count the worst case: nothing cached yet
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_people(
    client, training_admin, make_person, requirements, trainings, django_assert_max_num_queries
):
    def add_people(n: int) -> None:
        for i in range(n):
            person = make_person("Many", f"Person{i}")
            services.record_completion(person, trainings["elearning"], dt.date(2026, 9, 10), "elearning", f"c:{i}")

    client.force_login(training_admin)
    params = {"status": "complete", "sort": "-start"}
    client.get(URL)  # warm the session
    add_people(3)
    few = count_queries(client, URL, params)
    add_people(40)
    with django_assert_max_num_queries(20):
        response = client.get(URL, params)
    assert count_queries(client, URL, params) == few
    assert len(response.context["rows"]) == 43
