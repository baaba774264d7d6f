"""Which attempts can be trusted to count: the engine's doubts, read defensively. Pure Python, no Django.

The scoring engine reports why it doubts a mark (`Result.doubts`, stored in
the attempt's result JSON as `[{"code": ..., "message": ...}]`). Results
stored before the engine gave doubts have no `doubts` key; anything that is
not a well-formed doubt is ignored rather than trusted or fatal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

NEAR_PASS_POINTS = 5

# What a trainer reads in the queue for each code the engine gives (its own
# message says what it found in this attempt).
DOUBT_LABELS = {
    "copied_case_text": "Copies text from the case",
    "repeated_text": "Repeats the same text",
    "off_case_text": "Writes about someone not in this case",
    "nonsense_words": "Uses words that make no sense here",
    "near_pass_mark": "Close to the pass mark",
}


@dataclass(frozen=True)
class Doubt:
    code: str
    message: str

    @property
    def label(self) -> str:
        return DOUBT_LABELS.get(self.code, self.code.replace("_", " ").capitalize())


def doubts_in(result: Mapping[str, Any] | None, pass_mark: int) -> list[Doubt]:
    """The engine's doubts about a stored result. A result marked before the
    engine gave doubts (no `doubts` key) is still doubted when its passing
    score is within NEAR_PASS_POINTS of the pass mark, the one doubt that
    needs no reading of the text; once the engine gives doubts, its word stands."""
    if not isinstance(result, Mapping):
        return []
    raw = result.get("doubts", [])
    found: list[Doubt] = []
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, Mapping):
            continue
        code, message = entry.get("code"), entry.get("message")
        if isinstance(code, str) and code and isinstance(message, str):
            found.append(Doubt(code[:60], message[:500]))
    score = result.get("score")
    if (
        "doubts" not in result
        and isinstance(score, int)
        and not isinstance(score, bool)
        and pass_mark <= score <= pass_mark + NEAR_PASS_POINTS
    ):
        found.append(
            Doubt("near_pass_mark", f"The score, {score}%, is within {NEAR_PASS_POINTS} points of the pass mark.")
        )
    return found


def needs_review(*, passed: bool, practice: bool, doubts: list[Doubt]) -> bool:
    """A doubtful mark that would count waits for a trainer; a fail or a practice attempt counts for nothing anyway."""
    return passed and not practice and bool(doubts)
