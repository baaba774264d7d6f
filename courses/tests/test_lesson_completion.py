"""Completing lessons and the course: the checks gate it; the course completion,
the matrix's completion record and the certificate come together."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from courses.models import Certificate, CourseCompletion, LessonProgress
from courses.services import complete_course_if_done
from courses.tests.conftest import correct_options, lessons_of
from matrix.models import CompletionRecord, CompletionSource


def complete_url(lesson):
    return reverse("courses:complete", args=[lesson.pk])


def answer_right(client, lesson):
    for index in range(len(lesson.knowledge_checks())):
        question_id, right = correct_options(lesson, index)
        client.post(reverse("courses:answer", args=[lesson.pk, question_id]), {"option": right})


def test_anonymous_visitors_cannot_complete_a_lesson(client, course):
    assert "/accounts/login/" in client.post(complete_url(lessons_of(course)[0]))["Location"]
    assert not LessonProgress.objects.exists()


def test_a_lesson_without_questions_completes_and_moves_on_to_the_next(client, course, new_staff):
    client.force_login(new_staff)
    first, second, _ = lessons_of(course)
    response = client.post(complete_url(first))
    assert response["Location"] == second.url
    assert LessonProgress.objects.get(user=new_staff, lesson=first).is_complete


def test_a_lesson_with_unanswered_questions_cannot_be_completed(client, course, new_staff):
    client.force_login(new_staff)
    second = lessons_of(course)[1]
    response = client.post(complete_url(second), follow=True)
    assert "1 question still to do" in response.content.decode()
    assert not LessonProgress.objects.filter(lesson=second, completed_at__isnull=False).exists()


def test_completing_the_last_lesson_completes_the_course_once(client, course, new_staff):
    client.force_login(new_staff)
    with time_machine.travel(dt.datetime(2026, 10, 5, 10, tzinfo=dt.UTC)):
        for lesson in lessons_of(course):
            client.get(lesson.url)
            answer_right(client, lesson)
            response = client.post(complete_url(lesson))
        assert response["Location"] == course.url
        client.post(complete_url(lessons_of(course)[-1]))
    completion = CourseCompletion.objects.get(user=new_staff)
    assert (completion.completed_on, completion.score_percent) == (dt.date(2026, 10, 5), 100)
    record = CompletionRecord.objects.get(user=new_staff)
    assert (record.training, record.source, record.source_ref) == (
        course.training,
        CompletionSource.ELEARNING,
        f"course:{course.pk}",
    )
    certificate = Certificate.objects.get(user=new_staff)
    assert certificate.learner_name == "Sam Okafor" and certificate.course_title == course.title
    page = client.get(course.url).content.decode()
    assert "You completed this course on 5 October 2026" in page
    assert certificate.get_absolute_url() in page and certificate.get_pdf_url() in page


def test_the_pass_mark_decides_when_every_lesson_is_done_but_a_new_question_is_unanswered(course, new_staff):
    lessons = lessons_of(course)
    now = dt.datetime(2026, 10, 5, tzinfo=dt.UTC)
    for lesson in lessons:
        LessonProgress.objects.create(
            user=new_staff, lesson=lesson, course=course, opened_at=now, last_opened_at=now, completed_at=now
        )
    # No answers at all: 0% of the questions, under the 80% pass mark.
    assert complete_course_if_done(new_staff, course) is None
    course.pass_mark = 0
    course.save()
    assert complete_course_if_done(new_staff, course) is not None


def test_the_course_pass_mark_sets_how_many_of_a_lesson_checks_must_be_right(client, course, new_staff):
    client.force_login(new_staff)
    second = lessons_of(course)[1]
    assert second.knowledge_checks()
    course.pass_mark = 0
    course.save_revision().publish()
    page = client.get(second.url).content.decode()
    assert "To complete this lesson" not in page
    response = client.post(complete_url(second))
    assert response.status_code == 302 and "1 question still to do" not in client.get(second.url).content.decode()
    assert LessonProgress.objects.get(user=new_staff, lesson=second).is_complete
