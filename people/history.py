"""The history of a person's learner profile (agency, team, role, start date,
line manager): who changed it, when, why, from what to what."""

from __future__ import annotations

from typing import Any

from lib.history import Change, changes
from people.models import LearnerProfile

ERASED_REASON = "Reason removed when the person was erased"
ERASURE = "The person's account was erased"


def profile_changes(user: Any) -> list[Change]:
    return changes(
        LearnerProfile.history.filter(user_id=user.pk).select_related(
            "history_user", "agency", "team", "role", "line_manager", "leads_agency"
        ),
        lambda version: "Profile",
        skip=("id", "user"),
    )


def erase_profile_history(user: Any) -> None:
    """The line manager and lead roles go, as from the profile; the reasons,
    free text that may say anything about the person, go too. Who changed
    what and when stays: the record of the training record's changes is kept."""
    LearnerProfile.history.filter(user_id=user.pk).update(line_manager=None, leads_agency=None)
    LearnerProfile.history.filter(user_id=user.pk).exclude(history_change_reason__isnull=True).exclude(
        history_change_reason=""
    ).update(history_change_reason=ERASED_REASON)
