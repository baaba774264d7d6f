"""Trainers' views: the per-scenario report, accepting alternatives, overriding a score."""

from __future__ import annotations

import pytest
from django.urls import reverse

from matrix.models import CompletionRecord
from scenarios.models import AcceptedAlternative, Attempt, ScenarioPage
from scenarios.services import start_attempt, submit_attempt
from scenarios.tests.conftest import model_post

pytestmark = pytest.mark.django_db

ALTERNATIVE = "Mum's friends worry the shouting at home may carry on and upset the little ones at night."


def _submit(user, page, scenario, **changes):
    attempt = start_attempt(user, page)
    data = model_post(scenario, **changes)
    from scenarios.forms import MappingForm

    form = MappingForm(scenario, data, submitting=True)
    assert form.is_valid(), form.errors
    submit_attempt(attempt, form.mapping_data)
    attempt.refresh_from_db()
    return attempt


@pytest.fixture
def attempts(scenario_page, hollins, make_person):
    made = []
    for n in range(3):
        learner = make_person("Learner", f"N{n}")
        made.append(
            _submit(learner, scenario_page, hollins, **{"place-programme": "safety", "statement_1": ALTERNATIVE})
        )
    made.append(_submit(make_person("Learner", "Good"), scenario_page, hollins))
    return made


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("trainer", 200),
        ("training_admin", 200),
        ("new_staff", 404),
        ("practice_lead", 404),
        ("content_editor", 404),
        ("outsider", 404),
    ],
)
def test_only_trainers_and_training_admins_see_the_report(client, attempts, persona, status, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("scenarios:report", args=["hollins-family"])).status_code == status


def test_the_report_counts_attempts_and_names_the_common_misplacements(client, attempts, trainer):
    client.force_login(trainer)
    text = client.get(reverse("scenarios:report", args=["hollins-family"])).text
    assert "Strength placed as existing safety" in text
    assert "75% (3)" in text
    assert ALTERNATIVE.replace("'", "&#x27;") in text


def test_the_report_runs_a_fixed_number_of_queries(
    client, scenario_page, hollins, make_person, trainer, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(2):
        _submit(make_person("L", f"A{n}"), scenario_page, hollins)
    client.force_login(trainer)
    url = reverse("scenarios:report", args=["hollins-family"])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(6):
        _submit(make_person("L", f"B{n}"), scenario_page, hollins)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
    assert len(few.captured_queries) <= 20


def test_accepting_an_alternative_previews_then_rescores_with_a_note(client, attempts, trainer):
    client.force_login(trainer)
    source = attempts[0]
    url = reverse("scenarios:accept", args=["hollins-family"])
    params = {"attempt": source.pk, "section": "statements", "text": 0, "model": 0}
    preview = client.get(url, params)
    assert preview.status_code == 200
    assert preview.text.count("+") >= 3  # three attempts would go up
    refused = client.post(url, {**params, "note": ""})
    assert refused.status_code == 400 and not AcceptedAlternative.objects.exists()
    response = client.post(url, {**params, "note": "Plain and clear: says who, what and why."})
    assert response.status_code == 302
    accepted = AcceptedAlternative.objects.get()
    assert len(accepted.rescored) == 3 and all(new > old for _, old, new in accepted.rescored)
    page = ScenarioPage.objects.get(slug="hollins-family")
    assert ALTERNATIVE in page.to_scenario().statements[0].alternatives
    assert Attempt.objects.get(pk=source.pk).score > source.score


def test_a_learner_cannot_accept_alternatives(client, attempts, new_staff):
    client.force_login(new_staff)
    url = reverse("scenarios:accept", args=["hollins-family"])
    response = client.post(url, {"attempt": attempts[0].pk, "section": "statements", "text": 0, "note": "mine"})
    assert response.status_code == 404 and not AcceptedAlternative.objects.exists()


def test_a_trainer_overrides_a_score_and_the_learner_sees_it(client, practice_set, attempts, trainer):
    attempt = Attempt.objects.filter(passed=False).first() or attempts[0]
    client.force_login(trainer)
    response = client.post(
        reverse("scenarios:override", args=[attempt.pk]), {"score": "85", "note": "Your statement was good."}
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.override_score == 85 and attempt.passed and attempt.overridden_by == trainer
    assert CompletionRecord.objects.filter(user=attempt.user, training=practice_set.training).exists()
    client.force_login(attempt.user)
    text = client.get(reverse("scenarios:result", args=[attempt.pk])).text
    assert "A trainer changed this score" in text and "Your statement was good." in text


@pytest.mark.parametrize(("score", "note"), [("101", "why"), ("", "why"), ("eighty", "why"), ("80", "")])
def test_an_override_needs_a_score_and_a_note(client, attempts, trainer, score, note):
    client.force_login(trainer)
    client.post(reverse("scenarios:override", args=[attempts[0].pk]), {"score": score, "note": note})
    attempts[0].refresh_from_db()
    assert attempts[0].override_score is None


@pytest.mark.parametrize("persona", ["new_staff", "practice_lead", "outsider"])
def test_others_cannot_override(client, attempts, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert (
        client.post(reverse("scenarios:override", args=[attempts[0].pk]), {"score": "90", "note": "x"}).status_code
        == 404
    )


def test_an_alternative_is_not_accepted_while_the_model_answer_breaks_the_jargon_list(client, attempts, trainer):
    from scenarios.models import JargonTerm

    # An editor added a term the model statement uses after the scenario was saved.
    JargonTerm.objects.create(term="caught up", plainer="Say what the children saw and heard.")
    client.force_login(trainer)
    params = {"attempt": attempts[0].pk, "section": "statements", "text": 0, "model": 0, "note": "Clear."}
    response = client.post(reverse("scenarios:accept", args=["hollins-family"]), params)
    assert response.status_code == 400
    assert "The model answer cannot be saved until an editor fixes it" in response.text
    assert "uses &#x27;caught up&#x27;, a term on the site-wide jargon list" in response.text
    assert not AcceptedAlternative.objects.exists()
    assert ALTERNATIVE not in ScenarioPage.objects.get().to_scenario().statements[0].alternatives
