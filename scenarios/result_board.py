"""What the result page shows, worked out from the scenario, the learner's mapping and the stored result.

Pure Python (no Django), like the engine: the view passes these dataclasses to the template, which
only displays them. Built on the feedback fields the spec fixes (section, item, given, expected,
message, term), so a reworked engine that keeps them needs no change here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from scenarios.scenario_file import CATEGORY_LABELS, COLUMN_OF, Column, Scenario

COLUMN_TITLES = {Column.WORRIES: "What are we worried about?", Column.WORKING_WELL: "What's working well?"}
NEXT_COLUMN_TITLE = "What needs to happen?"
ZONES: tuple[tuple[Column, tuple[tuple[str, str], ...]], ...] = (
    (Column.WORRIES, (("harm", "Harm"), ("complicating_factor", "Complicating factors"))),
    (Column.WORKING_WELL, (("strength", "Strengths"), ("safety", "Existing safety"))),
)
# The order the detail is shown in, and what each part is called; a section the engine adds later
# is shown after these, under its own name.
SECTION_ORDER = ("categorisation", "statements", "goals", "scaling", "language")
MAX_PRIORITIES = 3


def where(category: str) -> str:
    """'Existing safety, in "What's working well?"' for a category, or the value as given."""
    column = COLUMN_OF.get(category)
    label = CATEGORY_LABELS.get(category, category)
    return f"{label}, in \u201c{COLUMN_TITLES[column]}\u201d" if column else label


@dataclass(frozen=True)
class Card:
    """One card on a board. On the learner's board a card not given full credit carries the verdict."""

    id: str
    text: str
    right: bool = True
    verdict: str = ""  # "Wrong column: no marks", "Right column, wrong category: half marks", "Not placed: no marks"
    chosen: str = ""  # where the learner put it, in words
    belongs: str = ""  # where the model answer puts it, in words
    why: str = ""


@dataclass(frozen=True)
class Zone:
    key: str
    title: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class BoardColumn:
    key: str
    title: str
    zones: tuple[Zone, ...]


@dataclass(frozen=True)
class Board:
    """A mapping laid out as the course draws it: the two sorted columns, then what needs to happen."""

    columns: tuple[BoardColumn, ...]
    unplaced: tuple[Card, ...]
    statements: tuple[str, ...]
    goals: tuple[str, ...]
    scale: str  # "4 out of 10", "3 to 5 out of 10" or "Not given"
    scale_reason: str
    mistakes: int = 0


@dataclass(frozen=True)
class FeedbackLine:
    message: str
    card_text: str = ""
    chosen: str = ""
    belongs: str = ""
    term: str = ""


