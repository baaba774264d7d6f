"""What every booking workflow shares: the refusal, the outcome, row locks and the audit entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from people.models import User
from training.models import (
    Booking,
    BookingAuditEntry,
    Event,
)


class Refused(Exception):
    """The request was refused and nothing changed. `messages` say why, in plain words."""

    def __init__(self, *messages: str) -> None:
        super().__init__(" ".join(messages))
        self.messages = list(messages)


@dataclass
class Outcome:
    booking: Booking | None
    message: str
    ok: bool = True
    created: bool = False


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def _lock_learners(*learner_ids: int) -> None:
    """Hold the learners' account rows until the transaction ends, so one
    person's bookings are made one after another: a second booking made at
    the same moment (another run of the course, an event on the same day)
    waits here and then sees the first. Always taken before the event lock
    and in id order, so two workflows never wait for each other in a circle.
    `no_key` leaves rows that point at the account (audit, email) free to be written."""
    list(
        User.objects.select_for_update(no_key=True)
        .filter(pk__in=sorted(set(learner_ids)))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _lock_event(event_id: int) -> Event:
    return (
        Event.objects.select_for_update(of=("self",))
        .select_related("course", "course__training")
        .prefetch_related("days", "course__prerequisites", "course__eligible_roles", "course__eligible_agencies")
        .get(pk=event_id)
    )


def _lock_booking(booking_id: int) -> tuple[Event, Booking]:
    event_id = Booking.objects.filter(pk=booking_id).values_list("event_id", flat=True).first()
    if event_id is None:
        raise Refused("That booking does not exist.")
    event = _lock_event(event_id)
    booking = Booking.objects.select_related("learner", "learner__profile").get(pk=booking_id)
    booking.event = event
    return event, booking


def audit(event: Event, action: str, actor: User | None, booking: Booking | None = None, **details: Any) -> None:
    BookingAuditEntry.objects.create(event=event, booking=booking, actor=actor, action=action, details=details)
