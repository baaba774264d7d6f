"""Fixtures for the impact tests: a two-day event run by the `trainer` persona with
three learners booked, and a matched pair of scenarios (Hollins before, Carter after).

Time is frozen at Monday 2 November 2026, 10:00; `clock.move_to(...)` moves it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from people.models import User

NOW = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
FIRST_DAY = dt.date(2026, 12, 1)
AFTER_DAY_1 = dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.UTC)
AFTER_DAY_2 = dt.datetime(2026, 12, 2, 17, 0, tzinfo=dt.UTC)
THREE_MONTHS_ON = dt.datetime(2027, 3, 2, 10, 0, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parents[2]
BEFORE_FILE = ROOT / "scenarios" / "tests" / "fixtures" / "hollins-family.md"
AFTER_FILE = ROOT / "scenarios" / "content" / "carter-family.md"


@pytest.fixture(autouse=True)
def clock() -> Iterator[Any]:
    import time_machine

    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def scenario_pair(home_page: Any) -> tuple[Any, Any]:
    from scenarios.demo import ensure_index
    from scenarios.importing import import_file
    from scenarios.models import ScenarioPage

    index = ensure_index()
    pages = []
    for path in (BEFORE_FILE, AFTER_FILE):
        outcome = import_file(path, index)
        assert not outcome.error, outcome.error
        pages.append(ScenarioPage.objects.get(slug=path.stem))
    return pages[0], pages[1]


@pytest.fixture
def event(trainer: User) -> Any:
    from matrix.models import Training, TrainingKind
    from training import services
    from training.models import ClassroomCourse, CourseKind, EventStatus, TrainerLicence

    training = Training.objects.create(
        slug="two-day-foundation", title="Signs of Safety two-day training", kind=TrainingKind.CLASSROOM
    )
    course = ClassroomCourse.objects.create(
        training=training,
        slug="two-day-foundation",
        title="Signs of Safety two-day training",
        kind=CourseKind.FOUNDATION,
        description="Two days of practice with the framework.",
        audience="Everyone who works with families.",
    )
    TrainerLicence.objects.create(
        trainer=trainer, course_kind=CourseKind.FOUNDATION, reference="LIC-1", valid_until=dt.date(2028, 1, 1)
    )
    return services.create_event(
        course,
        trainer,
        {"status": EventStatus.OPEN, "capacity": 12, "venue_name": "Civic Hall", "venue_address": "Market Square"},
        [services.DayInput(n + 1, FIRST_DAY + dt.timedelta(days=n), dt.time(9, 30), dt.time(16, 30)) for n in range(2)],
        [trainer],
    )


@pytest.fixture
def attendees(event: Any, make_person: Callable[..., User]) -> list[User]:
    """Three learners with a confirmed place: two in social care, one in health."""
    from training import services

    people = [
        make_person("Ada", "Learner"),
        make_person("Ben", "Learner", team="south"),
        make_person("Cara", "Learner", agency="health", team="health_visiting", role="health-visitor"),
    ]
    for person in people:
        services.book(event.pk, person)
    return people


def attend(event: Any, trainer: User, people: list[User], days: tuple[int, ...] = (1, 2)) -> None:
    """Mark everyone present on each day, as the trainer does after it has started."""
    from training import services
    from training.models import Booking

    for day in days:
        marks = {b.pk: "attended" for b in Booking.objects.filter(event=event, learner__in=people)}
        services.mark_attendance(event.pk, day, marks, trainer)


def map_case(user: User, page: Any, **changes: Any) -> Any:
    from scenarios.tests.conftest import submitted_attempt

    return submitted_attempt(user, page, page.to_scenario(), **changes)


def feedback_post(rating: int = 4, **overrides: str) -> dict[str, str]:
    from impact.models import MODEL_PARTS

    data = {part: str(rating) for part, _ in MODEL_PARTS}
    data.update(useful="The practice with real cases.", not_useful="", comments="")
    data.update(overrides)
    return data
