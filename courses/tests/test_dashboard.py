"""The learner's dashboard section: the courses the matrix requires, in progress, completed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from courses.tests.conftest import lessons_of
from matrix.models import Requirement
from people.models import Role


@pytest.fixture
def required(course, briefing, partnership):
    """The matrix asks social workers for the new-staff course and councillors for the briefing."""
    roles = partnership["roles"]
    Requirement.objects.create(training=course.training, role=roles["social-worker"], due_within=30)
    Requirement.objects.create(training=briefing.training, role=roles["councillor"], due_within=90)


def test_new_staff_are_offered_the_course_the_matrix_requires(client, course, briefing, required, new_staff):
    client.force_login(new_staff)
    page = client.get("/").content.decode()
    assert "Your e-learning" in page and course.title in page and briefing.title not in page


def test_councillors_are_offered_the_briefing(client, course, briefing, required, councillor):
    client.force_login(councillor)
    page = client.get("/").content.decode()
    assert briefing.title in page and course.title not in page


def test_partners_are_not_offered_a_course_the_matrix_does_not_require_of_them(
    client, course, briefing, required, outsider
):
    client.force_login(outsider)
    page = client.get("/").content.decode()
    assert course.title not in page and briefing.title not in page and "Your e-learning" not in page
    # Once the matrix asks it of health visitors, it is offered.
    Requirement.objects.create(training=course.training, role=Role.objects.get(slug="health-visitor"), due_within=30)
    assert course.title in client.get("/").content.decode()


def test_a_started_course_shows_progress_and_a_continue_link(client, course, required, new_staff):
    client.force_login(new_staff)
    first, second, _ = lessons_of(course)
    client.post(reverse("courses:complete", args=[first.pk]))
    client.get(second.url)
    page = client.get("/").content.decode()
    assert "Carry on" in page and "1 of 3 lessons" in page and "Continue where you left off" in page


def test_a_course_the_learner_chose_themselves_shows_when_started(client, briefing, new_staff):
    client.force_login(new_staff)
    client.get(lessons_of(briefing)[0].url)
    assert briefing.title in client.get("/").content.decode()


def test_anonymous_visitors_get_no_section(client, course):
    assert "Your e-learning" not in client.get("/").content.decode()


def test_a_completion_recorded_by_the_training_team_shows_the_course_as_done(client, course, required, new_staff):
    import datetime as dt

    from matrix.models import CompletionSource
    from matrix.services import record_completion

    record_completion(new_staff, course.training, dt.date(2026, 3, 3), CompletionSource.MANUAL, "admin:1")
    client.force_login(new_staff)
    page = client.get("/").content.decode()
    assert "Completed on 3 March 2026 (recorded by the training team)" in page
    assert "0 of 3 lessons" not in page
    # The dashboard offers nothing more; the course page lets them take it again if they want to.
    assert "Start course" not in page and lessons_of(course)[0].url not in page
    course_page = client.get(course.url).content.decode()
    assert "Completed on 3 March 2026 (recorded by the training team)" in course_page
    assert "Take the course again" in course_page and "Start course" not in course_page


def test_a_completion_of_another_training_does_not_count(client, course, required, new_staff):
    import datetime as dt

    from matrix.models import CompletionSource, Training
    from matrix.services import record_completion

    other = Training.objects.create(slug="something-else", title="Something else", kind="classroom")
    record_completion(new_staff, other, dt.date(2026, 3, 3), CompletionSource.MANUAL, "admin:1")
    client.force_login(new_staff)
    page = client.get("/").content.decode()
    assert "Completed on" not in page and "0 of 3 lessons" in page
