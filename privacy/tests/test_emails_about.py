"""Erasure and export reach the mail *about* a person sent to someone else
(requests and notices to their line manager) and their words a trainer
accepted into a model answer."""

from __future__ import annotations

import datetime as dt

import pytest

from matrix.models import Requirement, RequirementAssignment, Training, TrainingKind
from matrix.reminder_rules import Kind, Reminder
from matrix.reminders import reminder_key
from outbox.models import OutboundEmail
from outbox.services import send_templated
from people.models import LearnerProfile
from people.services import Proposal, propose_change
from privacy import registry, services
from scenarios.models import AcceptedAlternative
from scenarios.services import accept_alternative
from training import emails, notices

pytestmark = pytest.mark.django_db

ACCEPTED = "Dad says he will walk the children to school every morning this term."


@pytest.fixture
def mail_about(records, practice_lead, partnership, world):
    """Every kind of email about Sam that goes to his line manager, sent by the apps themselves."""
    person = records.user
    LearnerProfile.objects.filter(user=person).update(line_manager=practice_lead)
    booking = records.booking
    emails.approval_requested(booking)
    emails.approval_requested(booking, chase=1)
    notices.no_show(booking, 1)
    notices.late_cancellation(booking)
    propose_change(person, Proposal(team=partnership["teams"]["south"], reason="Moved team"))
    training = Training.objects.create(slug="refresher", title="Refresher", kind=TrainingKind.CLASSROOM)
    Requirement.objects.create(training=training, role=partnership["roles"]["social-worker"], due_within=60)
    assignment = RequirementAssignment.objects.select_related("training").get(
        user=person, requirement__training=training
    )
    reminder = Reminder(Kind.OVERDUE, dt.date(2026, 1, 1), dt.date(2026, 1, 2))
    context = {"person": person, "training": training, "kind": "overdue", "about": reminder.about}
    send_templated(
        reminder_key(assignment, reminder, manager=True),
        [practice_lead.email],
        "matrix/emails/reminder_manager",
        {**context, "link": "/", "mine": "/", "profile": "/", "manager": practice_lead},
    )
    about = list(OutboundEmail.objects.filter(to=[practice_lead.email]).values_list("key", flat=True))
    assert len(about) == 6, about
    return about


def test_the_export_includes_the_emails_about_the_person(records, mail_about, other_records, practice_lead):
    data = registry.export_user_data(records.user)
    exported = [
        mail["subject"]
        for section in data.values()
        if isinstance(section, dict)
        for mail in section.get("emails_about_you", [])
    ]
    expected = OutboundEmail.objects.filter(key__in=mail_about).values_list("subject", flat=True)
    assert sorted(exported) == sorted(expected)
    # Nobody else's: the other learner's export has none of them.
    others = registry.export_user_data(other_records.user)
    assert not any(section.get("emails_about_you") for section in others.values() if isinstance(section, dict))


def test_erasing_removes_the_emails_about_the_person_and_keeps_other_peoples(
    records, mail_about, other_records, practice_lead, training_admin
):
    LearnerProfile.objects.filter(user=other_records.user).update(line_manager=practice_lead)
    emails.approval_requested(other_records.booking)
    kept = OutboundEmail.objects.get(key=f"booking-approval:{other_records.booking.pk}")
    services.erase_person(records.user, by=training_admin)
    assert not OutboundEmail.objects.filter(key__in=mail_about).exists()
    assert OutboundEmail.objects.filter(pk=kept.pk).exists()
    assert not OutboundEmail.objects.filter(body_text__contains="Okafor").exists()


def test_words_accepted_into_a_model_answer_are_exported_and_no_longer_linked_after_erasure(
    records, world, trainer, training_admin
):
    accepted = accept_alternative(
        world["scenario"],
        "statements",
        0,
        ACCEPTED,
        "Says the same as the model answer.",
        trainer,
        source=records.attempt,
    )
    data = registry.export_user_data(records.user)
    assert [row["text"] for row in data["case_scenarios"]["your_words_accepted_into_model_answers"]] == [ACCEPTED]
    services.erase_person(records.user, by=training_admin)
    accepted.refresh_from_db()
    assert accepted.attempt_id is None
    assert accepted.note != "Says the same as the model answer."
    assert not AcceptedAlternative.objects.filter(attempt__user=records.user).exists()
