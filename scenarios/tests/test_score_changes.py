"""The result page says, in plain words, when and why an attempt's score changed after it was marked."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from scenarios.models import AcceptedAlternative, Attempt
from scenarios.services import accept_alternative, override_score
from scenarios.tests.conftest import submitted_attempt

pytestmark = pytest.mark.django_db

ALTERNATIVE = "Mum's friends worry the shouting at home may carry on and upset the little ones at night."
MARKED_AGAIN = "attempt was marked again on"


def _accept(page, source: Attempt, by) -> AcceptedAlternative:
    return accept_alternative(page, "statements", 0, ALTERNATIVE, "Plain and clear.", by, source)


@pytest.fixture
def learners(scenario_page, hollins, new_staff, make_person):
    """The learner's attempt and another learner's, both with the text a trainer will accept."""
    changes = {"place-programme": "safety", "statement_1": ALTERNATIVE}
    return submitted_attempt(new_staff, scenario_page, hollins, **changes), submitted_attempt(
        make_person("Other", "Learner"), scenario_page, hollins, **changes
    )


def _result(client, attempt: Attempt) -> str:
    response = client.get(reverse("scenarios:result", args=[attempt.pk]))
    assert response.status_code == 200
    return response.text


def test_a_learner_whose_attempt_was_rescored_sees_the_old_and_new_scores_when_and_why(
    client, scenario_page, learners, new_staff, trainer
):
    mine, theirs = learners
    _accept(scenario_page, theirs, trainer)
    rescored = Attempt.objects.get(pk=mine.pk)
    assert rescored.score > mine.score

    client.force_login(new_staff)
    text = _result(client, rescored)
    assert f"Your {MARKED_AGAIN} {timezone.localdate():%-d %B %Y}" in text
    assert f"its score went from {mine.score}% to {rescored.score}%" in text
    assert "A trainer accepted another way of writing danger statement 1 into the model answer" in text
    # The accepted text may be another learner's, and the trainer's note was written for trainers: neither is shown.
    assert "Plain and clear." not in text


def test_the_learner_whose_text_was_accepted_is_told_it_was_their_own(
    client, scenario_page, learners, new_staff, trainer
):
    mine, _ = learners
    _accept(scenario_page, mine, trainer)
    client.force_login(new_staff)
    assert "A trainer accepted your own way of writing danger statement 1" in _result(client, mine)


def test_an_attempt_never_rescored_shows_no_note(client, scenario_page, hollins, learners, new_staff, trainer):
    good = submitted_attempt(new_staff, scenario_page, hollins)
    _accept(scenario_page, learners[1], trainer)
    assert Attempt.objects.get(pk=good.pk).score == good.score
    client.force_login(new_staff)
    text = _result(client, good)
    assert MARKED_AGAIN not in text and "A trainer changed this score" not in text


def test_a_trainer_sees_the_same_note_about_the_learner(client, scenario_page, learners, trainer):
    mine, theirs = learners
    _accept(scenario_page, theirs, trainer)
    client.force_login(trainer)
    assert f"Their {MARKED_AGAIN}" in _result(client, mine)


def test_an_override_says_who_when_from_what_and_why(client, learners, new_staff, trainer):
    mine, _ = learners
    override_score(mine, trainer, 90, "Your statement says who, what and why.")
    client.force_login(new_staff)
    text = _result(client, mine)
    assert f"<strong>A trainer changed this score</strong> from {mine.score}% to 90% on" in text
    assert f"{timezone.localdate():%-d %B %Y}" in text and trainer.get_full_name() in text
    assert "Your statement says who, what and why." in text
    assert MARKED_AGAIN not in text


def test_rescoring_after_an_override_keeps_the_trainers_score_and_says_so(
    client, scenario_page, learners, new_staff, trainer
):
    mine, theirs = learners
    override_score(mine, trainer, 90, "Good enough for me.")
    _accept(scenario_page, theirs, trainer)
    rescored = Attempt.objects.get(pk=mine.pk)
    assert rescored.score > mine.score and rescored.final_score == 90

    client.force_login(new_staff)
    text = _result(client, rescored)
    assert f"its score went from {mine.score}% to {rescored.score}%" in text
    assert "The score a trainer set, 90%, still stands." in text
    # The override changed the score the marking gave at the time, not the one it gives now.
    assert f"<strong>A trainer changed this score</strong> from {mine.score}% to 90%" in text


def test_an_override_by_a_trainer_who_has_left_still_gives_the_date(client, learners, new_staff, make_person):
    mine, _ = learners
    leaver = make_person("Lee", "Leaver")
    override_score(mine, leaver, 80, "Fair.")
    leaver.delete()
    client.force_login(new_staff)
    text = _result(client, mine)
    assert f"to 80% on {timezone.localdate():%-d %B %Y}." in text
