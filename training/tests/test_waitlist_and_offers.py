from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from matrix.models import ActivityKind, TrainingActivity
from outbox.models import OutboundEmail
from training import services
from training.models import AuditAction, BookingAuditEntry, BookingStatus
from training.tests.conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_event(make_event, learners):
    """Capacity 1: one confirmed, two waiting (in that order)."""
    event = make_event(capacity=1)
    holder, first_waiting, second_waiting = learners(3)
    bookings = [services.book(event.pk, person).booking for person in (holder, first_waiting, second_waiting)]
    return event, bookings


def test_cancelling_offers_the_place_to_the_first_waiting(full_event):
    event, (holder, first, second) = full_event
    outcome = services.cancel(holder.pk, holder.learner, "Off sick")
    assert "cancelled" in outcome.message
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == BookingStatus.OFFERED
    assert first.offer_expires_at == NOW + dt.timedelta(hours=48)
    assert second.status == BookingStatus.WAITLISTED
    offer = OutboundEmail.objects.get(key=f"booking-offer:{first.pk}")
    assert f"/training/bookings/{first.pk}/offer/" in offer.body_text
    assert not TrainingActivity.objects.filter(user=holder.learner, kind=ActivityKind.BOOKED).exists()


def test_cancelling_needs_a_reason_and_changes_nothing_without_one(full_event):
    event, (holder, first, _) = full_event
    with pytest.raises(services.Refused, match="why"):
        services.cancel(holder.pk, holder.learner, "   ")
    holder.refresh_from_db()
    assert holder.status == BookingStatus.CONFIRMED


def test_cancelling_twice_is_harmless(full_event):
    event, (holder, first, second) = full_event
    services.cancel(holder.pk, holder.learner, "Off sick")
    again = services.cancel(holder.pk, holder.learner, "Off sick")
    assert "already" in again.message
    second.refresh_from_db()
    assert second.status == BookingStatus.WAITLISTED
    assert BookingAuditEntry.objects.filter(booking=holder, action=AuditAction.CANCELLED).count() == 1


def test_a_late_cancellation_is_recorded(full_event):
    event, (holder, _, _) = full_event
    with time_machine.travel(dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC), tick=False):
        outcome = services.cancel(holder.pk, holder.learner, "Court hearing")
    holder.refresh_from_db()
    assert holder.late_cancellation
    assert "late cancellation" in outcome.message


def test_cancelling_a_waiting_place_is_never_late(full_event):
    event, (_, first, _) = full_event
    with time_machine.travel(dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC), tick=False):
        services.cancel(first.pk, first.learner, "Found another date")
    first.refresh_from_db()
    assert not first.late_cancellation


def test_accepting_in_time_confirms_the_place(full_event):
    event, (holder, first, _) = full_event
    services.cancel(holder.pk, holder.learner, "Off sick")
    outcome = services.accept_offer(first.pk, first.learner)
    assert outcome.ok
    first.refresh_from_db()
    assert first.status == BookingStatus.CONFIRMED
    assert OutboundEmail.objects.filter(key=f"booking-confirmed:{first.pk}").exists()
    assert TrainingActivity.objects.filter(user=first.learner, kind=ActivityKind.BOOKED).exists()
    assert services.accept_offer(first.pk, first.learner).message == "You have already accepted this place."


def test_accepting_after_the_deadline_passes_the_offer_on(full_event):
    event, (holder, first, second) = full_event
    services.cancel(holder.pk, holder.learner, "Off sick")
    with time_machine.travel(NOW + dt.timedelta(hours=49), tick=False):
        outcome = services.accept_offer(first.pk, first.learner)
    assert not outcome.ok
    assert "ran out" in outcome.message
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == BookingStatus.EXPIRED
    assert second.status == BookingStatus.OFFERED
    assert OutboundEmail.objects.filter(key=f"booking-offer-expired:{first.pk}").exists()


def test_only_the_person_offered_can_accept(full_event):
    event, (holder, first, second) = full_event
    services.cancel(holder.pk, holder.learner, "Off sick")
    with pytest.raises(services.Refused):
        services.accept_offer(first.pk, second.learner)


def test_declining_an_offer_passes_it_on(full_event):
    event, (holder, first, second) = full_event
    services.cancel(holder.pk, holder.learner, "Off sick")
    services.decline_offer(first.pk, first.learner)
    second.refresh_from_db()
    assert second.status == BookingStatus.OFFERED


def test_expiring_offers_moves_down_the_queue(full_event):
    event, (holder, first, second) = full_event
    services.cancel(holder.pk, holder.learner, "Off sick")
    assert services.expire_offers(NOW + dt.timedelta(hours=47)) == 0
    assert services.expire_offers(NOW + dt.timedelta(hours=48)) == 1
    second.refresh_from_db()
    assert second.status == BookingStatus.OFFERED
    assert second.offer_expires_at == NOW + dt.timedelta(hours=96)


def test_reducing_capacity_below_the_places_held_is_refused(make_event, learners, trainer):
    event = make_event(capacity=3)
    for person in learners(3):
        services.book(event.pk, person)
    days = [services.DayInput(d.number, d.date, d.start_time, d.end_time) for d in event.day_list]
    with pytest.raises(services.Refused, match="cannot go below 3"):
        services.update_event(event.pk, trainer, {"capacity": 2}, days)
    event.refresh_from_db()
    assert event.capacity == 3


def test_offering_uses_the_event_start_when_it_is_sooner(make_event, learners):
    event = make_event(capacity=1, first_day=dt.date(2026, 11, 3))
    holder, waiting = learners(2)
    first = services.book(event.pk, holder).booking
    second = services.book(event.pk, waiting).booking
    services.cancel(first.pk, holder, "Ill")
    second.refresh_from_db()
    assert second.offer_expires_at == event.first_start
