from __future__ import annotations

import datetime as dt
import io

import pytest

from matrix.models import CompletionRecord, CompletionSource
from people import demo as people_demo
from people.models import User
from training import demo
from training.models import Attendance, Booking, BookingStatus, ClassroomCourse, Event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def real_time(frozen_now):
    """The demo is built relative to today: let it run at the frozen date all the same."""
    return frozen_now


def test_the_demo_loads_courses_events_waitlists_and_a_past_event_once():
    people_demo.load(io.StringIO())
    demo.load(io.StringIO())
    counts = (
        ClassroomCourse.objects.count(),
        Event.objects.count(),
        Booking.objects.count(),
        Attendance.objects.count(),
    )
    demo.load(io.StringIO())
    assert counts == (
        ClassroomCourse.objects.count(),
        Event.objects.count(),
        Booking.objects.count(),
        Attendance.objects.count(),
    )
    assert set(ClassroomCourse.objects.values_list("training__slug", flat=True)) == {
        "two-day-foundation",
        "practice-lead-enhanced",
        "training-for-trainers",
        "refresher",
    }
    assert (
        ClassroomCourse.objects.get(slug="two-day-foundation").prerequisites.filter(slug="elearning-new-staff").exists()
    )
    assert Booking.objects.filter(status=BookingStatus.WAITLISTED).count() >= 2
    assert CompletionRecord.objects.filter(source=CompletionSource.CLASSROOM).count() == 4
    sam = User.objects.get(email="sam.okafor@northbridge.gov.uk")
    assert not Booking.objects.filter(learner=sam).exists()
    with_places = [e for e in Event.objects.filter(course__slug="two-day-foundation", status="open") if e.places_left()]
    assert with_places


def test_loading_the_demo_again_weeks_later_adds_no_events(frozen_now):
    people_demo.load(io.StringIO())
    demo.load(io.StringIO())
    counts = (Event.objects.count(), Booking.objects.count(), Attendance.objects.count())
    frozen_now.shift(dt.timedelta(weeks=3))
    demo.load(io.StringIO())
    assert counts == (Event.objects.count(), Booking.objects.count(), Attendance.objects.count())
