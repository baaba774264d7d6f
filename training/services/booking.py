"""Booking and the waiting list: the facts the rules need, booking, catch-up, cancelling, offers."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max, Q

from matrix.duties import required_training_ids
from matrix.models import CompletionRecord
from matrix.services import clear_booked, mark_booked
from people.models import LearnerProfile, User
from training import emails, notices, rules
from training.models import (
    AuditAction,
    Booking,
    BookingStatus,
    Event,
    EventStatus,
)
from training.services.common import Outcome, Refused, _lock_booking, _lock_event, _lock_learners, _now, audit


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
    prerequisites = [t.pk for t in event.course.prerequisites.all()]
    required = frozenset(t for _, t in required_training_ids([learner.pk], prerequisites))
    return rules.LearnerFacts(
        role_id=profile.role_id if profile else None,
        agency_id=profile.agency_id if profile else None,
        completed_training_ids=completed,
        required_training_ids=required,
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
        # The learner first, then the event: the same-course and clash rules
        # hold however many of the learner's bookings arrive at once.
        _lock_learners(learner.pk)
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
        _lock_learners(learner.pk)
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
        if booking.late_cancellation:
            notices.late_cancellation(booking)
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
