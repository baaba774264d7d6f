from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command

from outbox.models import OutboundEmail
from training import services
from training.models import BookingStatus
from training.reminders import send_reminders

pytestmark = pytest.mark.django_db


def test_it_reminds_confirmed_learners_a_week_before_and_only_once(event, learners):
    first, second = learners(2)
    confirmed = services.book(event.pk, first).booking
    with time_machine.travel(dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC), tick=False):
        assert send_reminders().reminded == 0
    with time_machine.travel(dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC), tick=False):
        send_reminders()
        send_reminders()
    reminders = OutboundEmail.objects.filter(key__startswith="event-reminder:")
    assert list(reminders.values_list("key", flat=True)) == [f"event-reminder:{confirmed.pk}:2026-12-01"]
    assert reminders.get().to == [first.email]


def test_it_does_not_remind_about_a_cancelled_event(event, new_staff, trainer):
    services.book(event.pk, new_staff)
    services.cancel_event(event.pk, trainer, "Venue closed")
    with time_machine.travel(dt.datetime(2026, 11, 28, 7, 0, tzinfo=dt.UTC), tick=False):
        send_reminders()
    assert not OutboundEmail.objects.filter(key__startswith="event-reminder:").exists()


def test_it_expires_offers_and_offers_the_next_place(make_event, learners):
    event = make_event(capacity=1)
    holder, first, second = learners(3)
    bookings = [services.book(event.pk, p).booking for p in (holder, first, second)]
    services.cancel(bookings[0].pk, holder, "Ill")
    with time_machine.travel(dt.datetime(2026, 11, 5, 7, 0, tzinfo=dt.UTC), tick=False):
        report = send_reminders()
        again = send_reminders()
    assert report.expired == 1 and again.expired == 0
    bookings[1].refresh_from_db()
    bookings[2].refresh_from_db()
    assert bookings[1].status == BookingStatus.EXPIRED
    assert bookings[2].status == BookingStatus.OFFERED
    assert OutboundEmail.objects.filter(key=f"booking-offer:{bookings[2].pk}").count() == 1


def test_the_command_reports_what_it_did(event, new_staff):
    services.book(event.pk, new_staff)
    out = io.StringIO()
    with time_machine.travel(dt.datetime(2026, 11, 27, 7, 0, tzinfo=dt.UTC), tick=False):
        call_command("send_training_reminders", stdout=out)
    assert "Reminders checked for 1 bookings" in out.getvalue()


def test_events_whose_days_are_over_are_marked_finished_and_attendance_can_still_be_taken(
    make_event, learners, trainer
):
    from training.models import AttendanceStatus, Event, EventStatus
    from training.tests.conftest import FIRST_DAY

    event = make_event(capacity=2)
    draft = make_event(status=EventStatus.DRAFT, first_day=FIRST_DAY + dt.timedelta(days=14))
    booking = services.book(event.pk, learners(1)[0]).booking
    second_day = FIRST_DAY + dt.timedelta(days=1)
    with time_machine.travel(dt.datetime.combine(second_day, dt.time(12, 0), tzinfo=dt.UTC), tick=False):
        assert send_reminders().finished == 0  # the second day is not over yet
    after = dt.datetime.combine(second_day + dt.timedelta(days=1), dt.time(7, 0), tzinfo=dt.UTC)
    with time_machine.travel(after, tick=False):
        out = io.StringIO()
        call_command("send_training_reminders", stdout=out)
        assert "1 events finished" in out.getvalue()
        assert Event.objects.get(pk=event.pk).status == EventStatus.FINISHED
        assert Event.objects.get(pk=draft.pk).status == EventStatus.DRAFT
        assert send_reminders().finished == 0
        for day in (1, 2):
            services.mark_attendance(event.pk, day, {booking.pk: AttendanceStatus.ATTENDED}, trainer)
    from matrix.models import CompletionRecord

    assert CompletionRecord.objects.filter(user=booking.learner, training=event.course.training).exists()
