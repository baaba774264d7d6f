"""The impact app's part of a person's data (see privacy.registry).

Exported: the person's own evaluation answers, follow-ups, observations of
their practice (with the observer's name) and observations they recorded
(whose, when). Erasure keeps the numbers that count in the figures and
removes everything that could point to the person: the link to them and any
free text, which may describe them or their work.
"""

from __future__ import annotations

from typing import Any

from impact.models import PART_LABELS, DayFeedback, FollowUp, Mark, Observation

SECTION = "impact"


def _marks(observation: Observation) -> dict[str, str]:
    return {
        PART_LABELS[part]: Mark(mark).label if mark is not None else "Not applicable"
        for part, _, mark in observation.marks()
    }


def export_user_data(user: Any) -> dict[str, Any]:
    return {
        "day_feedback": [
            {
                "event": str(f.event),
                "day": f.day_number,
                "submitted_at": f.submitted_at,
                "confidence": {PART_LABELS[c.part]: c.rating for c in f.confidence.all()},
                "useful": f.useful,
                "not_useful": f.not_useful,
                "comments": f.comments,
            }
            for f in DayFeedback.objects.filter(respondent=user)
            .select_related("event__course")
            .prefetch_related("confidence", "event__days")
        ],
        "follow_ups": [
            {
                "event": str(f.event),
                "submitted_at": f.submitted_at,
                "used_statement": f.get_used_statement_display(),
                "used_goal": f.get_used_goal_display(),
                "what_happened": f.what_happened,
            }
            for f in FollowUp.objects.filter(respondent=user)
            .select_related("event__course")
            .prefetch_related("event__days")
        ],
        "observations_of_my_practice": [
            {
                "observed_on": o.observed_on,
                "kind": o.get_kind_display(),
                "observer": o.observer.display_name if o.observer else "",
                "marks": _marks(o),
                "note": o.note,
            }
            for o in Observation.objects.filter(worker=user).select_related("observer")
        ],
        "observations_i_recorded": [
            {"worker": o.worker.display_name, "observed_on": o.observed_on, "kind": o.get_kind_display()}
            for o in Observation.objects.filter(observer=user).select_related("worker")
        ],
    }


def anonymise_user(user: Any) -> None:
    """Answers stay as numbers in the figures, unlinked and without their words;
    observations of the person go (they are about them alone); observations
    they recorded of others stay, without the observer."""
    DayFeedback.objects.filter(respondent=user).update(respondent=None, useful="", not_useful="", comments="")
    FollowUp.objects.filter(respondent=user).update(respondent=None, what_happened="")
    Observation.objects.filter(worker=user).delete()
    Observation.objects.filter(observer=user).update(observer=None)
