"""Completing a course sends the learning record store one 'completed'
statement with the score, and one 'earned' statement for the certificate."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from courses.tests.conftest import correct_options, lessons_of
from outbox import statements
from outbox.models import OutboundStatement

pytestmark = pytest.mark.django_db


def finish(client, course):
    with time_machine.travel(dt.datetime(2026, 10, 5, 10, tzinfo=dt.UTC)):
        for lesson in lessons_of(course):
            client.get(lesson.url)
            for index in range(len(lesson.knowledge_checks())):
                question_id, right = correct_options(lesson, index)
                client.post(reverse("courses:answer", args=[lesson.pk, question_id]), {"option": right})
            client.post(reverse("courses:complete", args=[lesson.pk]))


def test_completing_a_course_lands_as_one_valid_statement_and_its_certificate_as_another(
    client, course, new_staff, lrs
):
    client.force_login(new_staff)
    finish(client, course)
    finish(client, course)  # the last lesson again: still one of each
    assert statements.send_pending() == (2, 0)
    rows = {row.statement["verb"]["display"]["en-GB"]: row for row in OutboundStatement.objects.all()}
    assert set(rows) == {"completed", "earned"}
    completed = lrs.statement(str(rows["completed"].statement_id))
    assert completed["object"]["id"].endswith(f"/xapi/activities/course/{course.pk}")
    assert completed["object"]["definition"]["name"]["en-GB"] == course.title
    assert completed["result"]["score"]["raw"] == 100 and completed["result"]["success"] is True
    earned = lrs.statement(str(rows["earned"].statement_id))
    certificate = new_staff.certificates.get()
    assert earned["object"]["id"].endswith(f"/xapi/activities/certificate/{certificate.code}")
    assert earned["actor"]["mbox"] == f"mailto:{new_staff.email}"
