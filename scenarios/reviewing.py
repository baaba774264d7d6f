"""Trainers' review of doubtful attempts: the queue, confirming, commenting in place, and how often trainers agree.

Changing a doubtful attempt's score goes through `services.override_score`,
which marks the review done; confirming is here. Both lock the attempt, so two
trainers reviewing at once cannot both decide, and both tell the learner once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from scenarios.emails import review_done
from scenarios.models import Attempt, CommentTarget, ReviewComment, ReviewStatus, ScenarioPage
from scenarios.scenario_file import MAX_TEXT_CHARS
from scenarios.services import AttemptError, record_set_completions


def review_queue() -> QuerySet[Attempt]:
    """Attempts waiting for a trainer, oldest first, so nobody waits longest for their result to count."""
    return Attempt.objects.awaiting_review().select_related("user", "scenario").order_by("submitted_at", "pk")


def _check_reviewer(attempt: Attempt, by: Any) -> None:
    if attempt.user_id == by.pk:
        raise AttemptError("You cannot review your own attempt: ask another trainer.")


def confirm_attempt(attempt: Attempt, by: Any, note: str = "", today: dt.date | None = None) -> Attempt:
    """The trainer agrees with the engine's score: the attempt counts as marked, and the learner is told."""
    if "\x00" in note:
        raise AttemptError("The note cannot contain a NUL character: type it again in plain words.")
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("scenario", "user").get(pk=attempt.pk)
        _check_reviewer(locked, by)
        if not locked.awaiting_review:
            raise AttemptError("This attempt has already been reviewed, or does not need a review.")
        locked.review = ReviewStatus.CONFIRMED
        locked.review_note = note.strip()
        locked.reviewed_by = by
        locked.reviewed_at = timezone.now()
        locked.save(update_fields=["review", "review_note", "reviewed_by", "reviewed_at", "updated_at"])
        if locked.passed:
            record_set_completions(locked.user, locked.scenario, today or timezone.localdate())
        review_done(locked)
    return locked


def comment_targets(attempt: Attempt) -> dict[str, set[str]]:
    """What a trainer can comment on: each card (item id) and each statement and goal the learner wrote (from 1)."""
    scenario = attempt.scenario.to_scenario()
    return {
        CommentTarget.CARD: {item.id for item in scenario.items},
        CommentTarget.STATEMENT: _numbers(attempt.statements()),
        CommentTarget.GOAL: _numbers(attempt.goals()),
    }


def _numbers(texts: list[str]) -> set[str]:
    """Positions from 1 among the texts written, empty boxes left out, as the result page numbers them."""
    return {str(n) for n in range(1, 1 + sum(1 for text in texts if text.strip()))}


def add_comment(attempt: Attempt, by: Any, target: str, key: str, text: str) -> ReviewComment:
    """A trainer's comment beside one card, statement or goal; the learner sees it on their result page."""
    text = text.strip()
    if not text:
        raise AttemptError("Write your comment before you add it.")
    if "\x00" in text:
        raise AttemptError("The comment cannot contain a NUL character: type it again in plain words.")
    if len(text) > MAX_TEXT_CHARS:
        raise AttemptError(f"A comment can be at most {MAX_TEXT_CHARS:,} characters: shorten it.")
    if attempt.is_draft:
        raise AttemptError("Only a submitted attempt can be commented on.")
    if key not in comment_targets(attempt).get(target, set()):
        raise AttemptError("There is nothing there to comment on: the attempt may have changed.")
    _check_reviewer(attempt, by)
    # A double-clicked button sends the same comment twice: keep one.
    same = ReviewComment.objects.filter(attempt=attempt, target=target, key=key, text=text, author=by)
    earlier = same.filter(created_at__gte=timezone.now() - dt.timedelta(minutes=10)).first()
    return earlier or ReviewComment.objects.create(attempt=attempt, target=target, key=key, text=text, author=by)


def comments_by_target(attempt: Attempt) -> dict[tuple[str, str], list[ReviewComment]]:
    grouped: dict[tuple[str, str], list[ReviewComment]] = defaultdict(list)
    for comment in attempt.review_comments.select_related("author"):
        grouped[(comment.target, comment.key)].append(comment)
    return dict(grouped)


@dataclass(frozen=True)
class Agreement:
    """How often trainers kept the engine's score on the attempts they reviewed for one scenario."""

    scenario_id: int
    title: str
    slug: str
    confirmed: int
    changed: int
    total_change: int  # sum of (trainer's score - engine's score) over the changed ones
    raised: int
    lowered: int

    @property
    def reviewed(self) -> int:
        return self.confirmed + self.changed

    @property
    def agree_percent(self) -> int | None:
        return round(100 * self.confirmed / self.reviewed) if self.reviewed else None

    @property
    def mean_change(self) -> float | None:
        """The mean of the trainers' changes, in points, signed (negative: trainers marked lower)."""
        return round(self.total_change / self.changed, 1) if self.changed else None


def agreement(pages: QuerySet[ScenarioPage] | None = None) -> list[Agreement]:
    """Per scenario with reviewed attempts, in one query: confirmed unchanged, changed, and by how much."""
    rows = Attempt.objects.submitted().filter(review__in=[ReviewStatus.CONFIRMED, ReviewStatus.CHANGED])
    if pages is not None:
        rows = rows.filter(scenario__in=pages)
    tally: dict[int, dict[str, Any]] = {}
    for scenario_id, title, slug, review, score, override in rows.values_list(
        "scenario_id", "scenario__title", "scenario__slug", "review", "score", "override_score"
    ).order_by("scenario__title", "scenario_id"):
        entry = tally.setdefault(
            scenario_id,
            {"title": title, "slug": slug, "confirmed": 0, "changed": 0, "total": 0, "raised": 0, "lowered": 0},
        )
        change = (override - (score or 0)) if review == ReviewStatus.CHANGED and override is not None else 0
        if review == ReviewStatus.CONFIRMED or change == 0:
            # A "change" to the same score is the trainer agreeing with the engine.
            entry["confirmed"] += 1
            continue
        entry["changed"] += 1
        entry["total"] += change
        entry["raised" if change > 0 else "lowered"] += 1
    return [
        Agreement(pk, e["title"], e["slug"], e["confirmed"], e["changed"], e["total"], e["raised"], e["lowered"])
        for pk, e in tally.items()
    ]
