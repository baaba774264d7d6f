"""Give people real learning records through each app's own services.

Used by the access matrix (on top of the demo content) and by the privacy
tests (on top of the small fixture course, scenario and event): a learner
who opened and finished a course (answers, a journal entry, a certificate),
mapped a scenario (one submitted attempt, one draft) and booked an event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]
COURSE_FIXTURE = ROOT / "courses" / "tests" / "fixtures" / "new-staff.yaml"
SCENARIO_FIXTURE = ROOT / "scenarios" / "tests" / "fixtures" / "hollins-family.md"


@dataclass
class Records:
    user: Any
    certificate: Any = None
    attempt: Any = None
    draft: Any = None
    booking: Any = None
    journal: list[Any] = field(default_factory=list)


def model_answer(page: Any, reason: str | None = None, statement: str | None = None) -> dict[str, Any]:
    from scenarios.convert import page_to_scenario

    scenario = page_to_scenario(page)
    return {
        "scenario": page.slug,
        "placements": {item.id: item.category for item in scenario.items},
        "statements": [statement or scenario.statements[0].text],
        "goals": [scenario.goals[0].text],
        "scaling": {"score": scenario.scaling.min, "reason": reason or scenario.scaling.rationale},
    }


def finish_course(user: Any, course: Any, reflection: str = "I will ask the family what is working well.") -> list[Any]:
    from courses import services
    from courses.models import LessonPage

    journal = []
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path").specific():
        services.open_lesson(user, lesson, course)
        for question_id, value in lesson.knowledge_checks():
            right = [choice.id for choice in value["options"].bound_blocks if choice.value["correct"]]
            services.answer_question(user, lesson, course, question_id, right)
        for child in lesson.body:
            if child.block_type == "reflection":
                journal.append(services.save_reflection(user, lesson, course, child.id, reflection))
        services.complete_lesson(user, lesson, course)
    return journal


def give_records(user: Any, *, course: Any, scenario: Any, event: Any | None, trainer: Any | None = None) -> Records:
    from courses.models import Certificate
    from scenarios import services as mapping
    from training import services as training

    records = Records(user=user)
    records.journal = finish_course(user, course)
    records.certificate = Certificate.objects.filter(user=user, course=course).first()
    records.attempt = mapping.start_attempt(user, scenario)
    mapping.submit_attempt(records.attempt, model_answer(scenario))
    records.attempt.refresh_from_db()
    records.draft = mapping.start_attempt(user, scenario)
    mapping.save_draft(records.draft, model_answer(scenario, reason="Still thinking about this one."))
    if event is not None:
        outcome = training.book(event.pk, user)
        records.booking = outcome.booking if hasattr(outcome, "booking") else None
        if records.booking is None:
            from training.models import Booking

            records.booking = Booking.objects.filter(learner=user, event=event).first()
    return records


def small_world(home_page: Any, trainer: Any) -> dict[str, Any]:
    """The fixture course, scenario and an open classroom event (no demo load)."""
    from courses.content_file import read_course_file
    from courses.importer import ensure_course_index, import_course
    from matrix.models import Training, TrainingKind
    from scenarios.demo import ensure_index
    from scenarios.importing import import_file
    from scenarios.models import ScenarioPage
    from training import services as training
    from training.models import ClassroomCourse, CourseKind, EventStatus, TrainerLicence

    course = import_course(read_course_file(COURSE_FIXTURE), ensure_course_index(home_page)).course
    outcome = import_file(SCENARIO_FIXTURE, ensure_index())
    assert not outcome.error, outcome.error
    scenario = ScenarioPage.objects.get(slug="hollins-family")
    classroom_training = Training.objects.create(slug="two-day", title="Two-day training", kind=TrainingKind.CLASSROOM)
    classroom = ClassroomCourse.objects.create(
        training=classroom_training,
        slug="two-day",
        title="Two-day training",
        kind=CourseKind.FOUNDATION,
        description="Two days of practice.",
        audience="Everyone who works with families.",
    )
    TrainerLicence.objects.create(
        trainer=trainer, course_kind=CourseKind.FOUNDATION, reference="LIC-9", valid_until=dt.date(2030, 1, 1)
    )
    first = timezone.localdate() + dt.timedelta(days=40)
    event = training.create_event(
        classroom,
        trainer,
        {"status": EventStatus.OPEN, "capacity": 10, "venue_name": "Civic Hall", "venue_address": "Market Square"},
        [training.DayInput(n + 1, first + dt.timedelta(days=n), dt.time(9, 30), dt.time(16, 30)) for n in range(2)],
        [trainer],
    )
    return {"course": course, "scenario": scenario, "event": event, "classroom": classroom}
