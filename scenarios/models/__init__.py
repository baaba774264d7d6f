"""Scenario pages, attempts, scenario sets, the jargon list and accepted alternatives."""

from __future__ import annotations

from scenarios.models.attempts import (
    AcceptedAlternative,
    Attempt,
    AttemptQuerySet,
    AttemptStatus,
    JargonTerm,
    ScenarioSet,
)
from scenarios.models.pages import FrameworkChoice, ScenarioIndexPage, ScenarioPage

__all__ = [
    "AcceptedAlternative",
    "Attempt",
    "AttemptQuerySet",
    "AttemptStatus",
    "FrameworkChoice",
    "JargonTerm",
    "ScenarioIndexPage",
    "ScenarioPage",
    "ScenarioSet",
]
