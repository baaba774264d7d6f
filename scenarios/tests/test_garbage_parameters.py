"""Every scenarios URL, asked with garbage in every query and form parameter, answers without a server error."""

from __future__ import annotations

import itertools

import pytest
from django.urls import reverse

from scenarios.services import start_attempt, submit_attempt
from scenarios.tests.conftest import model_post

pytestmark = pytest.mark.django_db

# Not numbers, numbers Python's int() refuses though str.isdigit() accepts them ("²"),
# numbers too big for the database, negatives, NUL bytes, markup and very long text.
GARBAGE = ["abc", "", "-1", "1.5", "²", "٣", "99999999999999999999", "\x00", "<script>x</script>", "x" * 5000]
PARAMETERS = ["attempt", "section", "text", "model", "note", "page", "score", "scale", "reason", "statement_1"]


@pytest.fixture
def submitted(scenario_page, hollins, new_staff):
    from scenarios.forms import MappingForm

    attempt = start_attempt(new_staff, scenario_page)
    form = MappingForm(hollins, model_post(hollins), submitting=True)
    assert form.is_valid(), form.errors
    submit_attempt(attempt, form.mapping_data)
    return attempt


def _urls(submitted, draft):
    slug = submitted.scenario.slug
    return [
        reverse("scenarios:start", args=[slug]),
        reverse("scenarios:hints", args=[slug]),
        reverse("scenarios:builder", args=[draft.pk]),
        reverse("scenarios:draft", args=[draft.pk]),
        reverse("scenarios:result", args=[submitted.pk]),
        reverse("scenarios:override", args=[submitted.pk]),
        reverse("scenarios:report", args=[slug]),
        reverse("scenarios:accept", args=[slug]),
        "/mapping/attempts/99999999999999999999/",
        "/mapping/attempts/99999999999999999999/draft/",
        "/mapping/attempts/99999999999999999999/result/",
        "/mapping/attempts/99999999999999999999/override/",
    ]


@pytest.mark.parametrize("persona", ["new_staff", "trainer"])
def test_no_scenarios_url_answers_garbage_parameters_with_a_server_error(
    client, submitted, scenario_page, new_staff, persona, request
):
    draft = start_attempt(new_staff, scenario_page)
    client.force_login(request.getfixturevalue(persona))
    client.raise_request_exception = False
    failures = []
    for url, value in itertools.product(_urls(submitted, draft), GARBAGE):
        # Every parameter garbage at once, once with a real attempt id so the later parameters are read too.
        for attempt in (value, str(submitted.pk)):
            data = {**dict.fromkeys(PARAMETERS, value), "attempt": attempt}
            for method in (client.get, client.post):
                response = method(url, data)
                if response.status_code >= 500:
                    failures.append((method.__name__, url, attempt[:20], value[:20], response.status_code))
    assert failures == []


def test_a_trainer_asking_to_accept_text_from_a_garbage_attempt_gets_not_found(client, submitted, trainer):
    client.force_login(trainer)
    url = reverse("scenarios:accept", args=["hollins-family"])
    assert client.get(url, {"attempt": "abc", "section": "zzz", "text": "x"}).status_code == 404
    assert client.get(url, {"attempt": submitted.pk, "section": "statements", "text": "-1"}).status_code == 404


def test_a_nul_character_in_an_override_note_gets_a_clear_message(client, submitted, trainer):
    client.force_login(trainer)
    response = client.post(
        reverse("scenarios:override", args=[submitted.pk]), {"score": "80", "note": "fine\x00"}, follow=True
    )
    submitted.refresh_from_db()
    assert submitted.override_score is None
    # On PostgreSQL the site-wide NUL guard answers first with its own page; either way it is explained.
    assert response.status_code < 500 and "cannot" in response.text
