"""An answer posted to the builder after the session ended is kept, and saved once its owner signs in again."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PASSWORD
from scenarios.kept_answers import KEY_PREFIX, MAX_KEPT
from scenarios.models import Attempt, AttemptStatus
from scenarios.scenario_file import MAX_TEXT_CHARS
from scenarios.services import start_attempt
from scenarios.tests.conftest import model_post

pytestmark = pytest.mark.django_db

KEPT_STATEMENT = "Mum worries that Dad might shout again at night and the children will be frightened and not sleep."
KEPT_REASON = "Dad has agreed to leave when he is angry, but nobody checks that he does yet."


def _builder(attempt: Attempt) -> str:
    return reverse("scenarios:builder", args=[attempt.pk])


def _kept_keys(client) -> list[str]:
    return [key for key in client.session.keys() if key.startswith(KEY_PREFIX)]


def _sign_in(client, user, login_url: str):
    """Sign in through allauth's own login view, as a learner does."""
    page = client.get(login_url)
    assert page.status_code == 200
    return client.post(login_url, {"login": user.email, "password": PASSWORD})


def _draft_by_signing_in(client, scenario_page, user) -> Attempt:
    assert _sign_in(client, user, reverse("account_login")).status_code == 302
    response = client.post(reverse("scenarios:start", args=[scenario_page.slug]))
    return Attempt.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[1]))


def _kept_post(hollins, **changes) -> dict:
    return model_post(hollins, **{"statement_2": KEPT_STATEMENT, "reason": KEPT_REASON, "save": "1", **changes})


def test_an_answer_sent_after_the_session_ended_is_saved_once_the_learner_signs_in(
    client, scenario_page, hollins, new_staff
):
    attempt = _draft_by_signing_in(client, scenario_page, new_staff)
    client.logout()

    response = client.post(_builder(attempt), _kept_post(hollins))
    login_url = f"{reverse('account_login')}?next={_builder(attempt)}"
    assert response.status_code == 302 and response.url == login_url
    attempt.refresh_from_db()
    assert KEPT_STATEMENT not in attempt.statements()
    assert "has not been saved yet" in client.get(login_url).text

    signed_in = _sign_in(client, new_staff, login_url)
    assert signed_in.status_code == 302 and signed_in.url == _builder(attempt)
    opened = client.get(_builder(attempt), follow=True)

    assert opened.redirect_chain == [(_builder(attempt), 302)]
    assert "govuk-notification-banner" in opened.text
    assert "the answer you sent was kept and is now saved in your draft" in opened.text
    assert KEPT_STATEMENT in opened.text and KEPT_REASON in opened.text
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.DRAFT
    assert attempt.statements()[1] == KEPT_STATEMENT
    assert attempt.mapping["scaling"]["reason"] == KEPT_REASON
    assert attempt.mapping["placements"] == {item.id: item.category for item in hollins.items}
    assert _kept_keys(client) == []
    assert "was kept and is now saved" not in client.get(_builder(attempt)).text


def test_someone_else_signing_in_with_that_session_gets_nothing_applied(
    client, scenario_page, hollins, new_staff, make_person
):
    attempt = start_attempt(new_staff, scenario_page)
    other = make_person("Alex", "Other")
    others_draft = start_attempt(other, scenario_page)
    before, others_before = dict(attempt.mapping), dict(others_draft.mapping)

    response = client.post(_builder(attempt), _kept_post(hollins))
    assert response.status_code == 302 and _kept_keys(client)
    signed_in = _sign_in(client, other, response.url)
    assert signed_in.status_code == 302 and signed_in.url == _builder(attempt)

    assert client.get(_builder(attempt)).status_code == 404
    own = client.get(_builder(others_draft))
    assert own.status_code == 200 and KEPT_STATEMENT not in own.text and "was kept" not in own.text
    attempt.refresh_from_db()
    others_draft.refresh_from_db()
    assert attempt.mapping == before and others_draft.mapping == others_before
    assert _kept_keys(client) == []


def test_the_autosave_keeps_the_answer_too_when_signed_out(client, scenario_page, hollins, new_staff):
    attempt = start_attempt(new_staff, scenario_page)
    response = client.post(reverse("scenarios:draft", args=[attempt.pk]), _kept_post(hollins))
    assert response.status_code == 401
    assert response.json()["kept"] is True and response.json()["error"] == "signed_out"
    assert response.json()["login_url"].endswith(_builder(attempt))

    _sign_in(client, new_staff, response.json()["login_url"])
    opened = client.get(_builder(attempt), follow=True)
    assert "was kept and is now saved" in opened.text
    attempt.refresh_from_db()
    assert attempt.statements()[1] == KEPT_STATEMENT


