"""Completions, bookings and exemptions change the matrix at once; dates passing change it on the day."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from matrix import services
from matrix.models import CompletionSource, Exemption, Requirement, RequirementAssignment
from matrix.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def status_of(user, training) -> str:
    return RequirementAssignment.objects.get(user=user, requirement__training=training).status


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2026, 11, 20, 10, 0), tick=False):
        yield


def test_a_new_person_gets_a_row_for_each_requirement_of_their_role(requirements, new_staff, trainings):
    titles = set(new_staff.requirement_assignments.values_list("requirement__training__slug", flat=True))
    assert titles == {"elearning-new-staff", "two-day-foundation", "scenario-practice"}
    assert status_of(new_staff, trainings["two_day"]) == "not_started"


def test_completing_e_learning_changes_the_matrix_immediately(requirements, new_staff, trainings):
    services.record_completion(new_staff, trainings["elearning"], TODAY, CompletionSource.ELEARNING, "course:1")
    assert status_of(new_staff, trainings["elearning"]) == "complete"


def test_passing_a_scenario_changes_the_matrix_immediately(requirements, new_staff, trainings):
    services.mark_started(new_staff, trainings["scenarios"], TODAY)
    assert status_of(new_staff, trainings["scenarios"]) == "in_progress"
    services.record_completion(new_staff, trainings["scenarios"], TODAY, CompletionSource.SCENARIO, "attempt:3")
    assert status_of(new_staff, trainings["scenarios"]) == "complete"


def test_booking_then_attending_both_days_changes_the_matrix_immediately(requirements, new_staff, trainings):
    services.mark_booked(new_staff, trainings["two_day"], dt.date(2026, 12, 3))
    assert status_of(new_staff, trainings["two_day"]) == "booked"
    services.clear_booked(new_staff, trainings["two_day"])
    assert status_of(new_staff, trainings["two_day"]) == "not_started"
    services.record_completion(new_staff, trainings["two_day"], TODAY, CompletionSource.CLASSROOM, "event:7")
    assert status_of(new_staff, trainings["two_day"]) == "complete"


def test_it_becomes_overdue_on_the_day_after_the_deadline(requirements, new_staff, trainings):
    # new_staff started on 1 September 2026: e-learning due 1 October.
    with time_machine.travel(dt.datetime(2026, 9, 20, 10, 0), tick=False):
        services.refresh_people([new_staff.pk])
        assert status_of(new_staff, trainings["elearning"]) == "not_started"
    services.refresh_due()
    assert status_of(new_staff, trainings["elearning"]) == "overdue"


def test_an_exemption_shows_its_reason_and_ends_on_its_day(requirements, new_staff, trainings, training_admin):
    Exemption.objects.create(
        user=new_staff, training=trainings["two_day"], reason="Did it in Leeds", granted_by=training_admin,
        until=dt.date(2026, 11, 30),
    )  # fmt: skip
    row = RequirementAssignment.objects.get(user=new_staff, requirement__training=trainings["two_day"])
    assert (row.status, row.exemption_reason) == ("exempt", "Did it in Leeds")
    assert row.recheck_on == dt.date(2026, 12, 1)


def test_changing_role_removes_what_no_longer_applies(requirements, new_staff, partnership):
    profile = new_staff.profile
    profile.role = partnership["roles"]["business-support"]
    profile.save()
    assert list(new_staff.requirement_assignments.values_list("requirement__training__slug", flat=True)) == [
        "elearning-new-staff"
    ]


def test_an_agency_s_own_requirement_overrides_the_one_for_every_agency(
    requirements, new_staff, partnership, trainings
):
    own = Requirement.objects.create(
        training=trainings["elearning"], role=partnership["roles"]["social-worker"], agency=partnership["csc"],
        due_within=90,
    )  # fmt: skip
    row = RequirementAssignment.objects.get(user=new_staff, requirement__training=trainings["elearning"])
    assert row.requirement_id == own.pk
    assert row.due_on == dt.date(2026, 11, 30)


def test_a_new_requirement_applies_to_everyone_in_the_role_at_once(partnership, trainings, new_staff, south_worker):
    Requirement.objects.create(training=trainings["two_day"], role=partnership["roles"]["social-worker"], due_within=60)
    assert RequirementAssignment.objects.filter(requirement__training=trainings["two_day"]).count() == 2


def test_recording_the_same_completion_twice_changes_nothing(requirements, new_staff, trainings):
    first = services.record_completion(new_staff, trainings["elearning"], TODAY, CompletionSource.ELEARNING, "c:1")
    again = services.record_completion(new_staff, trainings["elearning"], TODAY, CompletionSource.ELEARNING, "c:1")
    assert first.pk == again.pk


def test_deleting_a_person_with_completions_works(requirements, new_staff, trainings):
    services.record_completion(new_staff, trainings["elearning"], TODAY, CompletionSource.ELEARNING, "c:1")
    new_staff.delete()
    assert not RequirementAssignment.objects.exists()


def test_the_nightly_command_refreshes_whoever_is_due(requirements, new_staff, trainings):
    import io

    from django.core.management import call_command

    with time_machine.travel(dt.datetime(2026, 9, 20, 10, 0), tick=False):
        services.refresh_people([new_staff.pk])
    out = io.StringIO()
    call_command("refresh_matrix", stdout=out)
    assert "matrix rows changed" in out.getvalue()
    assert status_of(new_staff, trainings["elearning"]) == "overdue"
