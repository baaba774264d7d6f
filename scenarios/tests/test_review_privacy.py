"""Review comments and when a model answer was first seen are personal data: exported, erased, and viewing is audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from privacy.models import AuditEvent
from privacy.registry import anonymise_user, export_user_data
from scenarios.models import ModelAnswerSeen, ReviewComment
from scenarios.reviewing import add_comment, confirm_attempt
from scenarios.tests.trust_helpers import doubtful_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(scenario_page, new_staff, trainer):
    attempt = doubtful_attempt(new_staff, scenario_page)
    add_comment(attempt, trainer, "goal", "1", "Say when Kayleigh will call Gran.")
    confirm_attempt(attempt, trainer, "A fair pass.")
    ModelAnswerSeen.objects.create(user=new_staff, scenario=scenario_page, first_seen_at=attempt.submitted_at)
    return attempt


def test_the_learners_export_holds_the_comments_on_their_attempts_and_the_review(reviewed, new_staff):
    data = export_user_data(new_staff)["case_scenarios"]
    (attempt,) = data["attempts"]
    assert attempt["trainer_comments"][0]["comment"] == "Say when Kayleigh will call Gran."
    assert attempt["trainer_comments"][0]["on"] == "Goal 1"
    assert attempt["review"] == "Confirmed by a trainer" and attempt["review_note"] == "A fair pass."
    assert data["model_answers_first_seen"][0]["scenario"] == reviewed.scenario.title


def test_the_trainers_export_holds_the_comments_they_wrote(reviewed, trainer):
    written = export_user_data(trainer)["case_scenarios"]["review_comments_written"]
    assert [c["comment"] for c in written] == ["Say when Kayleigh will call Gran."]


def test_erasing_the_learner_removes_the_comments_and_notes_about_their_words(reviewed, new_staff):
    anonymise_user(new_staff)
    reviewed.refresh_from_db()
    assert not ReviewComment.objects.exists() and reviewed.review_note == ""
    assert not ModelAnswerSeen.objects.exists()
    assert reviewed.review == "confirmed"  # the statistics of agreement stay right


def test_erasing_the_trainer_keeps_the_comment_for_the_learner_without_their_name(reviewed, trainer):
    anonymise_user(trainer)
    comment = ReviewComment.objects.get()
    assert comment.author.get_full_name() == f"Erased person {trainer.pk}"


def test_a_trainer_opening_a_review_is_audited_against_the_learner(client, reviewed, trainer, new_staff):
    client.force_login(trainer)
    assert client.get(reverse("scenarios:review", args=[reviewed.pk])).status_code == 200
    assert AuditEvent.objects.filter(actor=trainer, subject=new_staff, path__contains="/reviews/").exists()