def test_a_newer_save_after_signing_in_drops_the_kept_copy(client, scenario_page, hollins, new_staff):
    attempt = start_attempt(new_staff, scenario_page)
    client.post(reverse("scenarios:draft", args=[attempt.pk]), _kept_post(hollins))
    _sign_in(client, new_staff, reverse("account_login"))
    newer = model_post(hollins, statement_2="A newer thought, typed after signing in again in another tab.")
    assert client.post(reverse("scenarios:draft", args=[attempt.pk]), newer).status_code == 200

    assert _kept_keys(client) == []
    assert "was kept" not in client.get(_builder(attempt)).text
    attempt.refresh_from_db()
    assert attempt.statements()[1].startswith("A newer thought")


def test_a_kept_submit_is_saved_as_a_draft_for_the_learner_to_check(client, scenario_page, hollins, new_staff):
    attempt = start_attempt(new_staff, scenario_page)
    data = _kept_post(hollins, submit="1")
    del data["save"]
    client.post(_builder(attempt), data)
    _sign_in(client, new_staff, reverse("account_login"))
    opened = client.get(_builder(attempt), follow=True)
    assert "It has not been submitted yet" in opened.text
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.DRAFT and attempt.statements()[1] == KEPT_STATEMENT


def test_a_kept_answer_goes_through_the_same_checks_as_the_form(client, scenario_page, hollins, new_staff):
    attempt = start_attempt(new_staff, scenario_page)
    before = dict(attempt.mapping)
    client.post(_builder(attempt), _kept_post(hollins, statement_1="<script>alert(1)</script> Dad will shout."))
    _sign_in(client, new_staff, reverse("account_login"))
    opened = client.get(_builder(attempt))
    assert opened.status_code == 200
    assert "could not be saved yet" in opened.text and "write plain words only" in opened.text
    assert KEPT_STATEMENT in opened.text  # still on the form to put right and save
    attempt.refresh_from_db()
    assert attempt.mapping == before


def test_a_kept_copy_holds_only_the_forms_fields_each_within_the_text_limit(client, scenario_page, hollins, new_staff):
    attempt = start_attempt(new_staff, scenario_page)
    long_text = "Dad will shout again and the children will be scared. " * 60
    client.post(_builder(attempt), _kept_post(hollins, statement_3=long_text, padding="x" * 100_000))

    (key,) = _kept_keys(client)
    kept = client.session[key]
    assert set(kept["fields"]) <= {f"place-{item.id}" for item in hollins.items} | {
        "statement_1",
        "statement_2",
        "statement_3",
        "goal_1",
        "goal_2",
        "goal_3",
        "scale",
        "reason",
    }
    assert max(len(value) for value in kept["fields"].values()) == MAX_TEXT_CHARS
    assert kept["cut"] == ["statement_3"]

    _sign_in(client, new_staff, reverse("account_login"))
    opened = client.get(_builder(attempt), follow=True)
    assert f"Only the first {MAX_TEXT_CHARS:,} characters of Danger statement 3 were kept" in opened.text
    attempt.refresh_from_db()
    assert attempt.statements()[2] == long_text[:MAX_TEXT_CHARS]


def test_a_session_keeps_at_most_a_few_answers(client, scenario_page, hollins, new_staff):
    drafts = [start_attempt(new_staff, scenario_page) for _ in range(MAX_KEPT + 2)]
    for draft in drafts:
        client.post(_builder(draft), _kept_post(hollins))
    assert sorted(_kept_keys(client)) == sorted(f"{KEY_PREFIX}{d.pk}" for d in drafts[-MAX_KEPT:])


@pytest.mark.parametrize("which", ["missing", "submitted"])
def test_nothing_is_kept_for_an_attempt_that_is_not_a_draft(client, scenario_page, hollins, new_staff, which):
    attempt = start_attempt(new_staff, scenario_page)
    pk = attempt.pk + 1000 if which == "missing" else attempt.pk
    if which == "submitted":
        Attempt.objects.filter(pk=pk).update(status=AttemptStatus.SUBMITTED)
    response = client.post(reverse("scenarios:builder", args=[pk]), _kept_post(hollins))
    assert response.status_code == 302 and reverse("account_login") in response.url
    assert _kept_keys(client) == []
    assert client.post(reverse("scenarios:draft", args=[pk]), _kept_post(hollins)).json()["kept"] is False


def test_a_signed_out_visit_to_the_builder_goes_to_sign_in_and_back(client, scenario_page, new_staff):
    attempt = start_attempt(new_staff, scenario_page)
    response = client.get(_builder(attempt))
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={_builder(attempt)}"
    assert _kept_keys(client) == []
