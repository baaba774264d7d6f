"""The learner's pages: scenario list and page, starting, the builder, drafts, submitting, results."""

from __future__ import annotations

import pytest
from django.urls import reverse

from matrix.models import ActivityKind, CompletionRecord, TrainingActivity
from scenarios.models import Attempt, AttemptStatus
from scenarios.services import start_attempt
from scenarios.tests.conftest import model_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(scenario_page, new_staff):
    return start_attempt(new_staff, scenario_page)


def test_the_scenario_list_shows_each_scenario_and_where_the_learner_is(client, scenario_page, new_staff):
    client.force_login(new_staff)
    response = client.get("/scenarios/")
    assert response.status_code == 200
    assert "The Hollins family" in response.text and "Not started" in response.text


def test_the_scenario_page_sanitises_the_narrative(client, scenario_page, new_staff):
    scenario_page.narrative += "\n\n<script>alert('x')</script> <a href=\"javascript:alert(1)\">link</a>"
    scenario_page.save_revision().publish()
    client.force_login(new_staff)
    response = client.get(scenario_page.url)
    assert response.status_code == 200
    assert "<script>alert" not in response.text and "javascript:" not in response.text
    assert "<strong>Referral, 4 March.</strong>" in response.text


def test_starting_makes_a_draft_and_marks_the_set_started(client, practice_set, scenario_page, new_staff):
    client.force_login(new_staff)
    response = client.post(reverse("scenarios:start", args=["hollins-family"]))
    attempt = Attempt.objects.get(user=new_staff)
    assert response.status_code == 302 and response.url == reverse("scenarios:builder", args=[attempt.pk])
    assert attempt.status == AttemptStatus.DRAFT
    assert TrainingActivity.objects.filter(
        user=new_staff, training=practice_set.training, kind=ActivityKind.STARTED
    ).exists()


def test_starting_needs_a_signed_in_user(client, scenario_page):
    response = client.post(reverse("scenarios:start", args=["hollins-family"]))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not Attempt.objects.exists()


def test_the_builder_shows_every_item_with_a_select_and_the_three_columns(client, attempt, new_staff):
    client.force_login(new_staff)
    response = client.get(reverse("scenarios:builder", args=[attempt.pk]))
    assert response.status_code == 200
    assert response.text.count("<select") == 12
    for heading in ("What are we worried about?", "What&#x27;s working well?", "What needs to happen?"):
        assert heading in response.text
    assert "Danger statement 1" in response.text


