"""Booking workflows: every change to a booking or event goes through here.

Each workflow runs in one transaction and starts by locking the event row
(`select_for_update`), so two people booking the last place, a cancellation
and an offer expiring at the same moment are handled one after another. The
rules themselves are in `rules.py`; these functions gather the facts, ask
the rules, write the result, record an audit entry and queue the emails.

Workflows return an `Outcome` (what happened, in words for the person) for
things that may legitimately not go ahead and must still be committed (an
offer that expired while the learner was deciding is passed on). A refusal
that changes nothing raises `Refused`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from matrix.models import CompletionRecord, CompletionSource
from matrix.services import clear_booked, mark_booked, record_completion
from people.access import is_training_admin
from people.models import LearnerProfile, User
from training import emails, rules
from training.models import (
    Attendance,
    AttendanceStatus,
    AuditAction,
    Booking,
    BookingAuditEntry,
    BookingStatus,
    ClassroomCourse,
    Event,
    EventDay,
    EventStatus,
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


# --- Facts for the rules ------------------------------------------------------------


def upcoming_bookings_of(learner: User, today: dt.date) -> list[Booking]:
    """The learner's active bookings on events not yet over (days prefetched)."""
    return list(
        Booking.objects.filter(learner=learner, status__in=rules.ACTIVE_STATUSES, event__days__date__gte=today)
        .exclude(event__status__in=[EventStatus.CANCELLED, EventStatus.FINISHED])
        .select_related("event__course")
        .prefetch_related("event__days")
        .distinct()
    )


def event_facts(event: Event, only_day: int | None = None) -> rules.EventFacts:
    course = event.course
    days = [d for d in event.day_list if only_day is None or d.number == only_day]
    holding = event.bookings.filter(status__in=rules.HOLDING_STATUSES).count()
    waiting = event.bookings.filter(status=BookingStatus.WAITLISTED).count()
    return rules.EventFacts(
        status=rules.Status(event.status),
        capacity=event.capacity,
        holding=holding,
        waiting=waiting,
        days=tuple(d.slot for d in days),
        first_start=days[0].starts_at if days else event.first_start,
        booking_opens=event.booking_opens,
        booking_closes=event.booking_closes,
        eligible_role_ids=frozenset(r.pk for r in course.eligible_roles.all()),
        eligible_agency_ids=frozenset(a.pk for a in course.eligible_agencies.all()),
        prerequisites={} if only_day else {t.pk: t.title for t in course.prerequisites.all()},
        requires_approval=course.requires_manager_approval and only_day is None,
    )


def learner_facts(learner: User, event: Event, now: dt.datetime, same_course_counts: bool = True) -> rules.LearnerFacts:
    # Read the profile afresh: a cached one may predate a change of line manager.
    profile = LearnerProfile.objects.filter(user=learner).first()
    others = [b for b in upcoming_bookings_of(learner, now.date()) if b.event_id != event.pk]
    same_course = (
        next((b for b in others if b.event.course_id == event.course_id), None) if same_course_counts else None
    )
    other_days: list[rules.DaySlot] = []
    for booking in others:
        wanted = set(booking.required_days())
        other_days += [d.slot for d in booking.event.day_list if d.number in wanted]
    completed = frozenset(CompletionRecord.objects.filter(user=learner).values_list("training_id", flat=True))
    return rules.LearnerFacts(
        role_id=profile.role_id if profile else None,
        agency_id=profile.agency_id if profile else None,
        completed_training_ids=completed,
        has_line_manager=bool(profile and profile.line_manager_id),
        booking_on_same_course=(
            f"{same_course.event.day_list[0].date:%-d %B %Y}" if same_course and same_course.event.day_list else None
        ),
        other_booked_days=tuple(other_days),
    )


def check_booking(event: Event, learner: User, now: dt.datetime | None = None) -> rules.BookingCheck:
    """What would happen if `learner` booked `event` now (for the event page)."""
    now = _now(now)
    return rules.can_book(event_facts(event), learner_facts(learner, event, now), now)


# --- Booking ----------------------------------------------------------------------


