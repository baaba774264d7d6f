"""iCalendar files for bookings: one VEVENT per day, times in Europe/London.

Each day keeps the same UID for the life of the event
(`event-<id>-day-<n>@<host>`), so a calendar program replaces the entry when
an update arrives with a higher SEQUENCE, and removes it on METHOD:CANCEL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as VEvent
from icalendar.prop import vCalAddress, vText

from training.models import Booking, BookingStatus, Event, EventDay, EventStatus


class Method:
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


def _host() -> str:
    return urlparse(settings.SITE_URL).hostname or "localhost"


def day_uid(event: Event, day_number: int) -> str:
    return f"event-{event.pk}-day-{day_number}@{_host()}"


def _london_timezone() -> Timezone:
    """The VTIMEZONE for Europe/London (GMT in winter, BST from the last Sunday in March)."""
    tz = Timezone()
    tz.add("tzid", "Europe/London")
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 10, 25, 2, 0, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    standard.add("tzoffsetfrom", dt.timedelta(hours=1))
    standard.add("tzoffsetto", dt.timedelta(hours=0))
    standard.add("tzname", "GMT")
    daylight = TimezoneDaylight()
    daylight.add("dtstart", dt.datetime(1970, 3, 29, 1, 0, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    daylight.add("tzoffsetfrom", dt.timedelta(hours=0))
    daylight.add("tzoffsetto", dt.timedelta(hours=1))
    daylight.add("tzname", "BST")
    tz.add_component(standard)
    tz.add_component(daylight)
    return tz


def _location(event: Event) -> str:
    if event.online_link:
        return f"Online: {event.online_link}"
    parts = [event.venue_name, " ".join(event.venue_address.split())]
    return ", ".join(p for p in parts if p)


def _description(event: Event, day: EventDay, total_days: int) -> str:
    lines = [f"{event.course.title}: day {day.number} of {total_days}."]
    if event.online_link:
        lines.append(f"Join online: {event.online_link}")
    if event.accessibility_notes:
        lines.append(f"Access: {' '.join(event.accessibility_notes.split())}")
    lines.append(f"Your bookings: {settings.SITE_URL}/training/bookings/")
    return "\n".join(lines)


def calendar_sequence(booking: Booking) -> int:
    """The SEQUENCE of this learner's copy of the event.

    It starts from the event's own SEQUENCE and goes up by two for each
    earlier booking the learner held on the same event (each ended with a
    CANCEL at one higher), so a learner who cancels and books again gets an
    invitation their calendar accepts as newer than the cancellation."""
    earlier = Booking.objects.filter(
        event_id=booking.event_id, learner_id=booking.learner_id, pk__lt=booking.pk
    ).count()
    return booking.event.sequence + 2 * earlier


def _calendar(method: str | None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", f"-//{settings.PARTNERSHIP_NAME}//Signs of Safety training//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    cal.add_component(_london_timezone())
    return cal


def _organiser() -> vCalAddress:
    organiser_email = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
    organiser = vCalAddress(f"mailto:{organiser_email}")
    organiser.params["cn"] = vText(settings.PARTNERSHIP_NAME)
    return organiser


def _day_event(event: Event, day: EventDay, total_days: int, sequence: int, now: dt.datetime) -> VEvent:
    """One day of an event: the same UID and SEQUENCE in an emailed file and a
    subscription feed, so a calendar holding both shows the day once."""
    vevent = VEvent()
    vevent.add("uid", day_uid(event, day.number))
    vevent.add("sequence", sequence)
    vevent.add("dtstamp", now)
    vevent.add("dtstart", day.starts_at)
    vevent.add("dtend", day.ends_at)
    vevent.add("summary", f"{event.course.title} (day {day.number} of {total_days})")
    vevent.add("location", _location(event))
    vevent.add("description", _description(event, day, total_days))
    vevent.add("organizer", _organiser())
    return vevent


def booking_calendar(booking: Booking, method: str = Method.REQUEST, bump: int = 0) -> bytes:
    """The .ics for one learner's booking: every day they are booked on.
    `bump` raises the SEQUENCE above the current one (a learner's own cancellation)."""
    event = booking.event
    sequence = calendar_sequence(booking) + bump
    cal = _calendar(method)
    days = event.day_list
    wanted = set(booking.required_days())
    now = timezone.now()
    for day in days:
        if day.number not in wanted:
            continue
        vevent = _day_event(event, day, len(days), sequence, now)
        attendee = vCalAddress(f"mailto:{booking.learner.email}")
        attendee.params["cn"] = vText(booking.learner.display_name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("ACCEPTED" if method == Method.REQUEST else "DECLINED")
        vevent.add("attendee", attendee)
        vevent.add("status", "CONFIRMED" if method == Method.REQUEST else "CANCELLED")
        cal.add_component(vevent)
    return cal.to_ical()


def subscription_calendar(user: Any) -> bytes:
    """A person's subscription feed: the days of every confirmed booking on an
    event that is going ahead, and every day of the events they run as a
    trainer. No METHOD: a feed publishes, it does not invite. Cancelled
    bookings and events drop out, and the calendar removes them."""
    cal = _calendar(None)
    cal.add("x-wr-calname", f"{settings.WAGTAIL_SITE_NAME}: training")
    cal.add("x-wr-timezone", "Europe/London")
    # Outlook and Apple Calendar read these as how often to fetch the feed again.
    cal.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    now = timezone.now()
    seen: set[str] = set()
    live = [EventStatus.OPEN, EventStatus.FULL, EventStatus.FINISHED]
    bookings = (
        Booking.objects.filter(learner=user, status=BookingStatus.CONFIRMED, event__status__in=live)
        .select_related("event__course", "learner")
        .prefetch_related("event__days")
        .order_by("event_id", "pk")
    )
    for booking in bookings:
        event = booking.event
        days = event.day_list
        wanted = set(booking.required_days())
        sequence = calendar_sequence(booking)
        for day in days:
            uid = day_uid(event, day.number)
            if day.number in wanted and uid not in seen:
                seen.add(uid)
                vevent = _day_event(event, day, len(days), sequence, now)
                vevent.add("status", "CONFIRMED")
                cal.add_component(vevent)
    runs = (
        Event.objects.filter(trainers=user, status__in=live)
        .select_related("course")
        .prefetch_related("days")
        .order_by("pk")
    )
    for event in runs:
        days = event.day_list
        for day in days:
            uid = day_uid(event, day.number)
            if uid not in seen:
                seen.add(uid)
                vevent = _day_event(event, day, len(days), event.sequence, now)
                vevent.add("status", "CONFIRMED")
                vevent.add("categories", "Running as trainer")
                cal.add_component(vevent)
    return cal.to_ical()
