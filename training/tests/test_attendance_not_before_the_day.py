"""Attendance cannot be marked for a day that has not started yet.

"Today" is the calendar date in Europe/London, so a day starts at midnight
London time whatever the server's clock says."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from matrix.models import ActivityKind, CompletionRecord, TrainingActivity
from training import services
from training.models import Attendance, AuditAction, BookingAuditEntry

pytestmark = pytest.mark.django_db

# The event's days are 1 and 2 December 2026.
DAY_BEFORE = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
FIRST_DAY_MIDNIGHT_LONDON = dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.UTC)
DURING_DAY_ONE = dt.datetime(2026, 12, 1, 15, 0, tzinfo=dt.UTC)


@pytest.fixture
def booked(event, learners):
    people = learners(2)
    return event, [services.book(event.pk, person).booking for person in people]


@pytest.mark.parametrize(
    ("when", "day", "allowed"),
    [
        (DAY_BEFORE, 1, False),
        (FIRST_DAY_MIDNIGHT_LONDON, 1, True),
        (DURING_DAY_ONE, 1, True),
        (DURING_DAY_ONE, 2, False),
    ],
)
def test_attendance_is_refused_for_a_day_that_has_not_started(booked, trainer, when, day, allowed):
    event, (first, _) = booked
    with time_machine.travel(when, tick=False):
        if allowed:
            services.mark_attendance(event.pk, day, {first.pk: "attended"}, trainer)
            assert Attendance.objects.count() == 1
        else:
            with pytest.raises(services.Refused, match="has not happened yet"):
                services.mark_attendance(event.pk, day, {first.pk: "attended"}, trainer)
            assert not Attendance.objects.exists()


def test_marking_future_days_records_no_completion_and_keeps_the_booking(booked, trainer):
    event, (first, _) = booked
    with time_machine.travel(DURING_DAY_ONE, tick=False):
        services.mark_attendance(event.pk, 1, {first.pk: "attended"}, trainer)
        with pytest.raises(services.Refused):
            services.mark_attendance(event.pk, 2, {first.pk: "attended"}, trainer)
    assert not CompletionRecord.objects.exists()
    assert TrainingActivity.objects.filter(user=first.learner, kind=ActivityKind.BOOKED).exists()
    assert not BookingAuditEntry.objects.filter(action=AuditAction.ATTENDANCE, details__day=2).exists()


def test_the_attendance_page_says_the_day_has_not_happened_and_saves_nothing(client, booked, trainer):
    event, (first, second) = booked
    url = reverse("training:attendance", args=[event.pk, 1])
    with time_machine.travel(DAY_BEFORE, tick=False):
        client.force_login(trainer)
        page = client.get(url).content.decode()
        assert "Day 1 has not happened yet" in page
        assert "Save attendance" not in page
        response = client.post(url, {f"booking_{first.pk}": "attended", f"booking_{second.pk}": "attended"})
    assert response.status_code == 200
    assert "Day 1 has not happened yet" in response.content.decode()
    assert not Attendance.objects.exists()
    assert not CompletionRecord.objects.exists()
