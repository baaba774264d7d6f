"""The line manager is told of a no-show or a late cancellation, and trainers
and training administrators are warned before a trainer's licence ends."""

from __future__ import annotations

import datetime as dt

import pytest

from outbox.models import OutboundEmail
from training import services
from training.models import AttendanceStatus, TrainerLicence
from training.reminders import send_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def managed(make_person, practice_lead):
    return make_person("Ada", "Report", line_manager=practice_lead)


def test_the_manager_is_told_of_a_late_cancellation(event, managed, practice_lead, frozen_now):
    booking = services.book(event.pk, managed).booking
    frozen_now.move_to(dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC))
    services.cancel(booking.pk, managed, "Court hearing moved")
    notice = OutboundEmail.objects.get(key=f"manager-late-cancellation:{booking.pk}")
    assert notice.to == [practice_lead.email]
    assert "cancelled Signs of Safety two-day foundation training late" in notice.subject
    assert "Court hearing moved" in notice.body_text


def test_an_early_cancellation_tells_the_manager_nothing(event, managed):
    booking = services.book(event.pk, managed).booking
    services.cancel(booking.pk, managed, "Changed my plans")
    assert not OutboundEmail.objects.filter(key__startswith="manager-late-cancellation:").exists()


def test_the_manager_is_told_of_a_no_show_once(event, managed, practice_lead, trainer, frozen_now):
    booking = services.book(event.pk, managed).booking
    frozen_now.move_to(dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.UTC))
    services.mark_attendance(event.pk, 1, {booking.pk: AttendanceStatus.ABSENT}, trainer)
    services.mark_attendance(event.pk, 1, {booking.pk: AttendanceStatus.ATTENDED}, trainer)
    services.mark_attendance(event.pk, 1, {booking.pk: AttendanceStatus.ABSENT}, trainer)
    notices = OutboundEmail.objects.filter(key__startswith="manager-no-show:")
    assert [n.to for n in notices] == [[practice_lead.email]]
    assert "did not attend day 1" in notices[0].subject


def test_attending_tells_the_manager_nothing(event, managed, trainer, frozen_now):
    booking = services.book(event.pk, managed).booking
    frozen_now.move_to(dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.UTC))
    services.mark_attendance(event.pk, 1, {booking.pk: AttendanceStatus.ATTENDED}, trainer)
    assert not OutboundEmail.objects.filter(key__startswith="manager-no-show:").exists()


def test_a_licence_ending_soon_warns_the_trainer_and_administrators_once(event, trainer, training_admin, settings):
    settings.LICENCE_WARNING_DAYS = 60
    licence = TrainerLicence.objects.get(trainer=trainer)
    licence.valid_until = dt.date(2026, 12, 20)
    licence.save()
    report = send_reminders()
    send_reminders()
    warnings = OutboundEmail.objects.filter(key__startswith="licence-expiring:")
    assert report.licences == 2
    assert sorted(w.to[0] for w in warnings) == sorted([trainer.email, training_admin.email])
    mine = warnings.get(to=[trainer.email])
    assert mine.subject == "Your trainer licence LIC-1 ends on 20 December 2026"


def test_a_licence_far_from_its_end_warns_nobody(event, trainer, training_admin):
    assert send_reminders().licences == 0
