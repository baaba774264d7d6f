"""Rescheduling tells everyone still in line for the event: a calendar update
for confirmed places, a short note (no calendar file) for offers and the
waiting list."""

from __future__ import annotations

import datetime as dt

import pytest

from outbox.models import OutboundEmail
from training import services
from training.models import BookingStatus, Event

pytestmark = pytest.mark.django_db

MOVED = [
    services.DayInput(1, dt.date(2026, 12, 8), dt.time(10, 0), dt.time(16, 0)),
    services.DayInput(2, dt.date(2026, 12, 9), dt.time(10, 0), dt.time(16, 0)),
]


def _same_days(event: Event) -> list[services.DayInput]:
    return [services.DayInput(d.number, d.date, d.start_time, d.end_time) for d in event.day_list]


@pytest.fixture
def full_event(event, learners):
    """Capacity 2: one confirmed, one offered (after a cancellation), one waiting, one cancelled."""
    people = learners(4)
    bookings = [services.book(event.pk, person).booking for person in people]
    services.cancel(bookings[0].pk, people[0], "Clash with a court date")
    for booking in bookings:
        booking.refresh_from_db()
    assert [b.status for b in bookings] == [
        BookingStatus.CANCELLED,
        BookingStatus.CONFIRMED,
        BookingStatus.OFFERED,
        BookingStatus.WAITLISTED,
    ]
    return event, bookings


def _update(event: Event, booking_pk: int, sequence: int = 1) -> OutboundEmail:
    return OutboundEmail.objects.get(key=f"event-updated:{event.pk}:{sequence}:{booking_pk}")


def test_moving_the_days_tells_the_waiting_list_and_the_offer_without_a_calendar_file(full_event, trainer):
    event, (cancelled, confirmed, offered, waiting) = full_event
    outcome = services.update_event(event.pk, trainer, {"capacity": 2}, MOVED)
    assert "waiting" in outcome.message
    for booking in (offered, waiting):
        mail = _update(event, booking.pk)
        assert mail.to == [booking.learner.email]
        assert "8 December 2026" in mail.body_text and "9 December 2026" in mail.body_text
        assert "10:00" in mail.body_text
        assert "Civic Hall" in mail.body_text
        assert mail.attachments == [], "no calendar invitation for someone without a confirmed place"
    assert "waiting list" in _update(event, waiting.pk).body_text
    assert f"/training/bookings/{offered.pk}/offer/" in _update(event, offered.pk).body_text
    assert len(_update(event, confirmed.pk).attachments) == 1
    assert not OutboundEmail.objects.filter(key=f"event-updated:{event.pk}:1:{cancelled.pk}").exists()


def test_a_new_venue_alone_is_sent_to_the_waiting_list(full_event, trainer):
    event, (_, _, offered, waiting) = full_event
    services.update_event(event.pk, trainer, {"venue_name": "Town Library"}, _same_days(event))
    for booking in (offered, waiting):
        assert "Town Library" in _update(event, booking.pk).body_text


def test_someone_waiting_for_approval_is_told_without_a_calendar_file(make_event, course, make_person, trainer):
    course.requires_manager_approval = True
    course.save()
    manager = make_person("Mina", "Manager", role="team-manager")
    learner = make_person("Ana", "Asking", line_manager=manager)
    event = make_event(capacity=5)
    booking = services.book(event.pk, learner).booking
    assert booking.status == BookingStatus.PENDING_APPROVAL
    services.update_event(event.pk, trainer, {"capacity": 5}, MOVED)
    mail = _update(event, booking.pk)
    assert "line manager" in mail.body_text and "8 December 2026" in mail.body_text
    assert mail.attachments == []


def test_saving_without_a_change_of_days_or_place_tells_nobody(full_event, trainer):
    event, _ = full_event
    services.update_event(event.pk, trainer, {"capacity": 2}, _same_days(event))
    assert not OutboundEmail.objects.filter(key__startswith=f"event-updated:{event.pk}:").exists()


def test_a_second_reschedule_is_a_second_message_to_the_waiting_list(full_event, trainer):
    event, (_, _, _, waiting) = full_event
    services.update_event(event.pk, trainer, {"capacity": 2}, MOVED)
    services.update_event(event.pk, trainer, {"venue_name": "Town Library"}, MOVED)
    assert (
        OutboundEmail.objects.filter(key__startswith=f"event-updated:{event.pk}:")
        .filter(key__endswith=f":{waiting.pk}")
        .count()
        == 2
    )
