"""Trainers review doubtful attempts: the queue, confirming or changing the score, comments in place, the email."""

from __future__ import annotations

import pytest
from django.urls import reverse

from matrix.models import CompletionRecord
from outbox.models import OutboundEmail
from scenarios.models import ReviewComment, ReviewStatus
from scenarios.tests.conftest import submitted_attempt
from scenarios.tests.trust_helpers import doubtful_attempt

pytestmark = pytest.mark.django_db

REFUSED = ["new_staff", "councillor", "practice_lead", "content_editor", "outsider"]


@pytest.fixture
def doubtful(scenario_page, new_staff, practice_set):
    return doubtful_attempt(new_staff, scenario_page)


def _review(attempt):
    return reverse("scenarios:review", args=[attempt.pk])


@pytest.mark.parametrize(
    ("persona", "status"), [("trainer", 200), ("training_admin", 200)] + [(p, 404) for p in REFUSED]
)
def test_only_trainers_and_training_admins_see_the_queue_and_a_review(client, doubtful, persona, status, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("scenarios:reviews")).status_code == status
    assert client.get(_review(doubtful)).status_code == status


def test_signed_out_people_are_sent_to_sign_in(client, doubtful):
    assert "/accounts/login/" in client.get(reverse("scenarios:reviews"))["Location"]
    assert "/accounts/login/" in client.get(_review(doubtful))["Location"]


def test_a_doubtful_passing_attempt_waits_in_the_queue_and_counts_for_nothing_yet(client, doubtful, trainer):
    assert doubtful.awaiting_review and not doubtful.counts
    assert not CompletionRecord.objects.exists()
    client.force_login(trainer)
    queue = client.get(reverse("scenarios:reviews")).text
    assert "Sam Okafor" in queue and "Copies text from the case" in queue and "Close to the pass mark" in queue


def test_a_doubtful_attempt_that_fails_or_is_practice_is_not_queued(scenario_page, make_person):
    failing = doubtful_attempt(make_person("Fay", "Lowe"), scenario_page, score=40)
    assert failing.review == ReviewStatus.NOT_NEEDED


def test_the_learner_is_told_their_score_waits_for_a_trainer_and_why(client, doubtful, new_staff):
    client.force_login(new_staff)
    page = client.get(reverse("scenarios:result", args=[doubtful.pk])).text
    assert "Waiting for a trainer to check this score" in page
    assert "copies the case card" in page


def test_confirming_records_the_completion_once_and_emails_the_learner(client, doubtful, trainer, practice_set):
    client.force_login(trainer)
    response = client.post(_review(doubtful), {"decision": "confirm", "note": ""})
    assert response["Location"] == reverse("scenarios:reviews")
    doubtful.refresh_from_db()
    assert doubtful.review == ReviewStatus.CONFIRMED and doubtful.reviewed_by == trainer and doubtful.counts
    assert CompletionRecord.objects.filter(user=doubtful.user, training=practice_set.training).count() == 1
    # A second click changes nothing and sends nothing more.
    again = client.post(_review(doubtful), {"decision": "confirm"})
    assert again.status_code == 400 and "already been reviewed" in again.text
    assert CompletionRecord.objects.count() == 1
    email = OutboundEmail.objects.get(key=f"scenario-review:{doubtful.pk}")
    assert email.to == [doubtful.user.email]
    assert "confirmed your score of 72%" in email.body_text and "now counts" in email.body_text


def test_changing_the_score_needs_a_reason_and_keeps_what_was_typed(client, doubtful, trainer):
    client.force_login(trainer)
    response = client.post(_review(doubtful), {"decision": "change", "score": "55", "note": " "})
    assert response.status_code == 400 and "Say why you are changing the score" in response.text
    assert 'value="55"' in response.text
    doubtful.refresh_from_db()
    assert doubtful.awaiting_review and doubtful.override_score is None


def test_changing_the_score_below_the_pass_mark_records_no_completion(client, doubtful, trainer):
    client.force_login(trainer)
    client.post(_review(doubtful), {"decision": "change", "score": "55", "note": "Most of it is copied from the case."})
    doubtful.refresh_from_db()
    assert doubtful.review == ReviewStatus.CHANGED and doubtful.final_score == 55 and not doubtful.counts
    assert not CompletionRecord.objects.exists()
    email = OutboundEmail.objects.get(key=f"scenario-review:{doubtful.pk}")
    assert "changed your score to 55%" in email.body_text and "does not count" in email.body_text
    client.force_login(doubtful.user)
    page = client.get(reverse("scenarios:result", args=[doubtful.pk])).text
    assert "Most of it is copied from the case." in page and "changed it" in page


def test_changing_the_score_on_the_result_page_is_a_review_too(client, doubtful, trainer, practice_set):
    client.force_login(trainer)
    client.post(reverse("scenarios:override", args=[doubtful.pk]), {"score": "80", "note": "Fair enough."})
    doubtful.refresh_from_db()
    assert doubtful.review == ReviewStatus.CHANGED and doubtful.counts
    assert CompletionRecord.objects.filter(training=practice_set.training).count() == 1


