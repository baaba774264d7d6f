"""Classroom training's part of a person's data: bookings and attendance
(see privacy.registry)."""

from __future__ import annotations

from typing import Any

from outbox.about import emails_with_keys, export_emails
from training.models import Booking, BookingAuditEntry, CalendarFeed, TrainerLicence

SECTION = "classroom_training"


def emails_about(user: Any) -> Any:
    """Mail about the person's bookings sent to their line manager: approval
    requests and their reminders, absences and late cancellations
    (`training.emails`, `training.notices`)."""
    ids = list(Booking.objects.filter(learner=user).values_list("pk", flat=True))
    return emails_with_keys(
        exact=[f"{kind}:{pk}" for pk in ids for kind in ("booking-approval", "manager-late-cancellation")],
        prefixes=[f"{kind}:{pk}:" for pk in ids for kind in ("booking-approval-chase", "manager-no-show")],
    )


def export_user_data(user: Any) -> dict[str, Any]:
    bookings = (
        Booking.objects.filter(learner=user)
        .select_related("event__course")
        .prefetch_related("attendances__day")
        .order_by("created_at", "id")
    )
    return {
        "bookings": [
            {
                "course": booking.event.course.title,
                "event": str(booking.event),
                "status": booking.get_status_display(),
                "booked_at": booking.created_at,
                "confirmed_at": booking.confirmed_at,
                "cancelled_at": booking.cancelled_at,
                "cancellation_reason": booking.cancellation_reason,
                "catch_up_day": booking.catch_up_day,
                "attendance": [
                    {"day": mark.day.number, "status": mark.get_status_display(), "marked_at": mark.marked_at}
                    for mark in sorted(booking.attendances.all(), key=lambda mark: mark.day.number)
                ],
            }
            for booking in bookings
        ],
        "trainer_licences": [
            {"reference": licence.reference, "course_kind": licence.course_kind}
            for licence in TrainerLicence.objects.filter(trainer=user).order_by("id")
        ],
        "calendar_subscription": [
            {"created_at": feed.created_at, "last_read_at": feed.last_fetched_at}
            for feed in CalendarFeed.objects.filter(user=user)
        ],
        "emails_about_you": export_emails(emails_about(user)),
    }


def anonymise_user(user: Any) -> None:
    """Bookings and attendance stay, so places taken and attendance rates stay
    right; the reasons a person typed (and their copies in the booking audit
    trail) go, and so does the mail about their bookings sent to their line
    manager (it names them)."""
    emails_about(user).delete()
    bookings = Booking.objects.filter(learner=user)
    bookings.exclude(cancellation_reason="").update(cancellation_reason="")
    for entry in BookingAuditEntry.objects.filter(booking__in=bookings).exclude(details={}):
        entry.details = {key: value for key, value in entry.details.items() if not isinstance(value, str)}
        entry.save(update_fields=["details"])
    # The calendar address would still show their dates: it goes.
    CalendarFeed.objects.filter(user=user).delete()
