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
