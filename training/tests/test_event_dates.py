"""An event cannot be moved to dates already past, and the trainer is told
before saving how many people a change of dates will reach."""

from __future__ import annotations

import datetime as dt

import pytest

from outbox.models import OutboundEmail
from training import rules, services
from training.tests.conftest import event_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new", "past"),
    [
        ([(1, dt.date(2026, 12, 1))], [(1, dt.date(2026, 10, 1))], [dt.date(2026, 10, 1)]),
        ([(1, dt.date(2026, 12, 1))], [(1, dt.date(2026, 12, 8))], []),
        ([(1, dt.date(2026, 10, 1))], [(1, dt.date(2026, 10, 1))], []),  # already past, unchanged
        ([(1, dt.date(2026, 12, 1))], [(1, dt.date(2026, 12, 1)), (2, dt.date(2026, 9, 1))], [dt.date(2026, 9, 1)]),
    ],
)
def test_the_rule_finds_days_moved_into_the_past(old, new, past):
    assert rules.moved_into_the_past(old, new, dt.date(2026, 11, 2)) == past


def test_moving_an_event_with_bookings_into_the_past_is_refused_and_nobody_is_emailed(event, learners, trainer):
    for person in learners(2):
        services.book(event.pk, person)
    before = OutboundEmail.objects.count()
    gone = [services.DayInput(n, dt.date(2026, 10, n), dt.time(9, 30), dt.time(16, 30)) for n in (1, 2)]
    with pytest.raises(services.Refused, match="already passed"):
        services.update_event(event.pk, trainer, {"capacity": 2}, gone)
    event.refresh_from_db()
    assert event.day_list[0].date == dt.date(2026, 12, 1)
    assert OutboundEmail.objects.count() == before


def test_the_edit_page_says_how_many_are_booked_and_refuses_a_past_date(client, event, learners, trainer, course):
    people = learners(3)
    for person in people:
        services.book(event.pk, person)
    client.force_login(trainer)
    page = client.get(f"/training/trainer/events/{event.pk}/edit/").content.decode()
    assert "2 people with a place will be emailed the change with a calendar update" in page
    assert "and 1 waiting" in page
    data = event_form(course, capacity="2", day_1_date="2026-10-01", day_2_date="2026-10-02")
    data.pop("token")
    response = client.post(f"/training/trainer/events/{event.pk}/edit/", data)
    assert response.status_code == 200
    assert "already passed" in response.content.decode()


def test_the_edit_page_says_nobody_will_be_emailed_when_nobody_is_booked(client, event, trainer):
    client.force_login(trainer)
    page = client.get(f"/training/trainer/events/{event.pk}/edit/").content.decode()
    assert "No one is booked yet" in page