def _confirm(event: Event, booking: Booking, now: dt.datetime) -> None:
    booking.status = BookingStatus.CONFIRMED
    booking.confirmed_at = now
    booking.offer_expires_at = None
    booking.save()
    day = next((d for d in event.day_list if d.number in booking.required_days()), event.day_list[0])
    mark_booked(booking.learner, event.course.training, day.date)
    emails.booking_confirmed(booking)


def _ask_for_approval(booking: Booking, now: dt.datetime, actor: User | None) -> None:
    booking.status = BookingStatus.PENDING_APPROVAL
    booking.approval_requested_at = now
    booking.offer_expires_at = None
    booking.save()
    audit(booking.event, AuditAction.APPROVAL_REQUESTED, actor, booking)
    emails.approval_requested(booking)


def waitlist_position(booking: Booking) -> int:
    ahead = Booking.objects.filter(event_id=booking.event_id, status=BookingStatus.WAITLISTED).filter(
        Q(created_at__lt=booking.created_at) | Q(created_at=booking.created_at, pk__lt=booking.pk)
    )
    return ahead.count() + 1


def book(event_id: int, learner: User, now: dt.datetime | None = None) -> Outcome:
    """Book `learner` on the event: a place if one is free and nobody is
    waiting, otherwise the waiting list. Booking again returns the first booking."""
    with transaction.atomic():
        event = _lock_event(event_id)
        # Read the clock only once the lock is held: the waiting list is in
        # (created_at, id) order, so a time read before waiting for the lock
        # would put people in the queue out of the order they really booked.
        now = _now(now)
        existing = Booking.objects.filter(event=event, learner=learner, status__in=rules.ACTIVE_STATUSES).first()
        if existing is not None:
            return Outcome(existing, f"You already have this booking: {existing.get_status_display().lower()}.")
        check = rules.can_book(event_facts(event), learner_facts(learner, event, now), now)
        if not check.allowed:
            raise Refused(*check.refusals)
        booking = Booking.objects.create(event=event, learner=learner, status=check.placement, created_at=now)
        booking.event = event
        if check.placement == rules.Placement.CONFIRMED:
            audit(event, AuditAction.BOOKED, learner, booking, placement="confirmed")
            _confirm(event, booking, now)
            message = "Your place is booked. We have emailed you a calendar invitation for every day."
        elif check.placement == rules.Placement.PENDING_APPROVAL:
            audit(event, AuditAction.BOOKED, learner, booking, placement="pending_approval")
            _ask_for_approval(booking, now, learner)
            message = "Your place is held. We have asked your line manager to approve it."
        else:
            position = waitlist_position(booking)
            audit(event, AuditAction.WAITLISTED, learner, booking, position=position)
            emails.booking_waitlisted(booking, position)
            message = f"The event is full, so you are on the waiting list (number {position})."
        if check.warnings:
            message += " " + " ".join(check.warnings)
        return Outcome(booking, message, created=True)


def book_catch_up(earlier_id: int, event_id: int, learner: User, now: dt.datetime | None = None) -> Outcome:
    """Book the one day missed on an earlier run, on a later event of the same course."""
    now = _now(now)
    earlier = (
        Booking.objects.filter(pk=earlier_id, learner=learner, status=BookingStatus.CONFIRMED)
        .select_related("event__course")
        .prefetch_related("event__days", "attendances__day")
        .first()
    )
    if earlier is None:
        raise Refused("We could not find the booking you want to make up a day for.")
    missing = rules.catch_up_day(earlier.required_days(), earlier.marks())
    if missing is None:
        raise Refused("There is no single missed day to make up on that booking.")
    with transaction.atomic():
        event = _lock_event(event_id)
        if event.course_id != earlier.event.course_id or missing not in [d.number for d in event.day_list]:
            raise Refused(f"This event has no day {missing} of the same course.")
        existing = Booking.objects.filter(event=event, learner=learner, status__in=rules.ACTIVE_STATUSES).first()
        if existing is not None:
            return Outcome(existing, f"You already have this booking: {existing.get_status_display().lower()}.")
        check = rules.can_book(
            event_facts(event, only_day=missing), learner_facts(learner, event, now, same_course_counts=False), now
        )
        if not check.allowed:
            raise Refused(*check.refusals)
        booking = Booking.objects.create(
            event=event,
            learner=learner,
            status=check.placement,
            catch_up_day=missing,
            catch_up_for=earlier,
            created_at=now,
        )
        booking.event = event
        if check.placement == rules.Placement.CONFIRMED:
            audit(event, AuditAction.BOOKED, learner, booking, catch_up_day=missing)
            _confirm(event, booking, now)
            return Outcome(booking, f"Your place on day {missing} is booked.", created=True)
        position = waitlist_position(booking)
        audit(event, AuditAction.WAITLISTED, learner, booking, catch_up_day=missing, position=position)
        emails.booking_waitlisted(booking, position)
        return Outcome(
            booking, f"Day {missing} is full, so you are on the waiting list (number {position}).", True, True
        )


