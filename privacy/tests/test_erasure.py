"""Administrators erase a person: nothing names them, every count stays."""

from __future__ import annotations

from collections import Counter

import pytest
from django.urls import reverse

from conftest import PASSWORD
from courses.models import Certificate, JournalEntry, LessonProgress, QuestionAnswer
from courses.statistics import course_statistics
from matrix.models import CompletionRecord, RequirementAssignment
from matrix.reports import headline
from people.models import LearnerProfile, User
from privacy import services
from privacy.models import AuditAction, AuditEvent, DeletionRequest, DeletionStatus
from scenarios.convert import page_to_scenario
from scenarios.models import Attempt
from scenarios.reports import scenario_report
from training.models import Booking

pytestmark = pytest.mark.django_db


def statistics(world) -> dict:
    scenario = world["scenario"]
    return {
        "matrix": headline(LearnerProfile.objects.all()),
        "statuses": Counter(RequirementAssignment.objects.values_list("status", flat=True)),
        "completions": CompletionRecord.objects.count(),
        "courses": course_statistics(),
        "answers": QuestionAnswer.objects.count(),
        "progress": LessonProgress.objects.count(),
        "scenario": scenario_report(scenario, page_to_scenario(scenario)),
        "bookings": Counter(Booking.objects.values_list("status", flat=True)),
        "certificates": Certificate.objects.count(),
        "people": User.objects.count(),
    }


def test_erasing_removes_everything_that_names_the_person(client, records, training_admin):
    person = records.user
    email = person.email
    DeletionRequest.objects.create(user=person, reason="I have left")
    client.force_login(training_admin)
    response = client.post(reverse("privacy:person", args=[person.pk]), {"confirm": "on"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Erased", f"person {person.pk}")
    assert person.email == f"erased-{person.pk}@erased.invalid" and not person.is_active
    assert not person.has_usable_password()
    assert not person.emailaddress_set.exists() and not person.groups.exists()
    assert not JournalEntry.objects.filter(user=person).exists()
    assert Certificate.objects.get(pk=records.certificate.pk).learner_name == "Erased person"
    for attempt in Attempt.objects.filter(user=person):
        assert attempt.statements() == [] and attempt.goals() == []
        assert attempt.mapping["scaling"]["reason"] == ""
    assert DeletionRequest.objects.get().status == DeletionStatus.ERASED
    assert AuditEvent.objects.filter(action=AuditAction.ERASED, actor=training_admin, subject=person).exists()
    assert not AuditEvent.objects.filter(subject_label__contains=email).exists()
    assert not client.login(username=email, password=PASSWORD)


def test_erasing_keeps_every_count_and_statistic_the_same(records, other_records, training_admin, world):
    before = statistics(world)
    services.erase_person(records.user, by=training_admin)
    assert statistics(world) == before


def test_the_certificate_still_verifies_but_names_no_one(client, records, training_admin):
    services.erase_person(records.user, by=training_admin)
    page = client.get(reverse("courses:verify_code", args=[records.certificate.code]))
    assert page.status_code == 200
    assert "Sam" not in page.content.decode() and "Okafor" not in page.content.decode()


def test_erasing_twice_is_refused_with_a_message(client, records, training_admin):
    services.erase_person(records.user, by=training_admin)
    client.force_login(training_admin)
    response = client.get(reverse("privacy:person", args=[records.user.pk]))
    assert "has been erased" in response.content.decode()
    with pytest.raises(services.PrivacyError):
        services.erase_person(User.objects.get(pk=records.user.pk), by=training_admin)


@pytest.mark.parametrize("who", ["new_staff", "practice_lead", "trainer", "content_editor"])
def test_only_training_administrators_may_erase(client, request, outsider, who, home_page):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("privacy:person", args=[outsider.pk])).status_code == 403
    assert client.post(reverse("privacy:person", args=[outsider.pk]), {"confirm": "on"}).status_code == 403
    outsider.refresh_from_db()
    assert outsider.is_active and outsider.first_name == "Hannah"


def test_erasing_needs_the_confirmation_box(client, outsider, training_admin):
    client.force_login(training_admin)
    response = client.post(reverse("privacy:person", args=[outsider.pk]), {})
    assert response.status_code == 400 and "Tick the box" in response.content.decode()
    outsider.refresh_from_db()
    assert outsider.first_name == "Hannah"
