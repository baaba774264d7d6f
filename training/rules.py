"""Booking rules for classroom training, as plain functions over dataclasses.

Nothing here touches the database or Django: `services.py` gathers the facts,
asks these functions what should happen, and writes the result. Keeping the
rules pure lets the tests run thousands of random booking sequences in a
second and prove the invariants (capacity never exceeded, the waitlist is
first in, first out, nobody jumps the queue).

Which bookings hold a place: CONFIRMED, PENDING_APPROVAL and OFFERED. A
request waiting for a line manager's answer holds its place, so the learner
does not lose it while the manager reads their email; an offer holds its place
until it is accepted, declined or expires.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    """Mirrors `EventStatus` in models.py (kept apart so this module stays Django-free)."""

    DRAFT = "draft"
    OPEN = "open"
    FULL = "full"
    CANCELLED = "cancelled"
    FINISHED = "finished"


class Placement(StrEnum):
    CONFIRMED = "confirmed"
    PENDING_APPROVAL = "pending_approval"
    WAITLISTED = "waitlisted"


class Mark(StrEnum):
    """Mirrors `AttendanceStatus`."""

    ATTENDED = "attended"
    LATE = "late"
    LEFT_EARLY = "left_early"
    ABSENT = "absent"


HOLDING_STATUSES = frozenset({"confirmed", "pending_approval", "offered"})
ACTIVE_STATUSES = HOLDING_STATUSES | {"waitlisted"}

# Arriving late still means the learner took part in the whole day's work;
# leaving early means part of the day's content was missed, so the day has to
# be made up like an absence. Trainers are told this on the attendance page.
COUNTS_AS_ATTENDED = frozenset({Mark.ATTENDED, Mark.LATE})


@dataclass(frozen=True)
class DaySlot:
    date: dt.date
    start: dt.time
    end: dt.time

    def overlaps(self, other: DaySlot) -> bool:
        return self.date == other.date and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class EventFacts:
    status: Status
    capacity: int
    holding: int
    waiting: int
    days: tuple[DaySlot, ...]
    first_start: dt.datetime
    booking_opens: dt.datetime | None = None
    booking_closes: dt.datetime | None = None
    eligible_role_ids: frozenset[int] = frozenset()
    eligible_agency_ids: frozenset[int] = frozenset()
    prerequisites: Mapping[int, str] = field(default_factory=dict)
    requires_approval: bool = False


@dataclass(frozen=True)
class LearnerFacts:
    role_id: int | None
    agency_id: int | None
    completed_training_ids: frozenset[int] = frozenset()
    # What the training matrix requires of the learner: a prerequisite it does
    # not require is not asked of them. None: every prerequisite is asked.
    required_training_ids: frozenset[int] | None = None
    has_line_manager: bool = True
    booking_on_same_course: str | None = None
    other_booked_days: tuple[DaySlot, ...] = ()


@dataclass(frozen=True)
class BookingCheck:
    """The answer to "may this learner book this event now?".

    `refusals` stop the booking; `warnings` do not (a missing prerequisite
    can still be finished before the first day)."""

    refusals: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    placement: Placement | None = None

    @property
    def allowed(self) -> bool:
        return not self.refusals


def places_left(capacity: int, holding: int) -> int:
    return max(0, capacity - holding)


def booking_window_closes(event: EventFacts) -> dt.datetime:
    return event.booking_closes or event.first_start


def placement_for_new_booking(capacity: int, holding: int, waiting: int, requires_approval: bool) -> Placement:
    """A newcomer gets a free place only when nobody is already waiting for one."""
    if places_left(capacity, holding) > 0 and waiting == 0:
        return Placement.PENDING_APPROVAL if requires_approval else Placement.CONFIRMED
    return Placement.WAITLISTED


def can_book(event: EventFacts, learner: LearnerFacts, now: dt.datetime) -> BookingCheck:
    refusals: list[str] = []
    warnings: list[str] = []
    if event.status == Status.DRAFT:
        refusals.append("This event is not open for booking yet.")
    elif event.status == Status.CANCELLED:
        refusals.append("This event has been cancelled.")
    elif event.status == Status.FINISHED or now >= event.first_start:
        refusals.append("This event has already started, so it can no longer be booked.")
    else:
        if event.booking_opens is not None and now < event.booking_opens:
            refusals.append(f"Booking opens on {event.booking_opens:%-d %B %Y at %H:%M}.")
        elif now >= booking_window_closes(event):
            refusals.append("Booking for this event has closed.")
    if event.eligible_role_ids and learner.role_id not in event.eligible_role_ids:
        refusals.append("This course is for other job roles than yours.")
    if event.eligible_agency_ids and learner.agency_id not in event.eligible_agency_ids:
        refusals.append("This course is not open to staff of your agency.")
    if event.requires_approval and not learner.has_line_manager:
        refusals.append(
            "Your line manager has to approve this booking, but your profile does not name one. "
            "Add your line manager on your profile page, then book."
        )
    if learner.booking_on_same_course:
        refusals.append(
            f"You already have a booking for this course ({learner.booking_on_same_course}). "
            "Cancel that one first if you want a different date."
        )
    clash = next((day for day in event.days if any(day.overlaps(o) for o in learner.other_booked_days)), None)
    if clash is not None:
        refusals.append(f"You are already booked on other training on {clash.date:%-d %B %Y} at the same time.")
    missing = [
        title
        for training_id, title in event.prerequisites.items()
        if training_id not in learner.completed_training_ids
        and (learner.required_training_ids is None or training_id in learner.required_training_ids)
    ]
    if missing:
        first_day = event.days[0].date if event.days else event.first_start.date()
        warnings.append(f"You need to finish {' and '.join(missing)} before the first day ({first_day:%-d %B %Y}).")
    placement = None
    if not refusals:
        placement = placement_for_new_booking(event.capacity, event.holding, event.waiting, event.requires_approval)
    return BookingCheck(tuple(refusals), tuple(warnings), placement)


# --- The waitlist --------------------------------------------------------------


@dataclass(frozen=True, order=True)
class QueueEntry:
    """A waitlisted booking: ordered by when it joined, ties broken by id."""

    joined_at: dt.datetime
    booking_id: int


def queue_order(entries: Iterable[QueueEntry]) -> list[QueueEntry]:
    return sorted(entries)


def offers_to_make(capacity: int, holding: int, waitlist: Iterable[QueueEntry]) -> list[QueueEntry]:
    """Whom to offer the free places to: the longest-waiting, one per free place."""
    return queue_order(waitlist)[: places_left(capacity, holding)]


def offer_deadline(now: dt.datetime, hours: int, first_start: dt.datetime) -> dt.datetime | None:
    """When an offer made now lapses: `hours` from now, but never after the
    event starts. None when the event has started and no offer can be made."""
    if now >= first_start:
        return None
    return min(now + dt.timedelta(hours=hours), first_start)


def offer_is_live(expires_at: dt.datetime | None, now: dt.datetime) -> bool:
    return expires_at is not None and now < expires_at


def can_reduce_capacity(new_capacity: int, holding: int) -> str | None:
    """None when the change is allowed, otherwise the reason it is not."""
    if new_capacity < 1:
        return "An event needs at least one place."
    if new_capacity < holding:
        return (
            f"{holding} people already hold a place on this event, so the capacity cannot go below {holding}. "
            "Cancel bookings first if the room really is smaller."
        )
    return None


# --- Cancellation ----------------------------------------------------------------


def is_late_cancellation(now: dt.datetime, first_start: dt.datetime, late_days: int) -> bool:
    """Cancelling a held place within `late_days` days of the start is late."""
    return late_days > 0 and now >= first_start - dt.timedelta(days=late_days)


# --- Attendance and completion -------------------------------------------------------


class Progress(StrEnum):
    NOT_STARTED = "not_started"
    PARTIAL = "partial"
    COMPLETE = "complete"


@dataclass(frozen=True)
class AttendanceResult:
    progress: Progress
    missing_days: tuple[int, ...]


def attendance_result(required_days: Sequence[int], marks: Mapping[int, str]) -> AttendanceResult:
    """Complete only when every required day is attended (late counts, leaving
    early and absence do not). Days not yet marked count as missing."""
    attended = {day for day, mark in marks.items() if mark in COUNTS_AS_ATTENDED}
    missing = tuple(day for day in sorted(required_days) if day not in attended)
    if not missing:
        return AttendanceResult(Progress.COMPLETE, ())
    if attended & set(required_days):
        return AttendanceResult(Progress.PARTIAL, missing)
    return AttendanceResult(Progress.NOT_STARTED, missing)


def catch_up_day(required_days: Sequence[int], marks: Mapping[int, str]) -> int | None:
    """The one day to make up on a later event, when exactly one was missed.
    Missing more than one day means booking a whole event again."""
    result = attendance_result(required_days, marks)
    if result.progress == Progress.PARTIAL and len(result.missing_days) == 1:
        return result.missing_days[0]
    return None


def moved_into_the_past(
    old: Sequence[tuple[int, dt.date]], new: Sequence[tuple[int, dt.date]], today: dt.date
) -> list[dt.date]:
    """Days (number, date) of `new` that are changed or added and fall before
    `today`: an event cannot be moved to dates already gone. Days that were
    already past and stay as they are do not count (a trainer may correct
    the venue of an event that has happened)."""
    before = dict(old)
    return sorted(date for number, date in new if before.get(number) != date and date < today)
