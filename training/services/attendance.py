"""Attendance for each day, and the completion it records when every day is attended."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q

from matrix.models import CompletionRecord, CompletionSource
from matrix.services import clear_booked, record_completion
from outbox.statements import queue_statement
from outbox.xapi import Activity, Result
from people.models import User
from training import emails, notices, rules
from training.models import (
    Attendance,
    AttendanceStatus,
    AuditAction,
    Booking,
    BookingStatus,
    Event,
    EventDay,
    EventStatus,
)
from training.services.common import Outcome, Refused, _lock_event, _now, audit


def attendees_for_day(event: Event, day_number: int) -> list[Booking]:
    """Confirmed bookings expected on that day: everyone on the event, and catch-ups for that day only."""
    bookings = (
        event.bookings.filter(status=BookingStatus.CONFIRMED)
        .filter(Q(catch_up_day__isnull=True) | Q(catch_up_day=day_number))
        .select_related("learner", "learner__profile__team")
        .prefetch_related("attendances__day")
        .order_by("learner__last_name", "learner__first_name", "pk")
    )
    return list(bookings)


LONDON = ZoneInfo("Europe/London")


def not_started_message(day: EventDay, now: dt.datetime) -> str | None:
    """Why attendance cannot be marked for `day` yet: the day is still to come
    (by the calendar in London), or None when it may be marked."""
    if day.date <= now.astimezone(LONDON).date():
        return None
    return (
        f"Day {day.number} has not happened yet: it is on {day.date:%A %-d %B %Y}. "
        "You can mark attendance from that day."
    )


def mark_attendance(
    event_id: int, day_number: int, marks: Mapping[int, str], actor: User, now: dt.datetime | None = None
) -> Outcome:
    now = _now(now)
    with transaction.atomic():
        event = _lock_event(event_id)
        if not event.is_run_by(actor):
            raise Refused("Only the event's trainers can mark attendance.")
        day = next((d for d in event.day_list if d.number == day_number), None)
        if day is None:
            raise Refused(f"This event has no day {day_number}.")
        not_started = not_started_message(day, now)
        if not_started:
            raise Refused(not_started)
        if event.status in (EventStatus.CANCELLED, EventStatus.DRAFT):
            raise Refused("Attendance can only be marked for an event that is running.")
        bookings = {b.pk: b for b in attendees_for_day(event, day_number)}
        unknown = [pk for pk in marks if pk not in bookings]
        bad = [value for value in marks.values() if value not in AttendanceStatus.values]
        if unknown or bad:
            raise Refused("The attendance form did not match this day's list. Reload the page and try again.")
        changed = 0
        completed = 0
        for pk, status in marks.items():
            booking = bookings[pk]
            booking.event = event
            record, created = Attendance.objects.get_or_create(
                booking=booking, day=day, defaults={"status": status, "marked_by": actor}
            )
            if not created and record.status != status:
                record.status = status
                record.marked_by = actor
                record.save()
            elif not created:
                continue
            changed += 1
            audit(event, AuditAction.ATTENDANCE, actor, booking, day=day_number, status=status)
            if status == AttendanceStatus.ABSENT:
                notices.no_show(booking, day_number)
            if _record_completion_if_done(event, booking):
                completed += 1
        message = f"Attendance for day {day_number} is saved ({changed} changed)."
        if completed:
            message += f" {completed} {'person has' if completed == 1 else 'people have'} now completed the course."
        return Outcome(None, message)


def combined_marks(booking: Booking) -> tuple[list[int], dict[int, str]]:
    """The days the course needs and the learner's marks, joining a catch-up
    booking with the earlier booking it makes up for."""
    if booking.catch_up_for_id:
        earlier = Booking.objects.prefetch_related("event__days", "attendances__day").get(pk=booking.catch_up_for_id)
        marks = earlier.marks()
        required = earlier.required_days()
        catch_up_mark = Attendance.objects.filter(booking=booking, day__number=booking.catch_up_day).first()
        if catch_up_mark is not None and catch_up_mark.status in rules.COUNTS_AS_ATTENDED:
            marks[booking.catch_up_day] = catch_up_mark.status
        return required, marks
    fresh = Booking.objects.prefetch_related("event__days", "attendances__day").get(pk=booking.pk)
    return fresh.required_days(), fresh.marks()


def _record_completion_if_done(event: Event, booking: Booking) -> bool:
    required, marks = combined_marks(booking)
    if rules.attendance_result(required, marks).progress != rules.Progress.COMPLETE:
        return False
    wanted = set(booking.required_days())
    last_day = [d for d in event.day_list if d.number in wanted][-1]
    source_ref = f"event:{event.pk}"
    already = CompletionRecord.objects.filter(
        user=booking.learner, training=event.course.training, source=CompletionSource.CLASSROOM, source_ref=source_ref
    ).exists()
    record_completion(booking.learner, event.course.training, last_day.date, CompletionSource.CLASSROOM, source_ref)
    clear_booked(booking.learner, event.course.training)
    if already:
        return False
    queue_statement(
        f"attendance:{booking.pk}",
        booking.learner,
        "attended",
        Activity("event", f"event/{event.pk}", f"{event.course.title}, {last_day.date:%-d %B %Y}"),
        Result(completion=True, success=True),
    )
    audit(event, AuditAction.COMPLETED, None, booking, completed_on=last_day.date.isoformat())
    emails.completion_recorded(booking)
    return True
