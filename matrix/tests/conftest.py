"""Trainings and requirements for the matrix tests, and a practice lead from another agency."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache

from matrix.models import DueUnit, Requirement, Training, TrainingKind
from people.groups import GroupName
from people.models import LearnerProfile, User

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """The cache outlives each test's database: start every test without cached figures."""
    cache.clear()


@pytest.fixture
def trainings(db: Any) -> dict[str, Training]:
    return {
        "elearning": Training.objects.create(
            slug="elearning-new-staff", title="E-learning", kind=TrainingKind.ELEARNING
        ),
        "two_day": Training.objects.create(slug="two-day-foundation", title="Two-day", kind=TrainingKind.CLASSROOM),
        "scenarios": Training.objects.create(
            slug="scenario-practice", title="Scenarios", kind=TrainingKind.SCENARIO_SET
        ),
    }


@pytest.fixture
def requirements(partnership: dict[str, Any], trainings: dict[str, Training]) -> dict[str, Requirement]:
    roles = partnership["roles"]
    made = {}
    for slug in ("social-worker", "health-visitor", "practice-lead", "business-support", "councillor", "trainer"):
        made[f"elearning-{slug}"] = Requirement.objects.create(
            training=trainings["elearning"], role=roles[slug], due_within=30
        )
    made["two-day"] = Requirement.objects.create(
        training=trainings["two_day"], role=roles["social-worker"], due_within=6, due_unit=DueUnit.MONTHS
    )
    made["scenarios"] = Requirement.objects.create(
        training=trainings["scenarios"], role=roles["social-worker"], due_within=3, due_unit=DueUnit.MONTHS
    )
    return made


@pytest.fixture
def other_lead(make_person: Callable[..., User], partnership: dict[str, Any]) -> User:
    """Leads the whole health agency: none of the social care teams."""
    lead = make_person(
        "Olu", "Bassey", agency="health", team="health_visiting", role="health-visitor",
        groups=(GroupName.LEARNER, GroupName.PRACTICE_LEAD),
    )  # fmt: skip
    # `lead.profile` may be a copy from before the profile was filled in.
    LearnerProfile.objects.filter(user=lead).update(leads_agency=partnership["health"])
    return lead


@pytest.fixture
def south_worker(make_person: Callable[..., User]) -> User:
    """In Assessment Team South: the same agency as the practice lead, but not her team."""
    return make_person("Sol", "Southey", team="south")
