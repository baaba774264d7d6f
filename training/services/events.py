"""Events: creating, changing, cancelling and emailing everyone booked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from matrix.services import clear_booked, mark_booked
from people.models import User
from training import emails, rules
from training.models import (
    AuditAction,
    BookingAuditEntry,
    BookingStatus,
    ClassroomCourse,
    Event,
    EventDay,
    EventStatus,
)
from training.services.booking import _fill_free_places
from training.services.common import Outcome, Refused, _lock_event, _now, audit


@dataclass(frozen=True)
class DayInput:
    number: int
    date: dt.date
    start: dt.time
    end: dt.time


SCHEDULE_FIELDS = ("venue_name", "venue_address", "online_link")


def _done_with_token(action: str, token: str, **match: Any) -> BookingAuditEntry | None:
    """The audit entry of `action` already done with this one-time form token,
    if any. Forms carry a hidden token made when the form is shown and the
    service records it with what it did, so the same form posted again (a
    double click, the back button) finds the entry and does nothing new. The
    caller holds the lock that serialises the action."""
    entries = BookingAuditEntry.objects.filter(action=action, details__token=token, **match)
    return entries.select_related("event").first()


def create_event(
    course: ClassroomCourse, actor: User, fields: Mapping[str, Any], days: Sequence[DayInput], trainers: Iterable[User]
) -> Event:
    return create_event_once(course, actor, fields, days, trainers, token=None)[0]


def create_event_once(
    course: ClassroomCourse,
    actor: User,
    fields: Mapping[str, Any],
    days: Sequence[DayInput],
    trainers: Iterable[User],
    token: str | None,
) -> tuple[Event, bool]:
    """Create the event, unless `actor` already made one with this form's
    one-time `token`: then return that one. Returns (event, created)."""
    with transaction.atomic():
        # No event row exists yet to lock: the course row serialises two
        # posts of the same form, so the second sees the first's audit entry.
        ClassroomCourse.objects.select_for_update().get(pk=course.pk)
        if token:
            done = _done_with_token(AuditAction.EVENT_CREATED, token, actor=actor, event__course=course)
            if done is not None:
                return done.event, False
        event = Event(course=course, **fields)
        event.save()
        for day in days:
            EventDay.objects.create(
                event=event, number=day.number, date=day.date, start_time=day.start, end_time=day.end
            )
        event.trainers.set(list(trainers))
        details: dict[str, Any] = {"days": [_day_text(d) for d in days]}
        if token:
            details["token"] = token
        audit(event, AuditAction.EVENT_CREATED, actor, **details)
        return event, True


def _day_text(day: DayInput) -> str:
    return f"day {day.number}: {day.date.isoformat()} {day.start:%H:%M}-{day.end:%H:%M}"


def update_event(
    event_id: int,
    actor: User,
    fields: Mapping[str, Any],
    days: Sequence[DayInput],
    trainers: Iterable[User] | None = None,
    now: dt.datetime | None = None,
) -> Outcome:
    """Save changes. A capacity below the places held is refused; a change of
    days, times or place raises the calendar SEQUENCE and tells everyone with
    an active booking (confirmed, waiting for approval, offered, waitlisted)."""
    now = _now(now)
    with transaction.atomic():
        event = _lock_event(event_id)
        if event.status == EventStatus.CANCELLED:
            raise Refused("This event has been cancelled and can no longer be changed.")
        holding = event.bookings.filter(status__in=rules.HOLDING_STATUSES).count()
        capacity = fields.get("capacity", event.capacity)
        problem = rules.can_reduce_capacity(capacity, holding)
        if problem:
            raise Refused(problem)
        old_days = [DayInput(d.number, d.date, d.start_time, d.end_time) for d in event.day_list]
        past = rules.moved_into_the_past(
            [(d.number, d.date) for d in old_days], [(d.number, d.date) for d in days], timezone.localdate(now)
        )
        if past:
            gone = ", ".join(f"{day:%-d %B %Y}" for day in past)
            raise Refused(f"An event cannot be moved to a date that has already passed ({gone}). Choose a later date.")
        rescheduled = old_days != list(days) or any(
            getattr(event, name) != fields[name] for name in SCHEDULE_FIELDS if name in fields
        )
        old_capacity = event.capacity
        for name, value in fields.items():
            setattr(event, name, value)
        if rescheduled:
            event.sequence += 1
        event.save()
        if old_days != list(days):
            # Update days in place so attendance already marked stays attached to its day.
            for day in days:
                EventDay.objects.update_or_create(
                    event=event,
                    number=day.number,
                    defaults={"date": day.date, "start_time": day.start, "end_time": day.end},
                )
            event.days.exclude(number__in=[d.number for d in days]).delete()
            event = _lock_event(event_id)
        if trainers is not None:
            event.trainers.set(list(trainers))
        if capacity != old_capacity:
            audit(event, AuditAction.CAPACITY_CHANGED, actor, old=old_capacity, new=capacity)
        if rescheduled:
            audit(
                event,
                AuditAction.EVENT_RESCHEDULED,
                actor,
                old=[_day_text(d) for d in old_days],
                new=[_day_text(d) for d in days],
                sequence=event.sequence,
            )
            # Everyone still in line for the event is told, the waiting list
            # and open offers included; emails.event_updated attaches the
            # calendar update only for confirmed places.
            active = event.bookings.filter(status__in=rules.ACTIVE_STATUSES).select_related("learner")
            for booking in active.order_by("created_at", "pk"):
                booking.event = event
                emails.event_updated(booking)
                if booking.status == BookingStatus.CONFIRMED:
                    mark_booked(booking.learner, event.course.training, event.day_list[0].date)
        else:
            audit(event, AuditAction.EVENT_CHANGED, actor, fields=sorted(fields))
        _fill_free_places(event, now)
        message = "The event is saved."
        if rescheduled:
            message += (
                " Everyone booked or waiting has been sent the change; people with a confirmed place also get "
                "a calendar update."
            )
        return Outcome(None, message)


def cancel_event(event_id: int, actor: User, reason: str, now: dt.datetime | None = None) -> Outcome:
    now = _now(now)
    reason = reason.strip()
    if not reason:
        raise Refused("Give a reason for cancelling: it is sent to everyone booked.")
    with transaction.atomic():
        event = _lock_event(event_id)
        if event.status == EventStatus.CANCELLED:
            return Outcome(None, "This event was already cancelled.")
        event.status = EventStatus.CANCELLED
        event.cancellation_reason = reason
        event.sequence += 1
        event.save()
        audit(event, AuditAction.EVENT_CANCELLED, actor, reason=reason, sequence=event.sequence)
        told = 0
        for booking in event.bookings.filter(status__in=rules.ACTIVE_STATUSES).select_related("learner"):
            booking.event = event
            was_confirmed = booking.status == BookingStatus.CONFIRMED
            was_holding = booking.holds_place
            booking.status = BookingStatus.CANCELLED
            booking.cancellation_reason = "The event was cancelled."
            booking.cancelled_at = now
            booking.offer_expires_at = None
            booking.save()
            if was_confirmed:
                clear_booked(booking.learner, event.course.training)
            audit(event, AuditAction.CANCELLED, actor, booking, reason="event cancelled")
            emails.event_cancelled(booking, was_holding)
            told += 1
        return Outcome(None, f"The event is cancelled. We have told {told} people.")


def email_everyone(event_id: int, actor: User, subject: str, body: str, token: str) -> Outcome:
    """Send one message to everyone holding a place. The form's `token` makes a repeated post harmless."""
    with transaction.atomic():
        event = _lock_event(event_id)
        if _done_with_token(AuditAction.EMAILED, token, event=event) is not None:
            return Outcome(None, "That message was already sent.")
        bookings = list(event.bookings.filter(status__in=rules.HOLDING_STATUSES).select_related("learner"))
        for booking in bookings:
            booking.event = event
            emails.message_to_everyone(booking, token, subject, body, actor.display_name)
        audit(event, AuditAction.EMAILED, actor, token=token, subject=subject, recipients=len(bookings))
        return Outcome(None, f"Your message is on its way to {len(bookings)} people.")
