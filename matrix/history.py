"""A person's compliance history: every change to their completion records,
exemptions, requirement assignments and learner profile, and to the
requirements that apply to them, with who made it, when and why.

Shown to training administrators on the person's matrix page and included in
the person's data export (matrix.privacy, people.privacy). Erasure keeps it,
without free-text reasons (matrix.privacy.anonymise_user)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist

from lib.history import Change, changes
from matrix.models import CompletionRecord, Exemption, Requirement, RequirementAssignment
from people.history import profile_changes


def _training(version: Any) -> str:
    try:
        return str(version.training)
    except ObjectDoesNotExist:
        return "a training since removed"


def record_changes(user: Any) -> list[Change]:
    """Changes to this person's completions, exemptions and requirement
    assignments, oldest first."""
    found: list[Change] = []
    found += changes(
        CompletionRecord.history.filter(user_id=user.pk).select_related("history_user", "training"),
        lambda v: f"Completion of {_training(v)}",
        skip=("id", "user"),
    )
    found += changes(
        Exemption.history.filter(user_id=user.pk).select_related("history_user", "training", "granted_by"),
        lambda v: f"Exemption from {_training(v)}",
        skip=("id", "user"),
    )
    found += changes(
        RequirementAssignment.history.filter(user_id=user.pk).select_related("history_user"),
        lambda v: f"Requirement: {_requirement(v)}",
        skip=("id", "user", "requirement"),
    )
    return sorted(found, key=lambda c: c.when)


def _requirement(version: Any) -> str:
    try:
        return str(version.requirement.training)
    except ObjectDoesNotExist:
        return "a requirement since removed"


def requirement_changes(user: Any) -> list[Change]:
    """Changes to the requirements that apply to this person now: they move
    everyone's deadlines, so they answer "why did the status change?" too."""
    ids = RequirementAssignment.objects.filter(user_id=user.pk).values_list("requirement_id", flat=True)
    return changes(
        Requirement.history.filter(id__in=list(ids)).select_related("history_user", "training", "role", "agency"),
        lambda v: f"Requirement for {v.role} ({v.agency or 'every agency'}): {_training(v)}",
    )


def person_history(user: Any) -> list[Change]:
    """Everything, newest first, as the matrix page shows it."""
    everything = record_changes(user) + profile_changes(user) + requirement_changes(user)
    return sorted(everything, key=lambda c: c.when, reverse=True)
