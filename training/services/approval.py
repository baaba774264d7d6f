"""Line managers' approval of bookings.

An approval is a decision by a person: the learner's current line manager
(or a training administrator), signed in with an active account, while the
event is still open and has not started. A request nobody answered in time
lapses when the event starts (`lapse_unanswered_requests`, from the daily job,
or at the moment someone tries to answer it late) and the learner is told;
cancelling the event cancels it with the other bookings.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Min

from people.access import is_training_admin
from people.models import LearnerProfile, User
from training import emails
from training.models import (
    LONDON,
    AuditAction,
    Booking,
    BookingStatus,
    Event,
    EventStatus,
)
from training.services.booking import _confirm, _fill_free_places
from training.services.common import Outcome, Refused, _lock_booking, _lock_event, _now, audit

NOT_YOURS = "Only the learner's current line manager can approve or decline this booking."
LAPSED = "This request lapsed because it was not answered before the event started, so the place was not kept."


def may_approve(manager: User, booking: Booking) -> bool:
    """The learner's line manager as recorded now (read afresh, not a cached
    profile), with an active account; or a training administrator."""
    if not getattr(manager, "is_authenticated", False) or not manager.is_active:
        return False
    current = (
        LearnerProfile.objects.filter(user_id=booking.learner_id).values_list("line_manager_id", flat=True).first()
    )
    return (current is not None and current == manager.pk) or is_training_admin(manager)


def is_still_open(event: Event, now: dt.datetime) -> bool:
    """A request can be answered while the event is open (or full) and its first day has not started."""
    return event.status in (EventStatus.OPEN, EventStatus.FULL) and now < event.first_start


def _lapse(event: Event, booking: Booking, now: dt.datetime) -> None:
    booking.status = BookingStatus.LAPSED
    booking.cancelled_at = now
    booking.cancellation_reason = "Not approved before the event started."
    booking.save()
    audit(event, AuditAction.APPROVAL_LAPSED, None, booking)
    emails.approval_lapsed(booking)


def decide_approval(
    booking_id: int, manager: User, approve: bool, reason: str = "", now: dt.datetime | None = None
) -> Outcome:
    now = _now(now)
    with transaction.atomic():
        event, booking = _lock_booking(booking_id)
        if not may_approve(manager, booking):
            raise Refused(NOT_YOURS)
        if booking.status != BookingStatus.PENDING_APPROVAL:
            already = booking.get_status_display().lower()
            return Outcome(booking, f"This request has already been dealt with: the booking is {already}.", ok=False)
        if not is_still_open(event, now):
            _lapse(event, booking, now)
            return Outcome(booking, LAPSED + f" We have told {booking.learner.display_name}.", ok=False)
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


def lapse_unanswered_requests(now: dt.datetime | None = None) -> int:
    """Every request still waiting when its event has started, or whose event
    is no longer open, lapses and the learner is told (once: the email's key
    names the booking). Returns how many lapsed. Run by the daily job."""
    now = _now(now)
    # Events whose first day is today or earlier; the exact start time is checked under the lock.
    stale = (
        Booking.objects.filter(status=BookingStatus.PENDING_APPROVAL)
        .annotate(first_date=Min("event__days__date"))
        .filter(first_date__lte=now.astimezone(LONDON).date())
        .values_list("event_id", flat=True)
    )
    closed = Booking.objects.filter(status=BookingStatus.PENDING_APPROVAL).exclude(
        event__status__in=[EventStatus.OPEN, EventStatus.FULL]
    )
    lapsed = 0
    for event_id in sorted(set(stale) | set(closed.values_list("event_id", flat=True))):
        with transaction.atomic():
            event = _lock_event(event_id)
            if is_still_open(event, now):
                continue
            for booking in event.bookings.filter(status=BookingStatus.PENDING_APPROVAL).select_related("learner"):
                booking.event = event
                _lapse(event, booking, now)
                lapsed += 1
    return lapsed