def test_no_decision_chosen_is_a_clear_error(client, doubtful, trainer):
    client.force_login(trainer)
    response = client.post(_review(doubtful), {"note": "Looks fine"})
    assert (
        response.status_code == 400 and "Choose whether to confirm" in response.text and "Looks fine" in response.text
    )


def test_a_trainer_cannot_review_their_own_attempt(client, scenario_page, trainer, make_person):
    own = doubtful_attempt(trainer, scenario_page)
    client.force_login(trainer)
    page = client.get(_review(own)).text
    assert "another trainer must review it" in page
    response = client.post(_review(own), {"decision": "confirm"})
    assert response.status_code == 400 and "own attempt" in response.text
    override = client.post(reverse("scenarios:override", args=[own.pk]), {"score": "100", "note": "Mine"})
    assert override.status_code == 302
    own.refresh_from_db()
    assert own.awaiting_review and own.override_score is None


def test_a_trainer_comments_beside_a_card_a_statement_and_a_goal_and_the_learner_sees_them(
    client, doubtful, trainer, new_staff
):
    client.force_login(trainer)
    for target, key, text in [
        ("card", "police-callout", "This is harm that has happened: well placed."),
        ("statement", "2", "Say who is worried and what could happen to Mia."),
        ("goal", "1", "Good: says what Kayleigh will do."),
    ]:
        response = client.post(
            reverse("scenarios:comment", args=[doubtful.pk]), {"target": target, "key": key, "text": text}
        )
        assert response["Location"] == f"{_review(doubtful)}#{target}-{key}"
    assert ReviewComment.objects.count() == 3
    review = client.get(_review(doubtful)).text
    assert "Say who is worried" in review
    client.force_login(new_staff)
    result = client.get(reverse("scenarios:result", args=[doubtful.pk])).text
    # The second statement written is shown second: its comment follows it, before the goal.
    second = result.index("Mia could be hurt again.")
    assert second < result.index("Say who is worried") < result.index("Kayleigh will take the children")
    assert result.index("This is harm that has happened") < result.index("Mia could be hurt again.")
    assert "Good: says what Kayleigh will do." in result and "Tom Reid" in result


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"target": "card", "key": "police-callout", "text": "  "}, "Write your comment"),
        ({"target": "card", "key": "no-such-card", "text": "Hello"}, "nothing there to comment on"),
        ({"target": "statement", "key": "3", "text": "Hello"}, "nothing there to comment on"),
        ({"target": "card", "key": "police-callout", "text": "x" * 1501}, "at most 1,500 characters"),
        ({"target": "goal", "key": "1", "text": "Bad\x00byte"}, "contains a null character"),
    ],
)
def test_a_refused_comment_says_why_and_keeps_nothing(client, doubtful, trainer, data, message):
    client.force_login(trainer)
    response = client.post(reverse("scenarios:comment", args=[doubtful.pk]), data)
    assert response.status_code == 400 and message in response.text
    assert not ReviewComment.objects.exists()


def test_a_refused_comment_is_shown_again_with_its_text(client, doubtful, trainer):
    client.force_login(trainer)
    text = "x" * 1501
    response = client.post(
        reverse("scenarios:comment", args=[doubtful.pk]), {"target": "goal", "key": "1", "text": text}
    )
    assert f">{text}</textarea>" in response.text and 'id="comment-goal-1-error"' in response.text


def test_a_double_clicked_comment_is_kept_once(client, doubtful, trainer):
    client.force_login(trainer)
    for _ in range(2):
        client.post(reverse("scenarios:comment", args=[doubtful.pk]), {"target": "goal", "key": "1", "text": "Good."})
    assert ReviewComment.objects.count() == 1


@pytest.mark.parametrize("persona", REFUSED)
def test_nobody_else_can_comment_or_decide(client, doubtful, persona, request):
    client.force_login(request.getfixturevalue(persona))
    comment = client.post(
        reverse("scenarios:comment", args=[doubtful.pk]), {"target": "goal", "key": "1", "text": "Hi"}
    )
    decide = client.post(_review(doubtful), {"decision": "confirm"})
    assert comment.status_code == decide.status_code == 404
    doubtful.refresh_from_db()
    assert doubtful.awaiting_review and not ReviewComment.objects.exists()


def test_an_attempt_that_needs_no_review_can_still_be_commented_on(client, scenario_page, hollins, new_staff, trainer):
    attempt = submitted_attempt(new_staff, scenario_page, hollins)
    client.force_login(trainer)
    page = client.get(_review(attempt)).text
    assert "does not need a review" in page and "Save the review" not in page
    client.post(reverse("scenarios:comment", args=[attempt.pk]), {"target": "goal", "key": "1", "text": "Nice."})
    assert ReviewComment.objects.filter(attempt=attempt).count() == 1


def test_a_draft_has_no_review_page(client, scenario_page, new_staff, trainer):
    from scenarios.services import start_attempt

    draft = start_attempt(new_staff, scenario_page)
    client.force_login(trainer)
    assert client.get(_review(draft)).status_code == 404
