"""A scenario result goes to the learning record store as one statement:
'passed' or 'failed', with the score."""

from __future__ import annotations

import pytest

from outbox import statements
from outbox.models import OutboundStatement
from scenarios.tests.conftest import submitted_attempt

pytestmark = pytest.mark.django_db


def test_passing_a_scenario_lands_as_one_valid_statement_with_the_score(new_staff, scenario_page, hollins, lrs):
    attempt = submitted_attempt(new_staff, scenario_page, hollins)
    assert attempt.passed
    assert statements.send_pending() == (1, 0)
    stored = lrs.statement(str(OutboundStatement.objects.get().statement_id))
    assert stored["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert stored["object"]["id"].endswith(f"/xapi/activities/scenario/{scenario_page.pk}")
    assert stored["result"]["score"]["raw"] == attempt.score
    assert stored["result"]["success"] is True


def test_a_failed_attempt_is_sent_as_failed(new_staff, scenario_page, hollins, lrs):
    wrong = {f"place-{item.id}": "strength" for item in hollins.items}
    attempt = submitted_attempt(new_staff, scenario_page, hollins, **wrong)
    assert not attempt.passed
    statements.send_pending()
    stored = lrs.statement(str(OutboundStatement.objects.get().statement_id))
    assert stored["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed"
    assert stored["result"]["success"] is False
