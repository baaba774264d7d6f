"""The learner's dashboard section: assigned courses by audience, in progress, completed."""

from __future__ import annotations

from django.urls import reverse

from courses.tests.conftest import lessons_of


def test_new_staff_are_assigned_the_new_staff_course(client, course, briefing, new_staff):
    client.force_login(new_staff)
    page = client.get("/").content.decode()
    assert "Your e-learning" in page and course.title in page and briefing.title not in page


def test_councillors_are_assigned_the_briefing(client, course, briefing, councillor):
    client.force_login(councillor)
    page = client.get("/").content.decode()
    assert briefing.title in page and course.title not in page


def test_partners_are_assigned_the_new_staff_course_too(client, course, briefing, outsider):
    client.force_login(outsider)
    page = client.get("/").content.decode()
    assert course.title in page and briefing.title not in page


def test_a_started_course_shows_progress_and_a_continue_link(client, course, new_staff):
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


def test_a_completion_recorded_by_the_training_team_shows_the_course_as_done(client, course, new_staff):
    import datetime as dt

    from matrix.models import CompletionSource
    from matrix.services import record_completion

    record_completion(new_staff, course.training, dt.date(2026, 3, 3), CompletionSource.MANUAL, "admin:1")
    client.force_login(new_staff)
    page = client.get("/").content.decode()
    assert "Completed on 3 March 2026 (recorded by the training team)" in page
    assert "0 of 3 lessons" not in page
    # They may still take the course.
    assert "Start course" in page and lessons_of(course)[0].url in page
    course_page = client.get(course.url).content.decode()
    assert "Completed on 3 March 2026 (recorded by the training team)" in course_page


def test_a_completion_of_another_training_does_not_count(client, course, new_staff):
    import datetime as dt

    from matrix.models import CompletionSource, Training
    from matrix.services import record_completion

    other = Training.objects.create(slug="something-else", title="Something else", kind="classroom")
    record_completion(new_staff, other, dt.date(2026, 3, 3), CompletionSource.MANUAL, "admin:1")
    client.force_login(new_staff)
    page = client.get("/").content.decode()
    assert "Completed on" not in page and "0 of 3 lessons" in page
