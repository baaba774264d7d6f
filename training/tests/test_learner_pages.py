"""Event list, event page, booking, my bookings, cancel, offers, calendar download."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from training import services
from training.models import Booking, BookingStatus, EventStatus

# Attendance is marked once every day of the events in these tests has happened.
MARKED = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.django_db


def test_signed_out_visitors_are_sent_to_sign_in(client, event):
    for url in [
        reverse("training:events"),
        reverse("training:event", args=[event.pk]),
        reverse("training:my_bookings"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert client.post(reverse("training:book", args=[event.pk])).status_code == 302
    assert not Booking.objects.exists()


def test_the_list_shows_open_events_and_filters_them(client, new_staff, make_event, learners):
    full = make_event(capacity=1, venue_name="Eastfield Hub")
    services.book(full.pk, learners(1)[0])
    open_event = make_event(first_day=dt.date(2027, 1, 12))
    make_event(first_day=dt.date(2027, 2, 2), status=EventStatus.DRAFT, venue_name="Secret draft room")
    client.force_login(new_staff)
    page = client.get(reverse("training:events")).content.decode()
    assert "Eastfield Hub" in page and "Civic Hall" in page
    assert "Secret draft room" not in page
    assert "Full: waiting list open" in page
    only_places = client.get(reverse("training:events"), {"places": "on"}).content.decode()
    assert f'href="/training/events/{full.pk}/"' not in only_places
    assert f'href="/training/events/{open_event.pk}/"' in only_places
    by_month = client.get(reverse("training:events"), {"month": "2027-01"}).content.decode()
    assert f'href="/training/events/{open_event.pk}/"' in by_month
    assert f'href="/training/events/{full.pk}/"' not in by_month
    by_venue = client.get(reverse("training:events"), {"venue": "Eastfield Hub"}).content.decode()
    assert f'href="/training/events/{full.pk}/"' in by_venue
    assert f'href="/training/events/{open_event.pk}/"' not in by_venue


def test_the_list_costs_the_same_queries_for_1_or_8_events(
    client, new_staff, make_event, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(new_staff)
    counts = []
    for week in range(8):
        make_event(first_day=dt.date(2027, 1, 4) + dt.timedelta(weeks=week))
        if week in (0, 7):
            client.get(reverse("training:events"))
            with CaptureQueriesContext(connection) as queries:
                client.get(reverse("training:events"))
            counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(16):
        assert client.get(reverse("training:events")).status_code == 200


def test_the_event_page_explains_days_place_trainers_and_prerequisites(client, new_staff, event):
    client.force_login(new_staff)
    page = client.get(reverse("training:event", args=[event.pk])).content.decode()
    assert "Day 1: Tuesday 1 December 2026" in page
    assert "Day 2: Wednesday 2 December 2026" in page
    assert "Civic Hall" in page
    assert "licence LIC-1" in page
    assert "You need to finish Signs of Safety for new staff before the first day" in page
    assert "Book a place" in page


def test_a_draft_event_is_hidden_from_learners_but_not_its_trainer(client, new_staff, trainer, make_event):
    draft = make_event(status=EventStatus.DRAFT)
    client.force_login(new_staff)
    assert client.get(reverse("training:event", args=[draft.pk])).status_code == 404
    assert client.post(reverse("training:book", args=[draft.pk])).status_code == 404
    client.force_login(trainer)
    assert client.get(reverse("training:event", args=[draft.pk])).status_code == 200


def test_booking_is_one_post_and_a_double_click_books_once(client, new_staff, event):
    client.force_login(new_staff)
    first = client.post(reverse("training:book", args=[event.pk]), follow=True)
    second = client.post(reverse("training:book", args=[event.pk]), follow=True)
    assert "Your place is booked" in first.content.decode()
    assert "You already have this booking" in second.content.decode()
    assert Booking.objects.filter(learner=new_staff).count() == 1
    assert client.get(reverse("training:book", args=[event.pk])).status_code == 405


def test_booking_a_cancelled_event_shows_the_reason(client, new_staff, make_event):
    event = make_event(status=EventStatus.CANCELLED)
    client.force_login(new_staff)
    response = client.post(reverse("training:book", args=[event.pk]), follow=True)
    assert "This event has been cancelled." in response.content.decode()
    assert not Booking.objects.exists()


def test_my_bookings_shows_only_mine(client, new_staff, outsider, event):
    services.book(event.pk, outsider)
    client.force_login(new_staff)
    page = client.get(reverse("training:my_bookings")).content.decode()
    assert "You have no bookings coming up" in page


def test_cancelling_needs_a_reason_and_warns_when_late(client, new_staff, event, frozen_now):
    booking = services.book(event.pk, new_staff).booking
    client.force_login(new_staff)
    url = reverse("training:cancel_booking", args=[booking.pk])
    assert "This is a late cancellation" not in client.get(url).content.decode()
    response = client.post(url, {"reason": ""})
    assert "Tell us why you are cancelling" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    frozen_now.move_to(dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC))
    client.force_login(new_staff)
    assert "This is a late cancellation" in client.get(url).content.decode()
    client.post(url, {"reason": "Court hearing moved"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED and booking.late_cancellation


def test_another_learner_cannot_touch_my_booking(client, new_staff, outsider, event):
    booking = services.book(event.pk, new_staff).booking
    client.force_login(outsider)
    for name in ("cancel_booking", "offer", "calendar"):
        assert client.get(reverse(f"training:{name}", args=[booking.pk])).status_code == 404
    assert client.post(reverse("training:cancel_booking", args=[booking.pk]), {"reason": "x"}).status_code == 404
    assert client.post(reverse("training:accept_offer", args=[booking.pk])).status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_the_offer_page_accepts_the_place(client, make_event, learners):
    event = make_event(capacity=1)
    holder, waiting = learners(2)
    first = services.book(event.pk, holder).booking
    queued = services.book(event.pk, waiting).booking
    services.cancel(first.pk, holder, "Ill")
    client.force_login(waiting)
    page = client.get(reverse("training:offer", args=[queued.pk])).content.decode()
    assert "A place is free for you" in page and "Wednesday 4 November 2026 at 10:00" in page
    client.post(reverse("training:accept_offer", args=[queued.pk]))
    queued.refresh_from_db()
    assert queued.status == BookingStatus.CONFIRMED


def test_the_calendar_download_is_a_parseable_invitation(client, new_staff, event):
    booking = services.book(event.pk, new_staff).booking
    client.force_login(new_staff)
    response = client.get(reverse("training:calendar", args=[booking.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 2


def test_partial_attendance_offers_the_missing_day(client, new_staff, event, trainer, make_event, frozen_now):
    booking = services.book(event.pk, new_staff).booking
    services.mark_attendance(event.pk, 1, {booking.pk: "attended"}, trainer, now=MARKED)
    services.mark_attendance(event.pk, 2, {booking.pk: "left_early"}, trainer, now=MARKED)
    later = make_event(first_day=dt.date(2027, 1, 12))
    frozen_now.move_to(dt.datetime(2026, 12, 10, 9, 0, tzinfo=dt.UTC))
    client.force_login(new_staff)
    page = client.get(reverse("training:my_bookings")).content.decode()
    assert "Partly attended" in page
    assert "You missed day 2." in page
    assert f'href="/training/events/{later.pk}/">Book day 2 of the next event' in page
    detail = client.get(reverse("training:event", args=[later.pk])).content.decode()
    assert "Book day 2 only" in detail
    client.post(reverse("training:book_catch_up", args=[later.pk]), {"earlier": booking.pk})
    assert Booking.objects.get(event=later, learner=new_staff).catch_up_day == 2


def test_a_completed_course_shows_on_my_bookings(client, new_staff, event, trainer, frozen_now):
    booking = services.book(event.pk, new_staff).booking
    services.mark_attendance(event.pk, 1, {booking.pk: "attended"}, trainer, now=MARKED)
    services.mark_attendance(event.pk, 2, {booking.pk: "attended"}, trainer, now=MARKED)
    frozen_now.move_to(dt.datetime(2026, 12, 10, 9, 0, tzinfo=dt.UTC))
    client.force_login(new_staff)
    assert "Completed" in client.get(reverse("training:my_bookings")).content.decode()