def _fill_free_places(event: Event, now: dt.datetime) -> list[Booking]:
    """Offer each free place to the longest-waiting learner. Caller holds the event lock."""
    holding = event.bookings.filter(status__in=rules.HOLDING_STATUSES).count()
    waiting = list(event.bookings.filter(status=BookingStatus.WAITLISTED).select_related("learner"))
    entries = rules.offers_to_make(event.capacity, holding, [rules.QueueEntry(b.created_at, b.pk) for b in waiting])
    deadline = rules.offer_deadline(now, event.course.offer_hours, event.first_start)
    if deadline is None or event.status in (EventStatus.CANCELLED, EventStatus.FINISHED):
        return []
    by_id = {b.pk: b for b in waiting}
    offered = []
    for entry in entries:
        booking = by_id[entry.booking_id]
        booking.event = event
        booking.status = BookingStatus.OFFERED
        booking.offer_expires_at = deadline
        booking.save()
        audit(event, AuditAction.OFFERED, None, booking, expires_at=deadline.isoformat())
        emails.place_offered(booking)
        offered.append(booking)
    return offered


def cancel(booking_id: int, actor: User, reason: str, now: dt.datetime | None = None) -> Outcome:
    now = _now(now)
    reason = reason.strip()
    if not reason:
        raise Refused("Tell us why you are cancelling.")
    with transaction.atomic():
        event, booking = _lock_booking(booking_id)
        if booking.learner_id != actor.pk and not event.is_run_by(actor):
            raise Refused("You can only cancel your own bookings.")
        if not booking.is_active:
            return Outcome(booking, "This booking was already cancelled.")
        was_confirmed = booking.status == BookingStatus.CONFIRMED
        booking.late_cancellation = was_confirmed and rules.is_late_cancellation(
            now, event.first_start, event.course.late_cancellation_days
        )
        booking.status = BookingStatus.CANCELLED
        booking.cancellation_reason = reason
        booking.cancelled_at = now
        booking.offer_expires_at = None
        booking.save()
        if was_confirmed:
            clear_booked(booking.learner, event.course.training)
        audit(event, AuditAction.CANCELLED, actor, booking, reason=reason, late=booking.late_cancellation)
        emails.booking_cancelled(booking)
        _fill_free_places(event, now)
        message = "Your booking is cancelled."
        if booking.late_cancellation:
            message += " It was a late cancellation under the course's policy, so it has been recorded."
        return Outcome(booking, message)


def _expire(event: Event, booking: Booking, now: dt.datetime) -> None:
    booking.status = BookingStatus.EXPIRED
    booking.save()
    audit(event, AuditAction.OFFER_EXPIRED, None, booking, expired_at=booking.offer_expires_at.isoformat())
    emails.offer_expired(booking)


def accept_offer(booking_id: int, actor: User, now: dt.datetime | None = None) -> Outcome:
    now = _now(now)
    with transaction.atomic():
        event, booking = _lock_booking(booking_id)
        if booking.learner_id != actor.pk:
            raise Refused("Only the person offered the place can accept it.")
        if booking.status in (BookingStatus.CONFIRMED, BookingStatus.PENDING_APPROVAL):
            return Outcome(booking, "You have already accepted this place.")
        if booking.status == BookingStatus.EXPIRED:
            return Outcome(booking, "Sorry, the time to accept this place has run out.", ok=False)
        if booking.status != BookingStatus.OFFERED:
            return Outcome(booking, "There is no offer waiting on this booking.", ok=False)
        if not rules.offer_is_live(booking.offer_expires_at, now):
            deadline = booking.offer_expires_at
            _expire(event, booking, now)
            _fill_free_places(event, now)
            return Outcome(
                booking,
                f"Sorry, the time to accept this place ran out on {deadline.astimezone(event.first_start.tzinfo):%-d %B at %H:%M}, "
                "so it has been offered to the next person waiting.",
                ok=False,
            )
        audit(event, AuditAction.OFFER_ACCEPTED, actor, booking)
        if event.course.requires_manager_approval and booking.approved_at is None:
            _ask_for_approval(booking, now, actor)
            return Outcome(booking, "You have accepted the place. We have asked your line manager to approve it.")
        _confirm(event, booking, now)
        return Outcome(booking, "You have accepted the place. It is confirmed and a calendar invitation is on its way.")


