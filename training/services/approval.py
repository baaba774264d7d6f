"""Line managers' approval of bookings."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from people.access import is_training_admin
from people.models import User
from training import emails
from training.models import (
    AuditAction,
    Booking,
    BookingStatus,
)
from training.services.booking import _confirm, _fill_free_places
from training.services.common import Outcome, Refused, _lock_booking, _now, audit


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
