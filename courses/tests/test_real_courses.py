"""The real courses, as `load_demo` writes them: a new member of staff and a
councillor each work through every lesson of their course, answering every
knowledge check, and end with a certificate anyone can verify."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from courses import demo as courses_demo
from courses.models import CourseCompletion, CoursePage, LessonPage
from courses.tests.conftest import correct_options
from matrix.models import CompletionRecord

pytestmark = pytest.mark.django_db


def _work_through(client, course: CoursePage) -> int:
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    for number, lesson in enumerate(lessons, start=1):
        page = client.get(lesson.url)
        assert page.status_code == 200, lesson.url
        assert f"Lesson {number} of {len(lessons)}" in page.content.decode()
        for index, _ in enumerate(lesson.knowledge_checks()):
            question_id, right = correct_options(lesson, index)
            answered = client.post(reverse("courses:answer", args=[lesson.pk, question_id]), {"option": right})
            assert answered.status_code in (200, 302), lesson.url
        done = client.post(reverse("courses:complete", args=[lesson.pk]))
        assert done.status_code == 302, f"{lesson.url} could not be completed"
    return len(lessons)


@pytest.mark.parametrize(
    ("persona", "slug", "least_lessons"),
    [("new_staff", "new-staff", 20), ("councillor", "councillor-briefing", 5), ("outsider", "partner-agencies", 5)],
)
def test_a_learner_completes_their_real_course_and_gets_a_certificate(
    client, request, home_page, persona, slug, least_lessons
):
    courses_demo.load(io.StringIO())
    learner = request.getfixturevalue(persona)
    course = CoursePage.objects.live().get(slug=slug)
    client.force_login(learner)
    lessons = _work_through(client, course)
    assert lessons >= least_lessons
    page = client.get(course.url).content.decode()
    assert f"{lessons} of {lessons} lessons complete" in page
    completion = CourseCompletion.objects.get(user=learner, course=course)
    certificate = completion.certificate
    assert client.get(certificate.get_absolute_url()).status_code == 200
    client.logout()
    verified = client.get(certificate.get_verify_url()).content.decode()
    assert learner.get_full_name() in verified and course.title in verified
    if course.training_id:
        assert CompletionRecord.objects.filter(user=learner, training_id=course.training_id).exists()
