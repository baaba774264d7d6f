"""Case scenarios' part of a person's data: their mapping attempts, trainers' comments on them,
when they first saw each model answer, and the review comments they wrote as a trainer
(see privacy.registry)."""

from __future__ import annotations

from typing import Any

from scenarios.models import AcceptedAlternative, Attempt, ModelAnswerSeen, ReviewComment

SECTION = "case_scenarios"
ACCEPTED_FROM_ERASED_NOTE = "Accepted from a learner's answer. The learner's data has since been erased."


def _comments(attempt: Attempt) -> list[dict[str, Any]]:
    return [
        {
            "on": f"{comment.get_target_display()} {comment.key}",
            "comment": comment.text,
            "by": comment.author.get_full_name() if comment.author else "",
            "at": comment.created_at,
        }
        for comment in attempt.review_comments.all()
    ]


def export_user_data(user: Any) -> dict[str, Any]:
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("scenario")
        .prefetch_related("review_comments__author")
        .order_by("created_at", "id")
    )
    return {
        "attempts": [
            {
                "scenario": attempt.scenario.title,
                "status": attempt.get_status_display(),
                "started_at": attempt.created_at,
                "submitted_at": attempt.submitted_at,
                "mapping": attempt.mapping,
                "score": attempt.score,
                "passed": attempt.passed,
                "practice": attempt.practice,
                "trainer_score": attempt.override_score,
                "trainer_note": attempt.override_note,
                "review": attempt.get_review_display(),
                "reviewed_at": attempt.reviewed_at,
                "review_note": attempt.review_note,
                "trainer_comments": _comments(attempt),
            }
            for attempt in attempts
        ],
        "model_answers_first_seen": [
            {"scenario": seen.scenario.title, "at": seen.first_seen_at}
            for seen in ModelAnswerSeen.objects.filter(user=user).select_related("scenario").order_by("first_seen_at")
        ],
        "your_words_accepted_into_model_answers": [
            {
                "scenario": accepted.scenario.title,
                "as": accepted.get_section_display(),
                "text": accepted.text,
                "trainer_note": accepted.note,
                "accepted_at": accepted.accepted_at,
            }
            for accepted in AcceptedAlternative.objects.filter(attempt__user=user)
            .select_related("scenario")
            .order_by("accepted_at", "pk")
        ],
        "review_comments_written": [
            {"scenario": comment.attempt.scenario.title, "comment": comment.text, "at": comment.created_at}
            for comment in ReviewComment.objects.filter(author=user).select_related("attempt__scenario")
        ],
    }


def anonymise_user(user: Any) -> None:
    """Scores, results, where each item was placed, whether an attempt was practice and how a
    trainer's review went stay, so the scenario statistics (including the most common
    misplacements and how often trainers agree with the marking) stay right; the learner's own
    words - statements, goals, the reason for their scaling number - and what trainers wrote
    about them (notes and comments) go. Comments this person wrote as a trainer stay with the
    learner they were for, under the erased name."""
    for attempt in Attempt.objects.filter(user=user):
        mapping = dict(attempt.mapping or {})
        scaling = mapping.get("scaling") if isinstance(mapping.get("scaling"), dict) else {}
        mapping.update(statements=[], goals=[], scaling={**scaling, "reason": ""})
        attempt.mapping = mapping
        attempt.override_note = ""
        attempt.review_note = ""
        attempt.save(update_fields=["mapping", "override_note", "review_note"])
    ReviewComment.objects.filter(attempt__user=user).delete()
    # Words a trainer accepted into a model answer: the model answer keeps
    # them (removing them would change every score it gave), but the record
    # of whose answer they came from goes, with the trainer's note about it.
    AcceptedAlternative.objects.filter(attempt__user=user).update(attempt=None, note=ACCEPTED_FROM_ERASED_NOTE)
    ModelAnswerSeen.objects.filter(user=user).delete()
