"""Attempts for the trust tests: submitted through the real services, or built with the doubts the engine gives."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from scenarios.models import Attempt, AttemptStatus
from scenarios.services import review_status

DOUBTS = [
    {
        "code": "copied_case_text",
        "message": "Danger statement 1 copies the case card 'Police were called to the home'.",
    },
    {"code": "near_pass_mark", "message": "The score, 72%, is within 5 points of the pass mark."},
]


def doubtful_attempt(
    user: Any,
    page: Any,
    score: int = 72,
    doubts: list[dict[str, str]] | None = None,
    placements: dict[str, str] | None = None,
) -> Attempt:
    """A submitted attempt whose stored result carries the engine's doubts, as submitting it would store it."""
    result = {"scenario": page.slug, "score": score, "passed": score >= page.pass_mark, "sections": {}, "feedback": []}
    result["doubts"] = DOUBTS if doubts is None else doubts
    attempt = Attempt(
        user=user,
        scenario=page,
        status=AttemptStatus.SUBMITTED,
        mapping={
            "scenario": page.slug,
            "placements": placements or {},
            "statements": ["Police were called to the home and Mia saw it.", "", "Mia could be hurt again."],
            "goals": ["Kayleigh will take the children to Gran's when Lee drinks."],
            "scaling": {"score": 3, "reason": "Lee still drinks."},
        },
        result=result,
        score=score,
        passed=result["passed"],
        submitted_at=timezone.now(),
    )
    attempt.review = review_status(attempt, page.pass_mark)
    attempt.save()
    return attempt
