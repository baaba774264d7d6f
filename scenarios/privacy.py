"""Case scenarios' part of a person's data: their mapping attempts
(see privacy.registry)."""

from __future__ import annotations

from typing import Any

from scenarios.models import Attempt

SECTION = "case_scenarios"


def export_user_data(user: Any) -> dict[str, Any]:
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
                "trainer_score": attempt.override_score,
                "trainer_note": attempt.override_note,
            }
            for attempt in Attempt.objects.filter(user=user).select_related("scenario").order_by("created_at", "id")
        ]
    }


def anonymise_user(user: Any) -> None:
    """Scores, results and where each item was placed stay, so the scenario
    statistics (including the most common misplacements) stay right; the
    learner's own words - statements, goals, the reason for their scaling
    number - and the trainer's note about them go."""
    for attempt in Attempt.objects.filter(user=user):
        mapping = dict(attempt.mapping or {})
        scaling = mapping.get("scaling") if isinstance(mapping.get("scaling"), dict) else {}
        mapping.update(statements=[], goals=[], scaling={**scaling, "reason": ""})
        attempt.mapping = mapping
        attempt.override_note = ""
        attempt.save(update_fields=["mapping", "override_note"])
