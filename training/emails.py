"""The emails the booking workflow sends, each under a stable outbox key.

Keys name the reason and the record (`booking-confirmed:41`), so a repeated
request, a double click or a reminder job run twice never sends a message
twice. Calendar updates carry the event's SEQUENCE in their key: a second
reschedule is a new message, a repeat of the same one is not.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from outbox.services import Attachment, queue_email
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


def _sign_off() -> str:
    return f"\n\n{settings.PARTNERSHIP_NAME} training team"


def booking_confirmed(booking: Booking) -> None:
    event = booking.event
    catch_up = f" (day {booking.catch_up_day} only, to make up the day you missed)" if booking.catch_up_day else ""
    queue_email(
        f"booking-confirmed:{booking.pk}",
        to=[booking.learner.email],
        subject=f"Your place is confirmed: {event.course.title}",
        body_text=(
            f"Hello {booking.learner.first_name or booking.learner.display_name},\n\n"
            f"Your place on {event.course.title}{catch_up} is confirmed.\n\nWhen:\n{_when(event, booking)}\n\n"
            f"Where: {_where(event)}\n\nThe calendar invitation attached adds every day to your calendar.\n"
            f"If you can no longer come, cancel as early as you can so someone on the waiting list can have "
            f"your place: {_url('training:my_bookings')}" + _sign_off()
        ),
        attachments=[_ics(booking)],
    )


def booking_waitlisted(booking: Booking, position: int) -> None:
    event = booking.event
    queue_email(
        f"booking-waitlisted:{booking.pk}",
        to=[booking.learner.email],
        subject=f"You are on the waiting list: {event.course.title}",
        body_text=(
            f"The event on these dates is full:\n{_when(event)}\n\nYou are number {position} on the waiting list. "
            f"When a place comes free we will email you, and you will have {event.course.offer_hours} hours to "
            f"accept it.\n\nYour bookings: {_url('training:my_bookings')}" + _sign_off()
        ),
    )


def _line_manager_id(booking: Booking) -> int | None:
    return LearnerProfile.objects.filter(user_id=booking.learner_id).values_list("line_manager_id", flat=True).first()


def approval_token(booking: Booking) -> str:
    manager_id = _line_manager_id(booking)
    return signing.dumps({"b": booking.pk, "m": manager_id}, salt=APPROVAL_SALT, compress=True)


def read_approval_token(token: str) -> dict[str, int]:
    """Raises signing.SignatureExpired or signing.BadSignature for an old or tampered link."""
    return signing.loads(token, salt=APPROVAL_SALT, max_age=APPROVAL_MAX_AGE)


def approval_requested(booking: Booking, chase: int = 0) -> None:
    manager = User.objects.filter(pk=_line_manager_id(booking)).first()
    if manager is None:
        return
    event = booking.event
    token = approval_token(booking)
    key = f"booking-approval:{booking.pk}" if chase == 0 else f"booking-approval-chase:{booking.pk}:{chase}"
    subject = f"Please approve: {booking.learner.display_name} on {event.course.title}"
    if chase:
        subject = f"Reminder: {subject[0].lower()}{subject[1:]}"
    queue_email(
        key,
        to=[manager.email],
        subject=subject,
        body_text=(
            f"{booking.learner.display_name} has asked for a place on {event.course.title}:\n{_when(event)}\n\n"
            f"Where: {_where(event)}\n\nTheir place is held until you answer.\n\n"
            f"Approve or decline: {_url('training:approval_link', token)}\n"
            f"(the link works for 14 days; you can also answer on your Approvals page: "
            f"{_url('training:approvals')})" + _sign_off()
        ),
    )


def approval_declined(booking: Booking) -> None:
    queue_email(
        f"booking-declined:{booking.pk}",
        to=[booking.learner.email],
        subject=f"Booking not approved: {booking.event.course.title}",
        body_text=(
            f"Your line manager did not approve your place on {booking.event.course.title}.\n"
            + (f"Their reason: {booking.cancellation_reason}\n" if booking.cancellation_reason else "")
            + "\nPlease talk to them about another date."
            + _sign_off()
        ),
    )


def place_offered(booking: Booking) -> None:
    event = booking.event
    deadline = booking.offer_expires_at
    queue_email(
        f"booking-offer:{booking.pk}",
        to=[booking.learner.email],
        subject=f"A place is free for you: {event.course.title}",
        body_text=(
            f"A place has come free on {event.course.title}:\n{_when(event)}\n\nWhere: {_where(event)}\n\n"
            f"It is held for you until {deadline.astimezone(event.first_start.tzinfo):%-d %B %Y at %H:%M}. "
            f"After that it goes to the next person on the waiting list.\n\n"
            f"Accept or decline the place: {_url('training:offer', booking.pk)}" + _sign_off()
        ),
    )


def offer_expired(booking: Booking) -> None:
    queue_email(
        f"booking-offer-expired:{booking.pk}",
        to=[booking.learner.email],
        subject=f"Your offered place has gone: {booking.event.course.title}",
        body_text=(
            "We held a place for you but did not hear back in time, so it has gone to the next person waiting.\n"
            f"You can book another date: {_url('training:events')}" + _sign_off()
        ),
    )


def booking_cancelled(booking: Booking) -> None:
    event = booking.event
    late = ""
    if booking.late_cancellation:
        late = (
            f"\nThis was a late cancellation (less than {event.course.late_cancellation_days} days before the start). "
            "It is recorded and your practice lead can see it.\n"
        )
    attachments = [_ics(booking, Method.CANCEL, bump=1)] if booking.confirmed_at else []
    queue_email(
        f"booking-cancelled:{booking.pk}",
        to=[booking.learner.email],
        subject=f"Booking cancelled: {event.course.title}",
        body_text=(
            f"Your booking on {event.course.title} ({event.day_list[0].date:%-d %B %Y}) is cancelled.\n"
            + late
            + ("\nThe calendar file attached removes the days from your calendar.\n" if attachments else "")
            + _sign_off()
        ),
        attachments=attachments,
    )


def event_updated(booking: Booking) -> None:
    """The new days and place, for everyone with an active booking. Only a
    confirmed place has had a calendar invitation, so only it gets the
    calendar update: the others get a short note of what changed and what
    their booking means now, and their invitation comes when the place is confirmed."""
    event = booking.event
    key = f"event-updated:{event.pk}:{event.sequence}:{booking.pk}"
    subject = f"Changed dates or place: {event.course.title}"
    now = f"It is now:\n{_when(event, booking)}\n\nWhere: {_where(event)}\n\n"
    if booking.status == BookingStatus.CONFIRMED:
        queue_email(
            key,
            to=[booking.learner.email],
            subject=subject,
            body_text=(
                f"The event you are booked on has changed. {now}The calendar update attached moves it in your "
                f"calendar. If you can no longer come, please cancel: {_url('training:my_bookings')}" + _sign_off()
            ),
            attachments=[_ics(booking)],
        )
        return
    if booking.status == BookingStatus.OFFERED:
        held = ""
        if booking.offer_expires_at:
            held = f" until {booking.offer_expires_at.astimezone(event.first_start.tzinfo):%-d %B %Y at %H:%M}"
        intro = "The event on which we are holding a place for you has changed."
        next_step = f"The place is still held for you{held}. Accept or decline it: {_url('training:offer', booking.pk)}"
    elif booking.status == BookingStatus.PENDING_APPROVAL:
        intro = "The event you asked to book has changed."
        next_step = (
            "Your place is held while your line manager decides; the calendar invitation comes when it is "
            f"confirmed. If the new dates do not suit you, cancel: {_url('training:my_bookings')}"
        )
    else:
        intro = "The event you are on the waiting list for has changed."
        next_step = (
            "You keep your place on the waiting list. If the new dates do not suit you, leave it: "
            f"{_url('training:my_bookings')}"
        )
    queue_email(key, to=[booking.learner.email], subject=subject, body_text=f"{intro} {now}{next_step}" + _sign_off())


def event_cancelled(booking: Booking, was_holding: bool) -> None:
    event = booking.event
    reason = f"\nThe reason: {event.cancellation_reason}\n" if event.cancellation_reason else ""
    queue_email(
        f"event-cancelled:{event.pk}:{booking.pk}",
        to=[booking.learner.email],
        subject=f"Event cancelled: {event.course.title}",
        body_text=(
            f"We are sorry: the event on these dates has been cancelled.\n{_when(event, booking)}\n{reason}\n"
            f"Please book another date: {_url('training:events')}" + _sign_off()
        ),
        attachments=[_ics(booking, Method.CANCEL)] if was_holding else [],
    )


def event_reminder(booking: Booking) -> None:
    event = booking.event
    first = event.day_list[0]
    queue_email(
        f"event-reminder:{booking.pk}:{first.date.isoformat()}",
        to=[booking.learner.email],
        subject=f"Coming up: {event.course.title} on {first.date:%-d %B}",
        body_text=(
            f"A reminder that you are booked on {event.course.title}:\n{_when(event, booking)}\n\n"
            f"Where: {_where(event)}\n\nIf you can no longer come, please cancel now so someone else can have the "
            f"place: {_url('training:my_bookings')}" + _sign_off()
        ),
        attachments=[_ics(booking)],
    )


def message_to_everyone(booking: Booking, token: str, subject: str, body: str, sender_name: str) -> None:
    queue_email(
        f"event-message:{booking.event_id}:{token}:{booking.pk}",
        to=[booking.learner.email],
        subject=subject,
        body_text=f"{body}\n\nFrom {sender_name}, about {booking.event}." + _sign_off(),
    )


def completion_recorded(booking: Booking) -> None:
    queue_email(
        f"booking-completed:{booking.pk}",
        to=[booking.learner.email],
        subject=f"Completed: {booking.event.course.title}",
        body_text=(
            f"You attended every day of {booking.event.course.title}. It is now recorded as complete on your "
            f"training record: {_url('training:my_bookings')}" + _sign_off()
        ),
    )
