"""Calendar files, read back with the icalendar parser."""

from __future__ import annotations

import base64
import datetime as dt
import zoneinfo

import pytest
from icalendar import Calendar

from outbox.models import OutboundEmail
from training import services
from training.calendar import booking_calendar

# Attendance is marked once every day of the events in these tests has happened.
MARKED = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


def _ics(key: str) -> Calendar:
    mail = OutboundEmail.objects.get(key=key)
    (attachment,) = mail.attachments
    assert attachment["mimetype"].startswith("text/calendar")
    return Calendar.from_ical(base64.b64decode(attachment["content"]))


def _events(cal: Calendar) -> list:
    return [c for c in cal.walk("VEVENT")]


def test_the_confirmation_invites_to_both_days_in_london_time(event, new_staff):
    booking = services.book(event.pk, new_staff).booking
    cal = _ics(f"booking-confirmed:{booking.pk}")
    assert str(cal["METHOD"]) == "REQUEST"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    days = _events(cal)
    assert len(days) == 2
    starts = [d.decoded("DTSTART") for d in days]
    ends = [d.decoded("DTEND") for d in days]
    assert starts == [dt.datetime(2026, 12, 1, 9, 30, tzinfo=LONDON), dt.datetime(2026, 12, 2, 9, 30, tzinfo=LONDON)]
    assert ends == [dt.datetime(2026, 12, 1, 16, 30, tzinfo=LONDON), dt.datetime(2026, 12, 2, 16, 30, tzinfo=LONDON)]
    assert all(d["DTSTART"].params["TZID"] == "Europe/London" for d in days)
    assert [str(d["UID"]) for d in days] == [f"event-{event.pk}-day-1@127.0.0.1", f"event-{event.pk}-day-2@127.0.0.1"]
    assert all(int(d["SEQUENCE"]) == 0 for d in days)
    assert str(days[0]["ATTENDEE"]) == f"mailto:{new_staff.email}"
    assert str(days[0]["ORGANIZER"]).startswith("mailto:")
    assert "Civic Hall" in str(days[0]["LOCATION"])
    assert "day 1 of 2" in str(days[0]["DESCRIPTION"])


def test_a_summer_event_is_in_british_summer_time(make_event, new_staff):
    event = make_event(first_day=dt.date(2027, 6, 14))
    booking = services.book(event.pk, new_staff).booking
    start = _events(Calendar.from_ical(booking_calendar(booking)))[0].decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=1)


def test_a_reschedule_sends_an_update_with_the_same_uids_and_a_higher_sequence(event, new_staff, trainer):
    booking = services.book(event.pk, new_staff).booking
    moved = [
        services.DayInput(1, dt.date(2026, 12, 8), dt.time(10, 0), dt.time(16, 0)),
        services.DayInput(2, dt.date(2026, 12, 9), dt.time(10, 0), dt.time(16, 0)),
    ]
    outcome = services.update_event(event.pk, trainer, {"capacity": 2}, moved)
    assert "calendar update" in outcome.message
    cal = _ics(f"event-updated:{event.pk}:1:{booking.pk}")
    assert str(cal["METHOD"]) == "REQUEST"
    days = _events(cal)
    assert [str(d["UID"]) for d in days] == [f"event-{event.pk}-day-1@127.0.0.1", f"event-{event.pk}-day-2@127.0.0.1"]
    assert [int(d["SEQUENCE"]) for d in days] == [1, 1]
    assert days[1].decoded("DTSTART") == dt.datetime(2026, 12, 9, 10, 0, tzinfo=LONDON)


def test_saving_without_changing_the_dates_sends_no_update(event, new_staff, trainer):
    services.book(event.pk, new_staff)
    same = [services.DayInput(d.number, d.date, d.start_time, d.end_time) for d in event.day_list]
    services.update_event(event.pk, trainer, {"capacity": 5}, same)
    assert not OutboundEmail.objects.filter(key__startswith="event-updated:").exists()


def test_cancelling_the_event_sends_method_cancel_to_everyone(event, learners, trainer):
    people = learners(3)
    bookings = [services.book(event.pk, p).booking for p in people]
    outcome = services.cancel_event(event.pk, trainer, "Trainer unwell")
    assert "told 3 people" in outcome.message
    for booking in bookings[:2]:
        cal = _ics(f"event-cancelled:{event.pk}:{booking.pk}")
        assert str(cal["METHOD"]) == "CANCEL"
        assert [int(d["SEQUENCE"]) for d in _events(cal)] == [1, 1]
        assert [str(d["STATUS"]) for d in _events(cal)] == ["CANCELLED", "CANCELLED"]
    waiting_mail = OutboundEmail.objects.get(key=f"event-cancelled:{event.pk}:{bookings[2].pk}")
    assert waiting_mail.attachments == [], "nobody on the waiting list had it in their calendar"
    assert services.cancel_event(event.pk, trainer, "Again").message == "This event was already cancelled."


def test_a_learner_cancelling_gets_a_cancel_for_their_calendar(event, new_staff):
    booking = services.book(event.pk, new_staff).booking
    services.cancel(booking.pk, new_staff, "Moved team")
    cal = _ics(f"booking-cancelled:{booking.pk}")
    assert str(cal["METHOD"]) == "CANCEL"
    assert len(_events(cal)) == 2


def test_a_catch_up_calendar_has_only_the_one_day(event, new_staff, trainer, make_event):
    import time_machine

    booking = services.book(event.pk, new_staff).booking
    services.mark_attendance(event.pk, 1, {booking.pk: "attended"}, trainer, now=MARKED)
    services.mark_attendance(event.pk, 2, {booking.pk: "absent"}, trainer, now=MARKED)
    later = make_event(first_day=dt.date(2027, 1, 12))
    with time_machine.travel(dt.datetime(2026, 12, 5, tzinfo=dt.UTC), tick=False):
        catch_up = services.book_catch_up(booking.pk, later.pk, new_staff).booking
    days = _events(Calendar.from_ical(booking_calendar(catch_up)))
    assert [str(d["UID"]) for d in days] == [f"event-{later.pk}-day-2@127.0.0.1"]


def test_booking_again_after_cancelling_sends_a_newer_invitation(event, new_staff):
    first = services.book(event.pk, new_staff).booking
    services.cancel(first.pk, new_staff, "Clash")
    cancelled = _ics(f"booking-cancelled:{first.pk}")
    again = services.book(event.pk, new_staff).booking
    invited = _ics(f"booking-confirmed:{again.pk}")
    cancel_sequence = int(_events(cancelled)[0]["SEQUENCE"])
    assert cancel_sequence == 1
    assert int(_events(invited)[0]["SEQUENCE"]) > cancel_sequence
    assert str(_events(invited)[0]["UID"]) == str(_events(cancelled)[0]["UID"])
