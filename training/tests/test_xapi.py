"""Attending every day of an event goes to the learning record store as one
'attended' statement, however often attendance is marked."""

from __future__ import annotations

import datetime as dt

import pytest

from outbox import statements
from outbox.models import OutboundStatement
from training import services

MARKED = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.django_db


def test_attending_both_days_lands_as_one_valid_statement(event, learners, trainer, lrs):
    first, second = (services.book(event.pk, person).booking for person in learners(2))
    services.mark_attendance(event.pk, 1, {first.pk: "attended", second.pk: "attended"}, trainer, now=MARKED)
    assert not OutboundStatement.objects.exists()  # one day is not the training
    services.mark_attendance(event.pk, 2, {first.pk: "attended", second.pk: "absent"}, trainer, now=MARKED)
    services.mark_attendance(event.pk, 2, {first.pk: "late", second.pk: "absent"}, trainer, now=MARKED)
    assert statements.send_pending() == (1, 0)
    stored = lrs.statement(str(OutboundStatement.objects.get().statement_id))
    assert stored["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attended"
    assert stored["actor"]["mbox"] == f"mailto:{first.learner.email}"
    assert stored["object"]["id"].endswith(f"/xapi/activities/event/{event.pk}")
