"""Views of other people's records are logged, and administrators can read the log."""

from __future__ import annotations

import pytest
from django.urls import reverse

from privacy.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_a_practice_lead_opening_the_matrix_is_logged_with_where_from(client, practice_lead, home_page):
    client.force_login(practice_lead)
    assert client.get(reverse("matrix:people"), REMOTE_ADDR="10.1.2.3").status_code == 200
    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.what, event.ip_address) == (
        practice_lead,
        AuditAction.VIEW,
        "matrix:people",
        "10.1.2.3",
    )


def test_an_export_is_logged_as_an_export(client, training_admin, home_page):
    client.force_login(training_admin)
    response = client.get(reverse("matrix:people_export", args=["csv"]))
    assert response.status_code == 200
    b"".join(response.streaming_content) if response.streaming else response.content
    assert AuditEvent.objects.get().action == AuditAction.EXPORT


def test_a_trainer_reading_someone_elses_attempt_is_logged_against_that_person(client, records, trainer):
    client.force_login(trainer)
    assert client.get(reverse("scenarios:result", args=[records.attempt.pk])).status_code == 200
    event = AuditEvent.objects.get(what="scenarios:result")
    assert event.subject == records.user and "Sam Okafor" in event.subject_label


def test_a_learner_reading_their_own_attempt_is_not_logged(client, records):
    client.force_login(records.user)
    assert client.get(reverse("scenarios:result", args=[records.attempt.pk])).status_code == 200
    assert not AuditEvent.objects.exists()


def test_a_refused_page_is_not_logged(client, new_staff, home_page):
    client.force_login(new_staff)
    assert client.get(reverse("matrix:people")).status_code in (302, 403, 404)
    assert not AuditEvent.objects.exists()


def test_training_administrators_read_and_filter_the_log(client, practice_lead, training_admin, home_page):
    client.force_login(practice_lead)
    client.get(reverse("matrix:people"))
    client.force_login(training_admin)
    page = client.get(reverse("privacy:audit_log"), {"who": "Priya"})
    assert page.status_code == 200 and "Priya Shah" in page.content.decode()
    assert "matrix:people" in page.content.decode()
    assert "Priya Shah" not in client.get(reverse("privacy:audit_log"), {"who": "nobody-by-that-name"}).content.decode()


@pytest.mark.parametrize("who", ["new_staff", "practice_lead", "trainer", "content_editor"])
def test_no_one_else_reads_the_log(client, request, who, home_page):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("privacy:audit_log")).status_code == 403


def test_every_audited_page_name_is_a_real_url():
    from django.urls import get_resolver

    from privacy.audit import AUDITED

    names: set[str] = set()

    def walk(patterns, namespace=""):
        for entry in patterns:
            if hasattr(entry, "url_patterns"):
                walk(entry.url_patterns, namespace + (f"{entry.namespace}:" if entry.namespace else ""))
            elif entry.name:
                names.add(namespace + entry.name)

    walk(get_resolver().url_patterns)
    assert sorted(set(AUDITED) - names) == []


def test_an_administrator_opening_a_learner_profile_in_the_admin_is_logged_against_that_person(
    client, training_admin, new_staff, home_page
):
    client.force_login(training_admin)
    profile = new_staff.profile
    assert client.get(f"/admin/snippets/people/learnerprofile/edit/{profile.pk}/").status_code == 200
    event = AuditEvent.objects.get(what="wagtailsnippets_people_learnerprofile:edit")
    assert event.actor == training_admin and event.subject == new_staff
    assert client.get("/admin/snippets/people/learnerprofile/").status_code == 200
    assert AuditEvent.objects.filter(what="wagtailsnippets_people_learnerprofile:list").exists()
