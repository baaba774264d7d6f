"""The emails the booking workflow sends, each under a stable outbox key.

The words are templates, `templates/training/emails/<name>_subject.txt` and
`_body.txt`; this module gathers what they show and queues them through the
outbox (`outbox.services.send_templated`), which sends them outside the request.

Keys name the reason and the record (`booking-confirmed:41`), so a repeated
request, a double click or a reminder job run twice never sends a message
twice. Calendar updates carry the event's SEQUENCE in their key: a second
reschedule is a new message, a repeat of the same one is not.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse

from outbox.services import Attachment, send_templated
from people.models import LearnerProfile, User
from training.calendar import Method, booking_calendar
from training.models import Booking, BookingStatus, Event

APPROVAL_SALT = "training.approval"
APPROVAL_MAX_AGE = 14 * 24 * 60 * 60


def _url(name: str, *args: object) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=args)}"


def _when(event: Event, booking: Booking | None = None) -> str:
    wanted = set(booking.required_days()) if booking else None
    lines = [f"  {day}" for day in event.day_list if wanted is None or day.number in wanted]
    return "\n".join(lines)


def _where(event: Event) -> str:
    if event.online_link:
        return f"Online: {event.online_link}"
    text = event.venue_name
    if event.venue_address:
        text += ", " + ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())
    if event.accessibility_notes:
        text += f"\nAccess: {' '.join(event.accessibility_notes.split())}"
    return text


def _ics(booking: Booking, method: str = Method.REQUEST, bump: int = 0) -> Attachment:
    return Attachment(
        f"{booking.event.course.slug}.ics",
        booking_calendar(booking, method, bump),
        f"text/calendar; method={method}; charset=utf-8",
    )


def _held_until(booking: Booking) -> str:
    """When an offered place stops being held, in the event's own time zone."""
    if booking.offer_expires_at is None:
        return ""
    return f"{booking.offer_expires_at.astimezone(booking.event.first_start.tzinfo):%-d %B %Y at %H:%M}"


def _send(key: str, booking: Booking, name: str, attachments: list[Attachment] | None = None, **context: Any) -> None:
    """Queue `templates/training/emails/<name>_*` to the booking's learner."""
    event = booking.event
    send_templated(
        key,
        to=[booking.learner.email],
        template=f"training/emails/{name}",
        context={
            "course_title": event.course.title,
            "learner_name": booking.learner.first_name or booking.learner.display_name,
            "my_bookings_url": _url("training:my_bookings"),
            "events_url": _url("training:events"),
            **context,
        },
        attachments=attachments or [],
    )


def booking_confirmed(booking: Booking) -> None:
    _send(
        f"booking-confirmed:{booking.pk}",
        booking,
        "booking_confirmed",
        [_ics(booking)],
        catch_up_day=booking.catch_up_day,
        when=_when(booking.event, booking),
        where=_where(booking.event),
    )


def booking_waitlisted(booking: Booking, position: int) -> None:
    event = booking.event
    _send(
        f"booking-waitlisted:{booking.pk}",
        booking,
        "booking_waitlisted",
        when=_when(event),
        position=position,
        offer_hours=event.course.offer_hours,
    )


def _line_manager_id(booking: Booking) -> int | None:
    return LearnerProfile.objects.filter(user_id=booking.learner_id).values_list("line_manager_id", flat=True).first()


def approval_token(booking: Booking) -> str:
    """The signed link of earlier request emails (`approve/<token>/`). New
    emails link to the decision page itself: the manager signs in to answer,
    so the link needs no secret and none ends up in access logs."""
    manager_id = _line_manager_id(booking)
    return signing.dumps({"b": booking.pk, "m": manager_id}, salt=APPROVAL_SALT, compress=True)


def read_approval_token(token: str) -> dict[str, int]:
    """Raises signing.SignatureExpired or signing.BadSignature for an old or tampered link."""
    result: dict[str, int] = signing.loads(token, salt=APPROVAL_SALT, max_age=APPROVAL_MAX_AGE)
    return result


