"""The matrix demo: requirements for every role, a spread of statuses, and the synthetic partnership."""

from __future__ import annotations

import io

import pytest
from django.db.models import Count

from matrix import demo
from matrix.models import CompletionRecord, Requirement, RequirementAssignment
from people import demo as people_demo
from people.models import Role, Team, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    people_demo.load(io.StringIO())


def test_every_role_has_a_requirement_and_the_statuses_are_spread(people):
    demo.load(io.StringIO())
    assert set(Role.objects.values_list("slug", flat=True)) == set(
        Requirement.objects.values_list("role__slug", flat=True)
    )
    statuses = dict(RequirementAssignment.objects.values_list("status").annotate(n=Count("id")))
    for status in ("complete", "booked", "overdue", "exempt", "not_started"):
        assert statuses.get(status, 0) > 0, status


def test_loading_twice_changes_nothing(people):
    demo.load(io.StringIO(), scale=30)
    counts = (
        User.objects.count(),
        CompletionRecord.objects.count(),
        RequirementAssignment.objects.count(),
        Team.objects.count(),
    )
    demo.load(io.StringIO(), scale=30)
    assert (
        User.objects.count(),
        CompletionRecord.objects.count(),
        RequirementAssignment.objects.count(),
        Team.objects.count(),
    ) == counts
    assert counts[3] == demo.SCALE_TEAMS


def test_the_synthetic_partnership_has_about_fifteen_records_a_learner(people):
    demo.load(io.StringIO())
    before = CompletionRecord.objects.count()
    made, records = demo.load_synthetic(40, demo.timezone.localdate())
    assert made == 40
    assert records == CompletionRecord.objects.count() - before >= 40 * 15
    assert User.objects.filter(email__startswith="learner00040@").exists()
    assert RequirementAssignment.objects.filter(user__email__startswith="learner").count() >= 40
