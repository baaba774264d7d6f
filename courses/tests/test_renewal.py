"""E-learning renews: when the requirement is running out the learner does the
course again, a new completion and certificate are recorded, the earlier ones
stay, and verification says which certificate is current."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from courses.models import Certificate, CourseCompletion
from courses.tests.conftest import lessons_of
from courses.tests.test_lesson_completion import answer_right, complete_url
from matrix.models import MatrixStatus, Requirement, RequirementAssignment
from matrix.services import refresh_people

pytestmark = pytest.mark.django_db


def at(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.UTC), tick=False)


def work_through(client, course):
    for lesson in lessons_of(course):
        client.get(lesson.url)
        answer_right(client, lesson)
        client.post(complete_url(lesson))


@pytest.fixture
def yearly(course, new_staff):
    Requirement.objects.create(training=course.training, role=new_staff.profile.role, due_within=30, renewal_months=12)
    return course


def status(user, course) -> str:
    return RequirementAssignment.objects.get(user=user, training=course.training).status


def test_a_course_due_for_renewal_is_completed_again_with_a_second_certificate(client, yearly, new_staff):
    course = yearly
    client.force_login(new_staff)
    with at(dt.date(2026, 10, 5)):
        work_through(client, course)
        refresh_people([new_staff.pk])
        assert status(new_staff, course) == MatrixStatus.COMPLETE
        first = Certificate.objects.get(user=new_staff)
        assert first.valid_until == dt.date(2027, 10, 5)
        page = client.get(course.url).content.decode()
        assert "current until 5 October 2027" in page
        assert "Start the renewal" not in page
        # Not due yet: asking to renew changes nothing.
        client.post(reverse("courses:renew", args=[course.pk]))
        assert CourseCompletion.objects.filter(user=new_staff).count() == 1

    with at(dt.date(2027, 10, 20)):
        client.force_login(new_staff)  # a year on, the old session has long expired
        refresh_people([new_staff.pk])
        assert status(new_staff, course) == MatrixStatus.EXPIRED
        assert "Start the renewal" in client.get(course.url).content.decode()
        client.post(reverse("courses:renew", args=[course.pk]))
        page = client.get(course.url).content.decode()
        assert "Continue the renewal" in page
        # Revisiting one lesson is not a completion: every lesson must be done again.
        first_lesson = lessons_of(course)[0]
        client.post(complete_url(first_lesson))
        assert CourseCompletion.objects.filter(user=new_staff).count() == 1
        work_through(client, course)
        refresh_people([new_staff.pk])
        assert status(new_staff, course) == MatrixStatus.COMPLETE

    completions = list(CourseCompletion.objects.filter(user=new_staff).order_by("completed_on"))
    assert [c.completed_on for c in completions] == [dt.date(2026, 10, 5), dt.date(2027, 10, 20)]
    first, second = Certificate.objects.filter(user=new_staff).order_by("issued_on")
    assert second.valid_until == dt.date(2028, 10, 20)

    with at(dt.date(2027, 10, 21)):
        old = client.get(first.get_verify_url()).content.decode()
        new = client.get(second.get_verify_url()).content.decode()
    assert "No: replaced by a later certificate issued on 20 October 2027" in old
    assert "5 October 2027" in old
    assert '<dd class="govuk-summary-list__value">Yes</dd>' in new
    assert "20 October 2028" in new


def test_a_certificate_past_its_date_is_not_current(client, yearly, new_staff):
    client.force_login(new_staff)
    with at(dt.date(2026, 10, 5)):
        work_through(client, yearly)
    certificate = Certificate.objects.get(user=new_staff)
    with at(dt.date(2027, 11, 1)):
        page = client.get(certificate.get_verify_url()).content.decode()
    assert "No: it ran out on 5 October 2027" in page


def test_a_course_with_no_renewal_has_a_certificate_that_never_expires(client, course, new_staff):
    client.force_login(new_staff)
    with at(dt.date(2026, 10, 5)):
        work_through(client, course)
        certificate = Certificate.objects.get(user=new_staff)
        assert certificate.valid_until is None
        page = client.get(certificate.get_verify_url()).content.decode()
    assert "Does not expire" in page


def test_only_the_learner_can_start_their_renewal(client, yearly, new_staff):
    assert "/accounts/login/" in client.post(reverse("courses:renew", args=[yearly.pk]))["Location"]
    assert client.get(reverse("courses:renew", args=[yearly.pk])).status_code in (302, 405)
