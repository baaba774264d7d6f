"""End to end through the real views: the gaming paths complete nothing on the matrix; a trainer's confirmation does."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from matrix.models import CompletionRecord
from outbox.models import OutboundEmail
from scenarios.convert import cached_scenario
from scenarios.forms import MappingForm
from scenarios.models import ModelAnswerSeen, ScenarioPage
from scenarios.scenario_file import mapping_from_data
from scenarios.scoring import score_mapping
from scenarios.services import jargon_entries
from scenarios.tests.conftest import model_post

pytestmark = pytest.mark.django_db

# Fair in places, thin in others: a pass by a few points.
NEAR_PASS = {"goal_1": "We will keep talking.", "reason": "Lee still drinks and Mia is frightened at night."}


def _matrix_row(client, user, training):
    """What the learner's own matrix page says about the set's training."""
    return CompletionRecord.objects.filter(user=user, training=training).exists()


def _start(client, page):
    return client.post(reverse("scenarios:start", args=[page.slug]))["Location"]


def _pass_mark_just_under(page, hollins, data):
    """Set the pass mark a few points under what this answer scores, so it is a near pass whatever the engine."""
    form = MappingForm(hollins, data, submitting=True)
    assert form.is_valid(), form.errors
    score = score_mapping(cached_scenario(page), mapping_from_data(form.mapping_data, hollins), jargon_entries()).score
    page = ScenarioPage.objects.get(pk=page.pk)
    page.pass_mark = score - 2
    page.save_revision().publish()
    return page


def test_pasting_the_model_answer_after_seeing_it_completes_nothing(
    client, scenario_page, hollins, new_staff, practice_set
):
    client.force_login(new_staff)
    first = _start(client, scenario_page)
    client.post(
        first, model_post(hollins, submit="1", statement_1="The school is worried.", **{"place-programme": "harm"})
    )
    attempt = new_staff.scenario_attempts.latest("pk")
    result_page = client.get(reverse("scenarios:result", args=[attempt.pk])).text
    assert "The model answer" in result_page
    assert escape(hollins.statements[0].text) in result_page
    assert ModelAnswerSeen.objects.filter(user=new_staff, scenario=scenario_page).exists()
    second = _start(client, scenario_page)
    client.post(second, model_post(hollins, submit="1"))
    pasted = new_staff.scenario_attempts.latest("pk")
    assert pasted.final_score == 100 and pasted.practice
    assert not CompletionRecord.objects.filter(user=new_staff).exists()
    assert not _matrix_row(client, new_staff, practice_set.training)


def test_a_doubtful_near_pass_completes_only_after_a_trainer_confirms(
    client, scenario_page, hollins, new_staff, trainer, practice_set
):
    data = model_post(hollins, **NEAR_PASS)
    page = _pass_mark_just_under(scenario_page, hollins, data)
    client.force_login(new_staff)
    builder = _start(client, page)
    client.post(builder, {**data, "submit": "1"})
    attempt = new_staff.scenario_attempts.latest("pk")
    assert attempt.passed and attempt.awaiting_review and not attempt.practice
    assert not _matrix_row(client, new_staff, practice_set.training)
    assert (
        "Waiting for a trainer to check this score" in client.get(reverse("scenarios:result", args=[attempt.pk])).text
    )

    client.force_login(trainer)
    assert f'href="{reverse("scenarios:review", args=[attempt.pk])}"' in client.get(reverse("scenarios:reviews")).text
    client.post(
        reverse("scenarios:comment", args=[attempt.pk]),
        {"target": "goal", "key": "1", "text": "Say who will talk, and when."},
    )
    client.post(reverse("scenarios:review", args=[attempt.pk]), {"decision": "confirm", "note": "A fair pass."})
    assert _matrix_row(client, new_staff, practice_set.training)
    assert OutboundEmail.objects.filter(key=f"scenario-review:{attempt.pk}", to=[new_staff.email]).exists()

    client.force_login(new_staff)
    result = client.get(reverse("scenarios:result", args=[attempt.pk])).text
    assert "A trainer checked this score" in result and "Say who will talk, and when." in result
    from matrix.models import Requirement

    # The dashboard counts a set the matrix requires of the person.
    Requirement.objects.create(training=practice_set.training, role=new_staff.profile.role, due_within=90)
    assert "1 of 1 scenario passed for Practice" in client.get("/").text


NONSENSE = "If purple Lee could hit Mia on a sunny Tuesday, the school might be scared of the bananas."
GENERIC_WORRY = "We are worried the children could be hurt again and will be frightened."
GENERIC_GOAL = "Every week for six months the safety network will make sure the children are safe."
# This scenario (the spec's worked example) lists no `people`: the engine reads
# them from its own text (Mia, Kayleigh, Dean...), so case-blind text fails here
# as it does on the demo scenarios that list their people.
NEGATED = "Nobody is worried about Lee; he will never drink again and Mia could not be hurt."


def _pasted(hollins) -> dict[str, str]:
    cards = [item.text for item in hollins.items]
    return {"statement_1": " ".join(cards[:2]), "goal_1": cards[-1]}


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        ("nonsense built from element words", {"statement_1": NONSENSE, "goal_1": GENERIC_GOAL}),
        ("generic text that fits any case", {"statement_1": GENERIC_WORRY, "goal_1": GENERIC_GOAL}),
        ("a negation that reverses the worry", {"statement_1": NEGATED, "goal_1": GENERIC_GOAL}),
        ("case cards pasted into the boxes", "pasted"),
        (
            "the same statement three times",
            {"statement_1": GENERIC_WORRY, "statement_2": GENERIC_WORRY, "statement_3": GENERIC_WORRY},
        ),
        ("a scaling reason of one letter", {"statement_1": GENERIC_WORRY, "goal_1": GENERIC_GOAL, "reason": "x"}),
    ],
)
def test_gaming_answers_complete_nothing_on_the_matrix(
    client, scenario_page, hollins, new_staff, practice_set, name, changes
):
    """Every card sorted as the model sorts it, and the written parts gamed: the
    attempt fails, or waits for a trainer; either way the matrix shows nothing."""
    data = model_post(hollins, submit="1", **(_pasted(hollins) if changes == "pasted" else changes))
    client.force_login(new_staff)
    client.post(_start(client, scenario_page), data)
    attempt = new_staff.scenario_attempts.latest("pk")
    assert attempt.status == "submitted", name
    assert not attempt.passed or attempt.awaiting_review, (name, attempt.final_score)
    assert not CompletionRecord.objects.filter(user=new_staff).exists(), name
