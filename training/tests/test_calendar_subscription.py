"""Calendar subscription: a private, revocable address per person showing
their confirmed training and the events they run, with the same UIDs and
sequences as the emailed files; checked with two iCalendar parsers."""

from __future__ import annotations

import icalendar
import pytest
import vobject
from django.urls import reverse

from training import services
from training.calendar import booking_calendar
from training.models import CalendarFeed, EventStatus

pytestmark = pytest.mark.django_db
PAGE = reverse("training:calendar_subscription")


def feed_url(user) -> str:
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    return reverse("training:calendar_feed", args=[feed.token])


def parse_both(body: bytes):
    """icalendar and vobject must both read the feed, and agree on its events."""
    by_icalendar = icalendar.Calendar.from_ical(body)
    by_vobject = vobject.readOne(body.decode())
    events = [(str(e["uid"]), int(e["sequence"])) for e in by_icalendar.walk("VEVENT")]
    other = [(e.uid.value, int(e.sequence.value)) for e in getattr(by_vobject, "vevent_list", [])]
    assert sorted(events) == sorted(other)
    return by_icalendar, events


def test_the_feed_has_each_confirmed_day_with_the_uids_and_sequences_of_the_emailed_file(client, event, new_staff):
    booking = services.book(event.pk, new_staff).booking
    response = client.get(feed_url(new_staff))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, events = parse_both(response.content)
    assert "METHOD" not in calendar  # a feed publishes; it does not invite
    emailed = icalendar.Calendar.from_ical(booking_calendar(booking))
    assert sorted(events) == sorted((str(e["uid"]), int(e["sequence"])) for e in emailed.walk("VEVENT"))
    assert len(events) == 2


def test_a_change_to_the_event_raises_the_sequence_in_the_feed_too(client, event, new_staff):
    services.book(event.pk, new_staff)
    before = dict(parse_both(client.get(feed_url(new_staff)).content)[1])
    event.sequence += 1
    event.save(update_fields=["sequence"])
    after = dict(parse_both(client.get(feed_url(new_staff)).content)[1])
    assert all(after[uid] == before[uid] + 1 for uid in before)


def test_cancelled_bookings_and_events_drop_out(client, event, new_staff, trainer):
    booking = services.book(event.pk, new_staff).booking
    services.cancel(booking.pk, new_staff, "No longer needed")
    assert parse_both(client.get(feed_url(new_staff)).content)[1] == []
    assert len(parse_both(client.get(feed_url(trainer)).content)[1]) == 2
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status"])
    assert parse_both(client.get(feed_url(trainer)).content)[1] == []


def test_a_trainer_sees_the_events_they_run(client, event, trainer, new_staff):
    _, events = parse_both(client.get(feed_url(trainer)).content)
    assert len(events) == 2
    assert parse_both(client.get(feed_url(new_staff)).content)[1] == []


def test_a_revoked_or_unknown_address_answers_404(client, event, new_staff):
    services.book(event.pk, new_staff)
    old = feed_url(new_staff)
    client.force_login(new_staff)
    client.post(PAGE, {"action": "renew"})
    assert client.get(old).status_code == 404
    assert client.get(feed_url(new_staff)).status_code == 200
    client.post(PAGE, {"action": "stop"})
    assert not CalendarFeed.objects.filter(user=new_staff).exists()
    assert client.get(reverse("training:calendar_feed", args=["not-a-token"])).status_code == 404


def test_an_erased_persons_address_stops_working(client, new_staff):
    from privacy.registry import anonymise_user

    url = feed_url(new_staff)
    anonymise_user(new_staff)
    assert client.get(url).status_code == 404


def test_each_person_manages_only_their_own_address(client, new_staff, outsider, trainer):
    client.force_login(new_staff)
    client.post(PAGE, {"action": "create"})
    client.post(PAGE, {"action": "create"})  # a double click keeps one address
    mine = CalendarFeed.objects.get(user=new_staff)
    page = client.get(PAGE).content.decode()
    assert mine.token in page and "Get a new address" in page
    for other in (outsider, trainer):
        client.force_login(other)
        assert mine.token not in client.get(PAGE).content.decode()
        client.post(PAGE, {"action": "stop"})
    assert CalendarFeed.objects.filter(user=new_staff, token=mine.token).exists()
    client.logout()
    assert "/accounts/login/" in client.get(PAGE)["Location"]


def test_the_address_is_long_and_random(new_staff, outsider):
    first = CalendarFeed.objects.create(user=new_staff).token
    second = CalendarFeed.objects.create(user=outsider).token
    assert len(first) >= 43 and first != second