def approval_requested(booking: Booking, chase: int = 0) -> None:
    """To the learner's line manager; a learner without one books without approval."""
    manager_id = _line_manager_id(booking)
    manager = User.objects.filter(pk=manager_id).first() if manager_id is not None else None
    if manager is None:
        return
    event = booking.event
    key = f"booking-approval:{booking.pk}" if chase == 0 else f"booking-approval-chase:{booking.pk}:{chase}"
    send_templated(
        key,
        to=[manager.email],
        template="training/emails/approval_requested",
        context={
            "chase": chase,
            "learner_name": booking.learner.display_name,
            "course_title": event.course.title,
            "when": _when(event),
            "where": _where(event),
            "approval_url": _url("training:decide", booking.pk),
            "approvals_url": _url("training:approvals"),
        },
    )


def approval_declined(booking: Booking) -> None:
    _send(f"booking-declined:{booking.pk}", booking, "approval_declined", reason=booking.cancellation_reason)


def approval_lapsed(booking: Booking) -> None:
    """To the learner: nobody answered the request before the event started."""
    _send(f"booking-approval-lapsed:{booking.pk}", booking, "approval_lapsed", when=_when(booking.event))


def place_offered(booking: Booking) -> None:
    event = booking.event
    _send(
        f"booking-offer:{booking.pk}",
        booking,
        "place_offered",
        when=_when(event),
        where=_where(event),
        held_until=_held_until(booking),
        offer_url=_url("training:offer", booking.pk),
    )


def offer_expired(booking: Booking) -> None:
    _send(f"booking-offer-expired:{booking.pk}", booking, "offer_expired")


def booking_cancelled(booking: Booking) -> None:
    event = booking.event
    attachments = [_ics(booking, Method.CANCEL, bump=1)] if booking.confirmed_at else []
    _send(
        f"booking-cancelled:{booking.pk}",
        booking,
        "booking_cancelled",
        attachments,
        first_date=f"{event.day_list[0].date:%-d %B %Y}",
        late=booking.late_cancellation,
        late_cancellation_days=event.course.late_cancellation_days,
        calendar_attached=bool(attachments),
    )


def event_updated(booking: Booking) -> None:
    """The new days and place, for everyone with an active booking. Only a
    confirmed place has had a calendar invitation, so only it gets the
    calendar update: the others get a short note of what changed and what
    their booking means now, and their invitation comes when the place is confirmed."""
    event = booking.event
    confirmed = booking.status == BookingStatus.CONFIRMED
    _send(
        f"event-updated:{event.pk}:{event.sequence}:{booking.pk}",
        booking,
        "event_updated",
        [_ics(booking)] if confirmed else [],
        status=booking.status,
        when=_when(event, booking),
        where=_where(event),
        held_until=_held_until(booking),
        offer_url=_url("training:offer", booking.pk),
    )


def event_cancelled(booking: Booking, was_holding: bool) -> None:
    event = booking.event
    _send(
        f"event-cancelled:{event.pk}:{booking.pk}",
        booking,
        "event_cancelled",
        [_ics(booking, Method.CANCEL)] if was_holding else [],
        when=_when(event, booking),
        reason=event.cancellation_reason,
    )


def event_reminder(booking: Booking) -> None:
    event = booking.event
    first = event.day_list[0]
    _send(
        f"event-reminder:{booking.pk}:{first.date.isoformat()}",
        booking,
        "event_reminder",
        [_ics(booking)],
        first_day=f"{first.date:%-d %B}",
        when=_when(event, booking),
        where=_where(event),
    )


def message_to_everyone(booking: Booking, token: str, subject: str, body: str, sender_name: str) -> None:
    _send(
        f"event-message:{booking.event_id}:{token}:{booking.pk}",
        booking,
        "message_to_everyone",
        subject=subject,
        body=body,
        sender_name=sender_name,
        event=booking.event,
    )


def completion_recorded(booking: Booking) -> None:
    _send(f"booking-completed:{booking.pk}", booking, "completion_recorded")
