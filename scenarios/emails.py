"""The email a learner gets when a trainer has reviewed their attempt, under a stable outbox key."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from outbox.services import queue_email
from scenarios.models import Attempt, ReviewStatus


def review_done(attempt: Attempt) -> None:
    """One message per attempt, however often the review is saved (key `scenario-review:<pk>`)."""
    user = attempt.user
    if not user.email:
        return
    title = attempt.scenario.title
    if attempt.review == ReviewStatus.CHANGED:
        outcome = f"changed your score to {attempt.final_score}% and said why"
    else:
        outcome = f"confirmed your score of {attempt.final_score}%"
    counts = (
        "It now counts towards your training record."
        if attempt.counts
        else "It does not reach the pass mark, so it does not count towards your training record."
    )
    url = f"{settings.SITE_URL}{reverse('scenarios:result', args=[attempt.pk])}"
    queue_email(
        f"scenario-review:{attempt.pk}",
        to=[user.email],
        subject=f"A trainer has reviewed your attempt: {title}",
        body_text=(
            f"Hello {user.first_name or user.email},\n\n"
            f"A trainer has looked at your attempt at the case scenario {title} and {outcome}. {counts}\n\n"
            f"Any comments they left are shown beside what you wrote on your result page:\n{url}\n\n"
            f"{settings.PARTNERSHIP_NAME} training team"
        ),
    )
