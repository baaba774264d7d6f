"""A learner downloads everything kept about them, and only about them."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from privacy.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_the_json_download_holds_every_kind_of_record(client, records, other_records):
    client.force_login(records.user)
    response = client.get(reverse("privacy:download"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-learning-data.json"'
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == records.user.email
    assert data["account"]["profile"]["team"] == "Assessment Team North"
    elearning = data["elearning"]
    assert elearning["lesson_progress"] and all(row["completed_at"] for row in elearning["lesson_progress"])
    assert elearning["knowledge_check_answers"]
    assert [row["answer"] for row in elearning["journal"]] == [entry.answer for entry in records.journal]
    assert elearning["certificates"][0]["code"] == records.certificate.code
    assert len(data["case_scenarios"]["attempts"]) == 2
    assert data["classroom_training"]["bookings"][0]["course"] == "Two-day training"
    assert data["training_record"]["completions"]
    # Nothing of the other learner's.
    assert other_records.user.email not in response.content.decode()
    assert other_records.certificate.code not in response.content.decode()


def test_downloading_is_written_to_the_audit_log(client, records):
    client.force_login(records.user)
    client.get(reverse("privacy:download"))
    event = AuditEvent.objects.get(action=AuditAction.OWN_EXPORT)
    assert event.actor == records.user and event.subject == records.user


def test_the_readable_page_shows_the_same_records(client, records):
    client.force_login(records.user)
    response = client.get(reverse("privacy:my_data"))
    assert response.status_code == 200
    page = response.content.decode()
    for text in ("Your data", "Journal", records.journal[0].answer, records.certificate.code, "Two-day training"):
        assert text in page
    assert reverse("privacy:delete") in page


def test_the_profile_page_links_to_the_data_page(client, new_staff, home_page):
    client.force_login(new_staff)
    assert reverse("privacy:my_data") in client.get(reverse("people:profile")).content.decode()


@pytest.mark.parametrize("name", ["privacy:my_data", "privacy:download", "privacy:delete"])
def test_signed_out_visitors_are_sent_to_sign_in(client, home_page, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_export_does_not_query_per_record(client, records, django_assert_max_num_queries):
    client.force_login(records.user)
    # A fixed number per section (four for the emails about the person and
    # the words accepted into model answers), never one per record.
    with django_assert_max_num_queries(44):
        client.get(reverse("privacy:download"))
