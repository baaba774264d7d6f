"""Scenario pages, attempts, scenario sets, the jargon list and accepted alternatives."""

from __future__ import annotations

from scenarios.models.attempts import (
    AcceptedAlternative,
    Attempt,
    AttemptQuerySet,
    AttemptStatus,
    JargonTerm,
    ReviewStatus,
    ScenarioSet,
)
from scenarios.models.pages import FrameworkChoice, ScenarioIndexPage, ScenarioPage
from scenarios.models.reviews import CommentTarget, ModelAnswerSeen, ReviewComment

__all__ = [
    "AcceptedAlternative",
    "Attempt",
    "AttemptQuerySet",
    "AttemptStatus",
    "CommentTarget",
    "FrameworkChoice",
    "JargonTerm",
    "ModelAnswerSeen",
    "ReviewComment",
    "ReviewStatus",
    "ScenarioIndexPage",
    "ScenarioPage",
    "ScenarioSet",
]
