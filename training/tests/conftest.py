"""Fixtures for the training tests: a two-day course, an open event run by
the `trainer` persona (with a licence), and a helper to make more learners."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from matrix.models import Requirement, Training, TrainingKind
from people.models import User
from training import services
from training.models import ClassroomCourse, CourseKind, Event, EventStatus, TrainerLicence

# Every test runs on a fixed "now": Monday 2 November 2026, 10:00 London.
NOW = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
FIRST_DAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def frozen_now() -> Any:
    import time_machine

    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def prerequisite(partnership: dict[str, Any]) -> Training:
    """The new-staff e-learning, which the matrix requires of social workers (so it is asked of them
    before the two-day training, and of nobody else)."""
    training = Training.objects.create(
        slug="elearning-new-staff", title="Signs of Safety for new staff", kind=TrainingKind.ELEARNING
    )
    Requirement.objects.create(training=training, role=partnership["roles"]["social-worker"], due_within=30)
    return training


@pytest.fixture
def course(prerequisite: Training) -> ClassroomCourse:
    training = Training.objects.create(
        slug="two-day-foundation", title="Signs of Safety two-day foundation training", kind=TrainingKind.CLASSROOM
    )
    course = ClassroomCourse.objects.create(
        training=training,
        slug="two-day-foundation",
        title="Signs of Safety two-day foundation training",
        kind=CourseKind.FOUNDATION,
        description="Two days of practice with the framework.",
        audience="Everyone who works with families.",
        late_cancellation_days=5,
        offer_hours=48,
    )
    course.prerequisites.add(prerequisite)
    return course


@pytest.fixture
def make_event(course: ClassroomCourse, trainer: User) -> Callable[..., Event]:
    TrainerLicence.objects.get_or_create(
        trainer=trainer,
        course_kind=CourseKind.FOUNDATION,
        defaults={"reference": "LIC-1", "valid_until": dt.date(2028, 1, 1)},
    )

    def make(
        capacity: int = 2,
        first_day: dt.date = FIRST_DAY,
        status: str = EventStatus.OPEN,
        for_course: ClassroomCourse | None = None,
        days: int = 2,
        **fields: Any,
    ) -> Event:
        defaults = {
            "status": status,
            "capacity": capacity,
            "venue_name": "Civic Hall",
            "venue_address": "Market Square",
        }
        defaults.update(fields)
        return services.create_event(
            for_course or course,
            trainer,
            defaults,
            [
                services.DayInput(n + 1, first_day + dt.timedelta(days=n), dt.time(9, 30), dt.time(16, 30))
                for n in range(days)
            ],
            [trainer],
        )

    return make


@pytest.fixture
def event(make_event: Callable[..., Event]) -> Event:
    return make_event()


@pytest.fixture
def learners(make_person: Callable[..., User]) -> Callable[[int], list[User]]:
    def make(n: int) -> list[User]:
        return [make_person("Learner", f"Number{i}") for i in range(n)]

    return make


def later(**delta: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(**delta)


def event_form(course: ClassroomCourse, **overrides: object) -> dict[str, object]:
    """The trainers' new-event form, filled in for a two-day event, as a browser posts it."""
    data: dict[str, object] = {
        "course": course.pk,
        "status": EventStatus.OPEN,
        "capacity": "12",
        "venue_name": "Riverside Learning Centre",
        "venue_address": "Quay Street",
        "accessibility_notes": "Lift to all floors",
        "online_link": "",
        "booking_opens": "",
        "booking_closes": "",
        "day_1_date": "2027-03-02",
        "day_1_start": "09:30",
        "day_1_end": "16:30",
        "day_2_date": "2027-03-03",
        "day_2_start": "09:30",
        "day_2_end": "16:30",
        "day_3_date": "",
        "day_3_start": "",
        "day_3_end": "",
        "token": uuid.uuid4().hex,
    }
    data.update(overrides)
    return data