def decline_offer(booking_id: int, actor: User, now: dt.datetime | None = None) -> Outcome:
    now = _now(now)
    with transaction.atomic():
        event, booking = _lock_booking(booking_id)
        if booking.learner_id != actor.pk:
            raise Refused("Only the person offered the place can decline it.")
        if booking.status != BookingStatus.OFFERED:
            return Outcome(booking, "There is no offer waiting on this booking.", ok=False)
        booking.status = BookingStatus.CANCELLED
        booking.cancellation_reason = "Declined the offered place."
        booking.cancelled_at = now
        booking.offer_expires_at = None
        booking.save()
        audit(event, AuditAction.OFFER_DECLINED, actor, booking)
        _fill_free_places(event, now)
        return Outcome(booking, "You have declined the place. It has gone to the next person waiting.")


def finish_past_events(today: dt.date) -> int:
    """Open events whose last day is over become finished (trainers can still
    mark attendance). Returns how many."""
    past = (
        Event.objects.filter(status__in=[EventStatus.OPEN, EventStatus.FULL])
        .annotate(last_date=Max("days__date"))
        .filter(last_date__lt=today)
        .values("pk")
    )
    return Event.objects.filter(pk__in=past).update(status=EventStatus.FINISHED)


def expire_offers(now: dt.datetime | None = None) -> int:
    """Lapse every offer past its deadline and pass the place on. Returns how many lapsed."""
    now = _now(now)
    expired = 0
    event_ids = set(
        Booking.objects.filter(status=BookingStatus.OFFERED, offer_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    )
    for event_id in sorted(event_ids):
        with transaction.atomic():
            event = _lock_event(event_id)
            for booking in event.bookings.filter(
                status=BookingStatus.OFFERED, offer_expires_at__lte=now
            ).select_related("learner"):
                booking.event = event
                _expire(event, booking, now)
                expired += 1
            _fill_free_places(event, now)
    return expired


# --- Approval ---------------------------------------------------------------------


def may_approve(manager: User, booking: Booking) -> bool:
    profile = getattr(booking.learner, "profile", None)
    return bool(profile and profile.line_manager_id == manager.pk) or is_training_admin(manager)


def decide_approval(
    booking_id: int, manager: User, approve: bool, reason: str = "", now: dt.datetime | None = None
) -> Outcome:
    now = _now(now)
    with transaction.atomic():
        event, booking = _lock_booking(booking_id)
        if not may_approve(manager, booking):
            raise Refused("Only the learner's line manager can approve or decline this booking.")
        if booking.status != BookingStatus.PENDING_APPROVAL:
            already = booking.get_status_display().lower()
            return Outcome(booking, f"This request has already been dealt with: the booking is {already}.", ok=False)
        if approve:
            booking.approved_by = manager
            booking.approved_at = now
            audit(event, AuditAction.APPROVED, manager, booking)
            _confirm(event, booking, now)
            return Outcome(booking, f"Approved. {booking.learner.display_name}'s place is confirmed.")
        booking.status = BookingStatus.DECLINED
        booking.cancellation_reason = reason.strip()
        booking.cancelled_at = now
        booking.save()
        audit(event, AuditAction.DECLINED, manager, booking, reason=booking.cancellation_reason)
        emails.approval_declined(booking)
        _fill_free_places(event, now)
        return Outcome(booking, f"Declined. We have told {booking.learner.display_name}.")


# --- Events -----------------------------------------------------------------------


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


# --- Attendance and completion ----------------------------------------------------------


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
    audit(event, AuditAction.COMPLETED, None, booking, completed_on=last_day.date.isoformat())
    emails.completion_recorded(booking)
    return True
