from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from matrix.models import ActivityKind, CompletionRecord, CompletionSource, TrainingActivity
from training import services
from training.models import Attendance, AttendanceStatus, BookingStatus

# Attendance is marked once every day of the events in these tests has happened.
MARKED = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.django_db

AFTER = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def booked(event, learners):
    people = learners(2)
    return event, [services.book(event.pk, person).booking for person in people]


def test_completion_is_recorded_only_when_every_day_is_attended(booked, trainer):
    event, (first, second) = booked
    services.mark_attendance(event.pk, 1, {first.pk: "attended", second.pk: "late"}, trainer, now=MARKED)
    assert not CompletionRecord.objects.exists()
    outcome = services.mark_attendance(
        event.pk, 2, {first.pk: "attended", second.pk: "left_early"}, trainer, now=MARKED
    )
    assert "1 person has now completed" in outcome.message
    record = CompletionRecord.objects.get()
    assert record.user == first.learner
    assert record.training == event.course.training
    assert record.completed_on == dt.date(2026, 12, 2)
    assert record.source == CompletionSource.CLASSROOM
    assert record.source_ref == f"event:{event.pk}"
    assert not TrainingActivity.objects.filter(user=first.learner, kind=ActivityKind.BOOKED).exists()


def test_marking_the_same_day_again_records_nothing_twice(booked, trainer):
    event, (first, second) = booked
    marks = {first.pk: "attended", second.pk: "attended"}
    services.mark_attendance(event.pk, 1, marks, trainer, now=MARKED)
    services.mark_attendance(event.pk, 2, marks, trainer, now=MARKED)
    services.mark_attendance(event.pk, 2, marks, trainer, now=MARKED)
    assert CompletionRecord.objects.count() == 2
    assert Attendance.objects.count() == 4


def test_someone_who_is_not_the_trainer_cannot_mark_attendance(booked, make_person):
    event, (first, _) = booked
    other_trainer = make_person("Other", "Trainer", groups=("Trainers",))
    with pytest.raises(services.Refused, match="trainers"):
        services.mark_attendance(event.pk, 1, {first.pk: "attended"}, other_trainer, now=MARKED)
    assert not Attendance.objects.exists()


def test_a_mark_for_someone_not_on_the_day_is_refused(booked, trainer, make_event, learners):
    event, (first, _) = booked
    other_booking = services.book(make_event(first_day=dt.date(2027, 2, 1)).pk, learners(1)[0]).booking
    with pytest.raises(services.Refused, match="did not match"):
        services.mark_attendance(event.pk, 1, {first.pk: "attended", other_booking.pk: "attended"}, trainer, now=MARKED)
    assert not Attendance.objects.exists()


def test_an_unknown_mark_is_refused(booked, trainer):
    event, (first, _) = booked
    with pytest.raises(services.Refused):
        services.mark_attendance(event.pk, 1, {first.pk: "asleep"}, trainer, now=MARKED)


def test_a_missed_day_is_made_up_on_the_next_event(booked, trainer, make_event):
    event, (first, _) = booked
    services.mark_attendance(event.pk, 1, {first.pk: "attended"}, trainer, now=MARKED)
    services.mark_attendance(event.pk, 2, {first.pk: AttendanceStatus.ABSENT}, trainer, now=MARKED)
    later_event = make_event(first_day=dt.date(2027, 1, 12))
    with time_machine.travel(AFTER, tick=False):
        outcome = services.book_catch_up(first.pk, later_event.pk, first.learner)
    catch_up = outcome.booking
    assert catch_up.status == BookingStatus.CONFIRMED
    assert catch_up.catch_up_day == 2
    assert catch_up.catch_up_for == first
    assert services.attendees_for_day(later_event, 1) == []
    assert services.attendees_for_day(later_event, 2) == [catch_up]
    services.mark_attendance(later_event.pk, 2, {catch_up.pk: "attended"}, trainer, now=MARKED)
    record = CompletionRecord.objects.get(user=first.learner)
    assert record.completed_on == dt.date(2027, 1, 13)
    assert record.source_ref == f"event:{later_event.pk}"


def test_a_catch_up_needs_exactly_one_missed_day(booked, trainer, make_event):
    event, (first, _) = booked
    services.mark_attendance(event.pk, 1, {first.pk: "absent"}, trainer, now=MARKED)
    services.mark_attendance(event.pk, 2, {first.pk: "absent"}, trainer, now=MARKED)
    later_event = make_event(first_day=dt.date(2027, 1, 12))
    with time_machine.travel(AFTER, tick=False), pytest.raises(services.Refused, match="single missed day"):
        services.book_catch_up(first.pk, later_event.pk, first.learner)