@pytest.mark.parametrize("persona", ["outsider", "trainer", "practice_lead", "training_admin"])
def test_nobody_else_may_open_a_learners_builder(client, attempt, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("scenarios:builder", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("scenarios:draft", args=[attempt.pk]), {}).status_code == 404


def test_saving_a_draft_without_javascript_keeps_everything_typed(client, attempt, new_staff, hollins):
    client.force_login(new_staff)
    data = model_post(hollins, **{"place-programme": "", "statement_2": "  Half a thought  ", "save": "1"})
    response = client.post(reverse("scenarios:builder", args=[attempt.pk]), data)
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.DRAFT
    assert "programme" not in attempt.mapping["placements"]
    assert attempt.mapping["statements"][1] == "  Half a thought  "
    page = client.get(reverse("scenarios:builder", args=[attempt.pk])).text
    assert "  Half a thought  " in page


def test_the_draft_endpoint_saves_and_answers_json(client, attempt, new_staff, hollins):
    client.force_login(new_staff)
    response = client.post(reverse("scenarios:draft", args=[attempt.pk]), model_post(hollins))
    assert response.status_code == 200 and response.json()["saved"] is True
    attempt.refresh_from_db()
    assert attempt.mapping["placements"]["programme"] == "strength"


def test_the_draft_endpoint_says_signed_out_in_json(client, attempt, hollins):
    response = client.post(reverse("scenarios:draft", args=[attempt.pk]), model_post(hollins))
    assert response.status_code == 401
    assert response.json() == {
        "saved": False,
        "error": "signed_out",
        "kept": True,
        "login_url": f"/accounts/login/?next=/mapping/attempts/{attempt.pk}/",
    }


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"place-programme": "safty"}, "&#x27;safty&#x27; is not one of"),
        ({"scale": "11"}, "The scale 11 is not a whole number from 0 to 10"),
        ({"scale": "four"}, "The scale &#x27;four&#x27; is not a whole number from 0 to 10"),
        ({"statement_1": "x" * 2_000_000}, "Statement 1 is 2,000,000 characters long"),
        ({"goal_2": "<script>alert(1)</script>"}, "Goal 2 contains HTML or a script tag"),
        ({"place-programme": ""}, "Choose where this goes"),
        ({"scale": ""}, "Choose a number from 0 to 10"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_stored(client, attempt, new_staff, hollins, changes, message):
    client.force_login(new_staff)
    before = attempt.mapping
    response = client.post(
        reverse("scenarios:builder", args=[attempt.pk]), {**model_post(hollins, **changes), "submit": "1"}
    )
    assert response.status_code == 400
    assert message in response.text
    assert hollins.goals[0].text.replace("'", "&#x27;") in response.text  # everything typed is kept
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.DRAFT and attempt.mapping == before and attempt.result is None


def test_submitting_the_model_answer_passes_and_completes_the_set(client, practice_set, attempt, new_staff, hollins):
    client.force_login(new_staff)
    response = client.post(reverse("scenarios:builder", args=[attempt.pk]), {**model_post(hollins), "submit": "1"})
    assert response.status_code == 302 and response.url == reverse("scenarios:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.passed) == (AttemptStatus.SUBMITTED, 100, True)
    record = CompletionRecord.objects.get(user=new_staff, training=practice_set.training)
    assert record.source == "scenario" and record.source_ref == f"scenario-set:{practice_set.pk}"


def test_a_failed_attempt_records_no_completion(client, practice_set, attempt, new_staff, hollins):
    client.force_login(new_staff)
    data = model_post(hollins, statement_1="Mum is sad.", goal_1="Things get better.", scale="9")
    data.update({f"place-{i.id}": "harm" for i in hollins.items})
    client.post(reverse("scenarios:builder", args=[attempt.pk]), {**data, "submit": "1"})
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and not attempt.passed
    assert not CompletionRecord.objects.exists()


def test_the_result_page_shows_score_feedback_and_the_model_answer(client, attempt, new_staff, hollins):
    client.force_login(new_staff)
    data = model_post(hollins, **{"place-programme": "safety", "statement_1": "Dean <b>might</b> hit & hurt again"})
    data["statement_1"] = "The police worry that Dean might hit Kayleigh again & Mia could be scared. x < y"
    client.post(reverse("scenarios:builder", args=[attempt.pk]), {**data, "submit": "1"})
    response = client.get(reverse("scenarios:result", args=[attempt.pk]))
    text = response.text
    assert response.status_code == 200
    assert 'role="status"' in text and "Right column, wrong category" in text
    assert "&amp; Mia could be scared. x &lt; y" in text  # stored as typed, escaped on output
    assert hollins.scaling.rationale.replace("'", "&#x27;") in text
    assert "Meet Kayleigh, Dean and Pauline" in text


@pytest.mark.parametrize(
    ("persona", "status"),
    [("trainer", 200), ("training_admin", 200), ("outsider", 404), ("practice_lead", 404), ("content_editor", 404)],
)
def test_who_may_see_a_result(client, attempt, new_staff, hollins, persona, status, request):
    client.force_login(new_staff)
    client.post(reverse("scenarios:builder", args=[attempt.pk]), {**model_post(hollins), "submit": "1"})
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("scenarios:result", args=[attempt.pk])).status_code == status


def test_a_submitted_attempt_cannot_be_changed(client, attempt, new_staff, hollins):
    client.force_login(new_staff)
    client.post(reverse("scenarios:builder", args=[attempt.pk]), {**model_post(hollins), "submit": "1"})
    response = client.post(reverse("scenarios:draft", args=[attempt.pk]), model_post(hollins, scale="0"))
    assert response.status_code == 409
    attempt.refresh_from_db()
    assert attempt.mapping["scaling"]["score"] == hollins.scaling.min


def test_the_hints_endpoint_flags_jargon_for_a_signed_in_learner(client, scenario_page, new_staff):
    client.force_login(new_staff)
    response = client.post(
        reverse("scenarios:hints", args=["hollins-family"]),
        {"section": "statements", "text": "We are worried about DV at home and Mia might be hurt."},
    )
    assert any("'DV' is a professional label" in h for h in response.json()["hints"])


def test_the_hints_endpoint_refuses_anonymous_users(client, scenario_page):
    assert client.post(reverse("scenarios:hints", args=["hollins-family"]), {"text": "DV"}).status_code == 401


def test_the_dashboard_lists_drafts_and_results(client, attempt, new_staff):
    client.force_login(new_staff)
    response = client.get("/")
    assert "Continue The Hollins family" in response.text
