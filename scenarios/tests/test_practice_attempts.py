"""After a learner has seen a scenario's model answer, their attempts at it are practice: marked, never counted."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from matrix.models import CompletionRecord
from scenarios.models import ModelAnswerSeen
from scenarios.services import start_attempt
from scenarios.tests.conftest import model_post, submitted_attempt

pytestmark = pytest.mark.django_db

WEAK = {"statement_1": "The school is worried.", "goal_1": "We will keep talking.", "reason": "x"}


def _first_try(client, learner, page, scenario):
    attempt = submitted_attempt(
        learner, page, scenario, **{**WEAK, "place-programme": "harm", "place-housing": "safety"}
    )
    client.force_login(learner)
    client.get(reverse("scenarios:result", args=[attempt.pk]))
    return attempt


def test_the_owner_opening_their_result_records_when_they_first_saw_the_model_answer(
    client, scenario_page, hollins, new_staff
):
    attempt = submitted_attempt(new_staff, scenario_page, hollins)
    client.force_login(new_staff)
    with time_machine.travel("2026-05-04 10:00Z", tick=False):
        assert client.get(reverse("scenarios:result", args=[attempt.pk])).status_code == 200
    with time_machine.travel("2026-05-05 10:00Z", tick=False):
        client.get(reverse("scenarios:result", args=[attempt.pk]))
    seen = ModelAnswerSeen.objects.get(user=new_staff, scenario=scenario_page)
    assert seen.first_seen_at.isoformat() == "2026-05-04T10:00:00+00:00"


@pytest.mark.parametrize("persona", ["trainer", "training_admin"])
def test_a_trainer_opening_the_result_does_not_make_the_learners_next_attempt_practice(
    client, scenario_page, hollins, new_staff, persona, request
):
    attempt = submitted_attempt(new_staff, scenario_page, hollins)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("scenarios:result", args=[attempt.pk])).status_code == 200
    assert not ModelAnswerSeen.objects.exists()


def test_pasting_the_model_answer_after_seeing_it_is_practice_and_completes_nothing(
    client, scenario_page, hollins, new_staff, practice_set
):
    first = _first_try(client, new_staff, scenario_page, hollins)
    assert not first.passed and not first.practice
    start = client.post(reverse("scenarios:start", args=[scenario_page.slug]))
    builder = start["Location"]
    assert "This is a practice attempt" in client.get(builder).text
    data = model_post(hollins, submit="1")
    result = client.post(builder, data)
    second = new_staff.scenario_attempts.latest("pk")
    assert result["Location"] == reverse("scenarios:result", args=[second.pk])
    assert second.score == 100 and second.passed and second.practice and not second.counts
    assert not CompletionRecord.objects.filter(user=new_staff).exists()
    page = client.get(reverse("scenarios:result", args=[second.pk])).text
    assert "Practice attempt" in page and "does not count towards your training record" in page
    listing = client.get(scenario_page.url).text
    assert listing.count("Practice</strong>") == 1


def test_an_attempt_submitted_before_the_model_answer_was_seen_counts(
    client, scenario_page, hollins, new_staff, practice_set
):
    attempt = submitted_attempt(new_staff, scenario_page, hollins)
    assert attempt.counts and not attempt.practice
    assert CompletionRecord.objects.filter(user=new_staff, training=practice_set.training).count() == 1


def test_a_draft_started_before_but_submitted_after_seeing_the_model_answer_is_practice(
    client, scenario_page, hollins, new_staff, practice_set
):
    # Two drafts opened together: the first is submitted and its model answer read, then pasted into the second.
    early = start_attempt(new_staff, scenario_page)
    _first_try(client, new_staff, scenario_page, hollins)
    client.post(reverse("scenarios:builder", args=[early.pk]), model_post(hollins, submit="1"))
    early.refresh_from_db()
    assert early.passed and early.practice
    assert not CompletionRecord.objects.filter(user=new_staff).exists()


def test_the_dashboard_counts_only_attempts_that_count(client, scenario_page, hollins, new_staff, practice_set):
    from matrix.models import Requirement

    # The dashboard counts a set the matrix requires of the person.
    Requirement.objects.create(training=practice_set.training, role=new_staff.profile.role, due_within=90)
    _first_try(client, new_staff, scenario_page, hollins)
    submitted_attempt(new_staff, scenario_page, hollins)
    assert "0 of 1 scenario passed for Practice" in client.get("/").text


def test_the_trainers_list_of_what_learners_wrote_marks_practice(client, scenario_page, hollins, new_staff, trainer):
    _first_try(client, new_staff, scenario_page, hollins)
    submitted_attempt(new_staff, scenario_page, hollins)
    client.force_login(trainer)
    page = client.get(reverse("scenarios:report", args=[scenario_page.slug])).text
    assert page.count("Practice</strong>") == 1
