"""What trainers see per scenario: how many tried and passed, section averages, common misplacements."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from scenarios.models import Attempt, ScenarioPage
from scenarios.scenario_file import CATEGORY_LABELS, SECTIONS, Scenario


@dataclass(frozen=True)
class Misplacement:
    item_id: str
    item_text: str
    expected: str
    given: str
    count: int
    share: int  # percent of submitted attempts

    @property
    def label(self) -> str:
        return f"{CATEGORY_LABELS[self.expected]} placed as {CATEGORY_LABELS[self.given].lower()}"


def scenario_report(page: ScenarioPage, scenario: Scenario, limit: int = 10) -> dict[str, Any]:
    """One query over the submitted attempts; everything else is counted here."""
    rows = list(
        Attempt.objects.submitted()
        .filter(scenario=page)
        .values_list("user_id", "score", "override_score", "passed", "result", "mapping")
    )
    attempts = len(rows)
    learners = len({row[0] for row in rows})
    passed_learners = len({row[0] for row in rows if row[3]})
    section_totals: Counter[str] = Counter()
    wrong: Counter[tuple[str, str]] = Counter()
    for _, _score, _override, _passed, result, mapping in rows:
        for name, values in ((result or {}).get("sections") or {}).items():
            section_totals[name] += values.get("score", 0)
        placements = (mapping or {}).get("placements") or {}
        for item in scenario.items:
            given = placements.get(item.id)
            if given and not item.accepts(given):
                wrong[(item.id, given)] += 1
    items = {item.id: item for item in scenario.items}
    misplacements = [
        Misplacement(item_id, items[item_id].text, items[item_id].category, given, count, round(100 * count / attempts))
        for (item_id, given), count in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))
        if item_id in items
    ][:limit]
    scores = [row[2] if row[2] is not None else row[1] for row in rows]
    return {
        "attempts": attempts,
        "learners": learners,
        "passed_learners": passed_learners,
        "average_score": round(sum(s or 0 for s in scores) / attempts) if attempts else None,
        "sections": [
            {"name": name, "average": round(section_totals[name] / attempts) if attempts else None} for name in SECTIONS
        ],
        "misplacements": misplacements,
    }
