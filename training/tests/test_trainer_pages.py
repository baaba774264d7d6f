"""Trainer pages: who may (the event's trainers, training administrators) and who may not."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from outbox.models import OutboundEmail
from people.groups import GroupName
from training import services
from training.models import Attendance, Booking, BookingStatus, Event, EventStatus
from training.tests.conftest import event_form
from training.views.trainer import csv_cell

pytestmark = pytest.mark.django_db

EVENT_PAGES = ["roster", "event_edit", "sign_in_sheet", "roster_csv", "email_everyone", "cancel_event"]


@pytest.fixture
def other_trainer(make_person):
    return make_person("Olu", "Trainer", team="practice", role="trainer", groups=(GroupName.LEARNER, GroupName.TRAINER))


@pytest.fixture
def booked_event(event, learners):
    people = learners(2)
    for person in people:
        services.book(event.pk, person)
    return event


def _urls(event):
    urls = [reverse(f"training:{name}", args=[event.pk]) for name in EVENT_PAGES]
    return urls + [reverse("training:attendance", args=[event.pk, 1])]


def test_signed_out_visitors_are_sent_to_sign_in(client, booked_event):
    for url in _urls(booked_event) + [reverse("training:my_events"), reverse("training:event_create")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


@pytest.mark.parametrize("who", ["new_staff", "outsider", "other_trainer", "practice_lead"])
def test_people_who_do_not_run_the_event_are_refused_with_a_clear_message(client, booked_event, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in _urls(booked_event):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "trainers and training administrators" in response.content.decode()


def test_attendance_posted_by_another_trainer_changes_nothing(client, booked_event, other_trainer):
    booking = booked_event.bookings.first()
    client.force_login(other_trainer)
    response = client.post(
        reverse("training:attendance", args=[booked_event.pk, 1]), {f"booking_{booking.pk}": "attended"}
    )
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_learners_cannot_reach_the_trainer_home_or_create_events(client, new_staff):
    client.force_login(new_staff)
    assert client.get(reverse("training:my_events")).status_code == 403
    assert client.post(reverse("training:event_create"), {}).status_code == 403


@pytest.mark.parametrize("who", ["trainer", "training_admin"])
def test_the_events_trainer_and_admins_see_every_page(client, booked_event, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in _urls(booked_event):
        assert client.get(url).status_code == 200, url


def test_my_events_lists_only_my_events_for_a_trainer(client, booked_event, other_trainer, training_admin):
    client.force_login(other_trainer)
    assert (
        f"/training/trainer/events/{booked_event.pk}/" not in client.get(reverse("training:my_events")).content.decode()
    )
    client.force_login(training_admin)
    assert f"/training/trainer/events/{booked_event.pk}/" in client.get(reverse("training:my_events")).content.decode()


def test_a_licensed_trainer_creates_an_event_and_runs_it(client, trainer, course, event):
    client.force_login(trainer)
    response = client.post(reverse("training:event_create"), event_form(course))
    created = Event.objects.exclude(pk=event.pk).get()
    assert response.status_code == 302
    assert [d.date for d in created.day_list] == [dt.date(2027, 3, 2), dt.date(2027, 3, 3)]
    assert list(created.trainers.all()) == [trainer]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"day_2_date": ""}, "runs over 2 days"),
        ({"day_1_end": "09:00"}, "must end after it starts"),
        ({"day_2_date": "2027-03-01"}, "later date than the day before"),
        ({"venue_name": ""}, "Enter a venue, or an online meeting link"),
        ({"capacity": ""}, "Enter how many places there are"),
        ({"day_1_date": "2027-02-30"}, "Enter a real date"),
    ],
)
def test_bad_event_input_gets_a_clear_message(client, trainer, course, event, overrides, message):
    client.force_login(trainer)
    response = client.post(reverse("training:event_create"), event_form(course, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Event.objects.count() == 1


def test_a_trainer_without_a_licence_cannot_create_an_event(client, other_trainer, course):
    client.force_login(other_trainer)
    response = client.post(reverse("training:event_create"), event_form(course))
    assert "has no licence" in response.content.decode()
    assert not Event.objects.exists()


def test_reducing_capacity_below_bookings_is_refused_on_the_form(client, trainer, booked_event, course):
    client.force_login(trainer)
    data = event_form(course, capacity="1", day_1_date="2026-12-01", day_2_date="2026-12-02", venue_name="Civic Hall")
    response = client.post(reverse("training:event_edit", args=[booked_event.pk]), data)
    assert "cannot go below 2" in response.content.decode()
    booked_event.refresh_from_db()
    assert booked_event.capacity == 2


def test_rescheduling_tells_everyone(client, trainer, booked_event, course):
    client.force_login(trainer)
    data = event_form(course, capacity="5", day_1_date="2026-12-08", day_2_date="2026-12-09", venue_name="Civic Hall")
    client.post(reverse("training:event_edit", args=[booked_event.pk]), data)
    booked_event.refresh_from_db()
    assert booked_event.sequence == 1
    assert OutboundEmail.objects.filter(key__startswith=f"event-updated:{booked_event.pk}:1:").count() == 2


def test_marking_attendance_on_the_phone_page(client, trainer, booked_event, frozen_now):
    frozen_now.move_to(dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC))
    first, second = booked_event.bookings.order_by("pk")
    client.force_login(trainer)
    url = reverse("training:attendance", args=[booked_event.pk, 1])
    page = client.get(url).content.decode()
    assert page.count('type="radio"') == 8
    client.post(url, {f"booking_{first.pk}": "attended", f"booking_{second.pk}": "left_early"})
    assert dict(Attendance.objects.values_list("booking_id", "status")) == {
        first.pk: "attended",
        second.pk: "left_early",
    }
    assert client.get(reverse("training:attendance", args=[booked_event.pk, 9])).status_code == 403


def test_the_csv_escapes_formulas(client, trainer, event, make_person):
    sneaky = make_person("=HYPERLINK(1)", "+Smith")
    services.book(event.pk, sneaky)
    client.force_login(trainer)
    response = client.get(reverse("training:roster_csv", args=[event.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["Name", "Email"]
    assert rows[1][0] == "'=HYPERLINK(1) +Smith"


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+44", "'+44"), ("-1", "'-1"), ("@cmd", "'@cmd"), ("Plain", "Plain"), (None, "")],
)
def test_csv_cells_that_look_like_formulas_become_text(value, cell):
    assert csv_cell(value) == cell


def test_email_everyone_sends_once_even_when_posted_twice(client, trainer, booked_event):
    client.force_login(trainer)
    url = reverse("training:email_everyone", args=[booked_event.pk])
    data = {"subject": "Room change", "body": "We are in room 4 now.", "token": "0" * 32}
    client.post(url, data)
    client.post(url, data)
    assert OutboundEmail.objects.filter(key__startswith=f"event-message:{booked_event.pk}:").count() == 2


def test_cancelling_the_event_needs_a_reason_then_cancels_every_booking(client, trainer, booked_event):
    client.force_login(trainer)
    url = reverse("training:cancel_event", args=[booked_event.pk])
    assert "Give a reason" in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "Venue flooded"})
    booked_event.refresh_from_db()
    assert booked_event.status == EventStatus.CANCELLED
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.CANCELLED}


def _roster_queries(client, event) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("training:roster", args=[event.pk])).status_code == 200
    return len(queries.captured_queries)


def test_the_roster_costs_the_same_queries_for_2_or_20_people(
    client, trainer, make_event, learners, django_assert_max_num_queries
):
    small, large = make_event(capacity=30), make_event(capacity=30, first_day=dt.date(2027, 2, 1))
    people = learners(22)
    for person in people[:2]:
        services.book(small.pk, person)
    for person in people[2:]:
        services.book(large.pk, person)
    client.force_login(trainer)
    client.get(reverse("training:roster", args=[small.pk]))
    assert _roster_queries(client, small) == _roster_queries(client, large)
    with django_assert_max_num_queries(24):
        client.get(reverse("training:roster", args=[large.pk]))


def test_practice_leads_see_late_cancellations_of_their_people_only(
    client, practice_lead, event, make_person, frozen_now
):
    mine = make_person("Mine", "Northteam")
    theirs = make_person("Theirs", "Southteam", team="south")
    bookings = [services.book(event.pk, p).booking for p in (mine, theirs)]
    frozen_now.move_to(dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC))
    for booking in bookings:
        services.cancel(booking.pk, booking.learner, "Sick")
    client.force_login(practice_lead)
    page = client.get(reverse("training:lead_report")).content.decode()
    assert "Mine Northteam" in page
    assert "Theirs Southteam" not in page


def test_learners_cannot_see_the_practice_lead_report(client, new_staff):
    client.force_login(new_staff)
    assert client.get(reverse("training:lead_report")).status_code == 403


def test_the_roster_flags_a_missing_prerequisite_only_where_the_matrix_requires_it(
    client, trainer, event, new_staff, outsider
):
    """The new-staff e-learning is required of social workers, not of a health visitor."""
    services.book(event.pk, new_staff)
    services.book(event.pk, outsider)
    client.force_login(trainer)
    page = client.get(reverse("training:roster", args=[event.pk])).content.decode()
    rows = {name: page.split(name, 1)[1].split("</tr>", 1)[0] for name in ("Sam Okafor", "Hannah Price")}
    assert "Not finished: Signs of Safety for new staff" in rows["Sam Okafor"]
    assert "Not finished" not in rows["Hannah Price"]