@dataclass(frozen=True)
class SectionDetail:
    key: str
    label: str
    score: int | None
    weight: int | None
    lost: float  # marks of the total lost in this section
    lines: tuple[FeedbackLine, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Priority:
    """One of the few things that cost the most marks, in words a learner can act on."""

    section: str
    title: str
    lost: int
    advice: str


def section_labels(scenario: Scenario) -> dict[str, str]:
    return {
        "categorisation": "Sorting the case information",
        "statements": f"{scenario.statement_label.capitalize()}s",
        "goals": f"{scenario.goal_label.capitalize()}s",
        "scaling": "Scaling",
        "language": "Plain language",
    }


def _card_verdict(given: str, expected: str) -> str:
    if not given:
        return "Not placed: no marks"
    if COLUMN_OF.get(given) == COLUMN_OF.get(expected):
        return "Right column, wrong category: half marks"
    return "Wrong column: no marks"


def _scale(low: int | None, high: int | None) -> str:
    if low is None:
        return "Not given"
    return f"{low} out of 10" if high in (None, low) else f"{low} to {high} out of 10"


def _texts(values: Any) -> tuple[str, ...]:
    return tuple(t for t in (values or []) if isinstance(t, str) and t.strip())


def learner_board(scenario: Scenario, mapping: dict[str, Any]) -> Board:
    placements = mapping.get("placements") or {}
    placed: dict[str, list[Card]] = {}
    unplaced: list[Card] = []
    mistakes = 0
    for item in scenario.items:
        given = placements.get(item.id) or ""
        right = item.accepts(given)
        card = Card(id=item.id, text=item.text)
        if not right:
            mistakes += 1
            card = Card(
                id=item.id,
                text=item.text,
                right=False,
                verdict=_card_verdict(given, item.category),
                chosen=where(given) if given else "Not placed",
                belongs=where(item.category),
                why=item.rationale,
            )
        if given in CATEGORY_LABELS:
            placed.setdefault(given, []).append(card)
        else:
            unplaced.append(card)
    scaling = mapping.get("scaling") or {}
    score = scaling.get("score")
    return Board(
        columns=_columns(placed),
        unplaced=tuple(unplaced),
        statements=_texts(mapping.get("statements")),
        goals=_texts(mapping.get("goals")),
        scale=_scale(score if isinstance(score, int) else None, None),
        scale_reason=str(scaling.get("reason") or ""),
        mistakes=mistakes,
    )


def model_board(scenario: Scenario) -> Board:
    placed: dict[str, list[Card]] = {}
    for item in scenario.items:
        placed.setdefault(item.category, []).append(Card(id=item.id, text=item.text, why=item.rationale))
    return Board(
        columns=_columns(placed),
        unplaced=(),
        statements=tuple(s.text for s in scenario.statements),
        goals=tuple(g.text for g in scenario.goals),
        scale=_scale(scenario.scaling.min, scenario.scaling.max),
        scale_reason=scenario.scaling.rationale,
    )


def _columns(placed: dict[str, list[Card]]) -> tuple[BoardColumn, ...]:
    return tuple(
        BoardColumn(
            key=column.value,
            title=COLUMN_TITLES[column],
            zones=tuple(Zone(key, title, tuple(placed.get(key, ()))) for key, title in zones),
        )
        for column, zones in ZONES
    )


def section_details(scenario: Scenario, result: dict[str, Any]) -> tuple[SectionDetail, ...]:
    """The feedback grouped by section, in the page's order, each with the marks it lost."""
    labels = section_labels(scenario)
    sections = result.get("sections") or {}
    lines: dict[str, list[FeedbackLine]] = {}
    for entry in result.get("feedback") or []:
        key = str(entry.get("section") or "")
        item = scenario.item(str(entry.get("item") or "")) if entry.get("item") else None
        given, expected = str(entry.get("given") or ""), str(entry.get("expected") or "")
        lines.setdefault(key, []).append(
            FeedbackLine(
                message=str(entry.get("message") or ""),
                card_text=item.text if item else "",
                chosen=(where(given) if given else "Not placed") if item else "",
                belongs=where(expected or item.category) if item else "",
                term=str(entry.get("term") or ""),
            )
        )
    keys = [k for k in SECTION_ORDER if k in sections or k in lines]
    keys += [k for k in list(sections) + list(lines) if k not in keys]
    details = []
    for key in dict.fromkeys(keys):
        values = sections.get(key) or {}
        score, weight = values.get("score"), values.get("weight")
        lost = weight * (100 - score) / 100 if isinstance(score, int | float) and isinstance(weight, int | float) else 0
        details.append(
            SectionDetail(
                key, labels.get(key, key.replace("_", " ").capitalize()), score, weight, lost, tuple(lines.get(key, ()))
            )
        )
    return tuple(details)


def priorities(scenario: Scenario, mapping: dict[str, Any], details: tuple[SectionDetail, ...]) -> tuple[Priority, ...]:
    """The two or three parts that cost the most marks, biggest first, each with one thing to do."""
    ranked = sorted((d for d in details if round(d.lost) >= 1), key=lambda d: -d.lost)
    return tuple(
        Priority(section=d.key, title=d.label, lost=round(d.lost), advice=_advice(scenario, mapping, d))
        for d in ranked[:MAX_PRIORITIES]
    )


def _advice(scenario: Scenario, mapping: dict[str, Any], detail: SectionDetail) -> str:
    if detail.key == "categorisation":
        return _sorting_advice(scenario, mapping)
    if detail.key == "scaling":
        return (
            f"The model answer scales this case at {_scale(scenario.scaling.min, scenario.scaling.max)}. "
            "Give a number and say what in this family's case makes it that number."
        )
    if detail.lines:
        return detail.lines[0].message
    return "Compare what you wrote with the model answer below."


def _sorting_advice(scenario: Scenario, mapping: dict[str, Any]) -> str:
    placements = mapping.get("placements") or {}
    wrong_column = half = missing = 0
    confusions: Counter[tuple[str, str]] = Counter()
    for item in scenario.items:
        given = placements.get(item.id) or ""
        if item.accepts(given):
            continue
        if not given:
            missing += 1
        elif COLUMN_OF.get(given) == COLUMN_OF.get(item.category):
            half += 1
        else:
            wrong_column += 1
        if given:
            confusions[(item.category, given)] += 1
    parts = []
    if wrong_column:
        parts.append(f"{_cards(wrong_column)} in the wrong column")
    if half:
        parts.append(f"{_cards(half)} in the right column but the wrong category")
    if missing:
        parts.append(f"{_cards(missing)} not placed")
    advice = "You put " + _join(parts) + "." if parts else "Check each card against the model answer."
    if confusions:
        (expected, given), count = confusions.most_common(1)[0]
        advice += (
            f" Most often, {CATEGORY_LABELS[expected].lower()} went under "
            f"{CATEGORY_LABELS.get(given, given).lower()} ({_cards(count)}): {_DISTINCTIONS.get((expected, given), '')}"
        ).rstrip(": ")
        if not advice.endswith("."):
            advice += "."
    return advice


# What the course teaches about the mix-ups learners make most.
_DISTINCTIONS = {
    ("strength", "safety"): "safety is protective action taken when the danger was there, repeated over time",
    ("safety", "strength"): "protective action shown over time is existing safety, not only a strength",
    ("complicating_factor", "harm"): "harm is what happened to the children; complicating factors make things harder",
    ("harm", "complicating_factor"): "what the adults did and how it affected the children is harm",
    ("strength", "harm"): "look for what is going well, even in a worrying case",
    ("strength", "complicating_factor"): "look for what is going well, even in a worrying case",
    ("safety", "harm"): "look for what the adults have done to keep the children safe",
    ("safety", "complicating_factor"): "look for what the adults have done to keep the children safe",
    ("harm", "strength"): "what hurt the children belongs with the worries, however well the family is doing",
    ("harm", "safety"): "what hurt the children belongs with the worries, however well the family is doing",
    ("complicating_factor", "strength"): "things that make the work harder belong with the worries",
    ("complicating_factor", "safety"): "things that make the work harder belong with the worries",
}


def _cards(n: int) -> str:
    return f"{n} card" if n == 1 else f"{n} cards"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
