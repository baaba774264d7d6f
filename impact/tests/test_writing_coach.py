"""The writing coach: feedback on a draft from real work, with nothing typed kept anywhere."""

from __future__ import annotations

import logging

import pytest
from django.urls import reverse

from impact.coach import MAX_CHARS, check_draft
from impact.models import CoachUse
from impact.tests.traces import cache_entries_holding, tables_holding

pytestmark = pytest.mark.django_db
URL = "/impact/coach/"
MARKER = "Zubrowka-Quillfeather"


def long_draft() -> str:
    sentence = (
        f"The social worker is worried that when {MARKER} drinks he might hit Mum again and Leo could be hurt or "
        "scared. "
    )
    text = (sentence * 20)[:MAX_CHARS]
    assert len(text) == MAX_CHARS
    return text


def test_any_signed_in_member_of_staff_may_use_the_coach(
    client, new_staff, councillor, trainer, practice_lead, training_admin, content_editor, outsider
):
    assert reverse("impact:coach") == URL
    for person in (new_staff, councillor, trainer, practice_lead, training_admin, content_editor, outsider):
        client.force_login(person)
        response = client.get(URL)
        assert response.status_code == 200
        assert "It is not saved, logged or kept anywhere" in response.content.decode()
    client.logout()
    assert "/accounts/login/" in client.get(URL)["Location"]


def test_it_answers_a_1500_character_draft_and_keeps_nothing_typed(client, new_staff, caplog):
    client.force_login(new_staff)
    caplog.set_level(logging.DEBUG)
    response = client.post(URL, {"kind": "danger", "text": long_draft()})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Feedback on your danger statement" in page
    assert "longer than 80 words" in page
    assert "Reading age about" in page
    assert response["Cache-Control"].startswith("max-age=0")
    # The only place the draft appears is the answer itself.
    assert tables_holding(MARKER) == []
    assert cache_entries_holding(MARKER) == []
    assert not [r for r in caplog.records if MARKER in r.getMessage() or MARKER in str(r.args)]
    assert list(CoachUse.objects.values_list("kind", "count")) == [("danger", 1)]


def test_a_draft_over_the_limit_is_refused_with_its_length_and_kept_on_the_page(client, new_staff):
    client.force_login(new_staff)
    text = long_draft() + "x"
    response = client.post(URL, {"kind": "danger", "text": text})
    page = response.content.decode()
    assert "Check at most 1,500 characters at a time (this is 1501)" in page
    assert text[-40:] in page
    assert not CoachUse.objects.exists()


def test_a_childs_explanation_needs_the_childs_age(client, new_staff):
    client.force_login(new_staff)
    response = client.post(URL, {"kind": "child", "text": "Mum and Dad love you."})
    assert "Choose the child&#x27;s age" in response.content.decode()
    response = client.post(
        URL,
        {
            "kind": "child",
            "child_age": "6",
            "text": "Due to substantial parental incapacity, professionals determined intervention was necessary.",
        },
    )
    assert "That is above a child of 6" in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("danger", "Dad hit Mum last week and the children saw it.", "only talks about what has already happened"),
        (
            "safety_goal",
            "Dad will not drink or shout at home and will not hit anyone.",
            "only says what people will stop",
        ),
        ("family", "There are safeguarding concerns about domestic violence.", "domestic violence"),
        ("worry", "Dad hit Mum last week and the children saw it.", "worry statement"),
    ],
)
def test_the_engine_names_what_a_draft_lacks(kind, text, expected):
    feedback = check_draft(kind, text)
    said = " ".join(feedback.points) + " ".join(term for term, _ in feedback.jargon)
    assert expected in said


def test_jargon_comes_with_plainer_words():
    feedback = check_draft("family", "We are worried about neglect.")
    assert dict(feedback.jargon)["neglect"].startswith("Say what the child went without")


def test_a_good_danger_statement_has_every_part():
    text = (
        "The social worker and the school are worried that Dad might hit Mum again when he drinks and the children "
        "could be hurt or scared."
    )
    assert check_draft("danger", text).points == ()
