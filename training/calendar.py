"""iCalendar files for bookings: one VEVENT per day, times in Europe/London.

Each day keeps the same UID for the life of the event
(`event-<id>-day-<n>@<host>`), so a calendar program replaces the entry when
an update arrives with a higher SEQUENCE, and removes it on METHOD:CANCEL.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as VEvent
from icalendar.prop import vCalAddress, vText

from training.models import Booking, Event, EventDay


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


def booking_calendar(booking: Booking, method: str = Method.REQUEST, bump: int = 0) -> bytes:
    """The .ics for one learner's booking: every day they are booked on.
    `bump` raises the SEQUENCE above the current one (a learner's own cancellation)."""
    event = booking.event
    sequence = calendar_sequence(booking) + bump
    cal = Calendar()
    cal.add("prodid", f"-//{settings.PARTNERSHIP_NAME}//Signs of Safety training//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add_component(_london_timezone())
    days = event.day_list
    wanted = set(booking.required_days())
    organiser_email = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
    now = timezone.now()
    for day in days:
        if day.number not in wanted:
            continue
        vevent = VEvent()
        vevent.add("uid", day_uid(event, day.number))
        vevent.add("sequence", sequence)
        vevent.add("dtstamp", now)
        vevent.add("dtstart", day.starts_at)
        vevent.add("dtend", day.ends_at)
        vevent.add("summary", f"{event.course.title} (day {day.number} of {len(days)})")
        vevent.add("location", _location(event))
        vevent.add("description", _description(event, day, len(days)))
        organiser = vCalAddress(f"mailto:{organiser_email}")
        organiser.params["cn"] = vText(settings.PARTNERSHIP_NAME)
        vevent.add("organizer", organiser)
        attendee = vCalAddress(f"mailto:{booking.learner.email}")
        attendee.params["cn"] = vText(booking.learner.display_name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("ACCEPTED" if method == Method.REQUEST else "DECLINED")
        vevent.add("attendee", attendee)
        vevent.add("status", "CONFIRMED" if method == Method.REQUEST else "CANCELLED")
        cal.add_component(vevent)
    return cal.to_ical()
