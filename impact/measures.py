"""The impact measures as pure functions over plain dataclasses (no Django).

Every figure these functions return carries the count it was computed from,
so a page can show "64% (7 of 11)" and a reader can judge it. Groups smaller
than `min_group` are suppressed wherever answers could point to a person
(docs/impact.md describes each measure).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

CATEGORY_NAMES: dict[str, str] = {
    "harm": "harm",
    "complicating_factor": "complicating factors",
    "strength": "strengths",
    "safety": "safety",
}


@dataclass(frozen=True)
class MappingMeasures:
    """What one learner's mapping of one scenario shows, read from the engine's result."""

    agency: str
    score: int
    sections: dict[str, float]
    misplacements: frozenset[tuple[str, str]]  # (what the card is, what the learner called it)
    missed_elements: frozenset[str]
    jargon: frozenset[str]
    scale: int | None
    scale_in_range: bool


@dataclass(frozen=True)
class Share:
    """`count` of `total`, as a whole percentage (0 when there is nobody)."""

    count: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.count / self.total) if self.total else 0


@dataclass(frozen=True)
class Ranked:
    label: str
    share: Share


@dataclass(frozen=True)
class CohortProfile:
    people: int
    average_score: float | None
    misplacements: tuple[Ranked, ...]
    missed_elements: tuple[Ranked, ...]
    jargon: tuple[Ranked, ...]
    scaling: tuple[tuple[int, int], ...]  # (scale 0-10, how many chose it)
    scale_in_range: Share


def misplacement_label(expected: str, given: str) -> str:
    """'strengths treated as safety': what the card was, then what the learner made it."""
    return f"{CATEGORY_NAMES.get(expected, expected)} treated as {CATEGORY_NAMES.get(given, given)}".capitalize()


def _ranked(counter: Counter[str], people: int, limit: int) -> tuple[Ranked, ...]:
    # Most common first; ties in alphabetical order so the page never reshuffles.
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return tuple(Ranked(label, Share(n, people)) for label, n in ordered)


def cohort_profile(mappings: Sequence[MappingMeasures], limit: int = 5) -> CohortProfile:
    """The cohort's profile: each share counts people (a person who misplaces two strengths counts once)."""
    people = len(mappings)
    misplaced: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    jargon: Counter[str] = Counter()
    for m in mappings:
        misplaced.update({misplacement_label(e, g) for e, g in m.misplacements})
        missed.update(m.missed_elements)
        jargon.update(m.jargon)
    scales = Counter(m.scale for m in mappings if m.scale is not None)
    return CohortProfile(
        people=people,
        average_score=round(sum(m.score for m in mappings) / people, 1) if people else None,
        misplacements=_ranked(misplaced, people, limit),
        missed_elements=_ranked(missed, people, limit),
        jargon=_ranked(jargon, people, limit),
        scaling=tuple((n, scales.get(n, 0)) for n in range(11)),
        scale_in_range=Share(sum(1 for m in mappings if m.scale_in_range), people),
    )


# --- Change from before to after -------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    kind: str  # "score": an average out of 100; "share": a percentage of people
    better: str  # "higher" or "lower"


MEASURES: tuple[Measure, ...] = (
    Measure("score", "Overall score", "score", "higher"),
    Measure("categorisation", "Sorting the case information", "score", "higher"),
    Measure("statements", "Danger or worry statements", "score", "higher"),
    Measure("goals", "Safety or well-being goals", "score", "higher"),
    Measure("strengths_as_safety", "Strengths treated as safety", "share", "lower"),
    Measure("factors_as_harm", "Complicating factors treated as harm", "share", "lower"),
    Measure("jargon", "Used professional jargon", "share", "lower"),
    Measure("scale_in_range", "Scaled within the model answer's range", "share", "higher"),
)


def measure_value(key: str, mappings: Sequence[MappingMeasures]) -> float | None:
    """The measure for a group: an average score, or the percentage of people; None for nobody."""
    if not mappings:
        return None
    n = len(mappings)
    if key == "score":
        return round(sum(m.score for m in mappings) / n, 1)
    if key in ("categorisation", "statements", "goals", "scaling"):
        return round(sum(m.sections.get(key, 0.0) for m in mappings) / n, 1)
    tests = {
        "strengths_as_safety": lambda m: ("strength", "safety") in m.misplacements,
        "factors_as_harm": lambda m: ("complicating_factor", "harm") in m.misplacements,
        "jargon": lambda m: bool(m.jargon),
        "scale_in_range": lambda m: m.scale_in_range,
    }
    return round(100 * sum(1 for m in mappings if tests[key](m)) / n, 1)


@dataclass(frozen=True)
class Change:
    measure: Measure
    before: float | None
    after: float | None

    @property
    def difference(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)

    @property
    def improved(self) -> bool | None:
        diff = self.difference
        if diff is None or diff == 0:
            return None
        return diff > 0 if self.measure.better == "higher" else diff < 0


@dataclass(frozen=True)
class GroupChange:
    """The change for one group (an agency, or everyone): `suppressed` when either side is too small."""

    name: str
    before_people: int
    after_people: int
    changes: tuple[Change, ...]
    suppressed: bool = False


def group_change(
    name: str, before: Sequence[MappingMeasures], after: Sequence[MappingMeasures], min_group: int
) -> GroupChange:
    suppressed = 0 < len(before) < min_group or 0 < len(after) < min_group
    changes = (
        ()
        if suppressed
        else tuple(Change(m, measure_value(m.key, before), measure_value(m.key, after)) for m in MEASURES)
    )
    return GroupChange(name, len(before), len(after), changes, suppressed)


def change_by_agency(
    before: Sequence[MappingMeasures], after: Sequence[MappingMeasures], min_group: int
) -> tuple[GroupChange, tuple[GroupChange, ...]]:
    """Everyone's change, then each agency's (alphabetical)."""
    agencies = sorted({m.agency for m in (*before, *after)})
    overall = group_change("Everyone", before, after, min_group)
    rows = tuple(
        group_change(
            agency, [m for m in before if m.agency == agency], [m for m in after if m.agency == agency], min_group
        )
        for agency in agencies
    )
    return overall, rows


# --- Evaluation ------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One day's feedback, without who gave it."""

    group: str  # the course, agency or trainer it is counted under
    day: int
    ratings: dict[str, int]
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartRating:
    part: str
    mean: float | None
    count: int
    spread: tuple[int, ...]  # how many gave 1, 2, 3, 4, 5


@dataclass(frozen=True)
class EvaluationGroup:
    name: str
    responses: int
    ratings: tuple[PartRating, ...] = ()
    texts: tuple[str, ...] = ()
    suppressed: bool = False


def rate_parts(answers: Iterable[Answer], parts: Sequence[str]) -> tuple[PartRating, ...]:
    collected: dict[str, list[int]] = {p: [] for p in parts}
    for answer in answers:
        for part, rating in answer.ratings.items():
            if part in collected and 1 <= rating <= 5:
                collected[part].append(rating)
    return tuple(
        PartRating(
            part,
            round(sum(values) / len(values), 1) if values else None,
            len(values),
            tuple(values.count(n) for n in range(1, 6)),
        )
        for part, values in collected.items()
    )


def evaluation_group(name: str, answers: Sequence[Answer], parts: Sequence[str], min_group: int) -> EvaluationGroup:
    """One group's answers; fewer than `min_group` responses show only that there were some.

    Free text is sorted alphabetically so its order says nothing about who
    answered first or on which day."""
    if len(answers) < min_group:
        return EvaluationGroup(name, len(answers), suppressed=True)
    texts = tuple(sorted({t.strip() for a in answers for t in a.texts if t.strip()}, key=str.casefold))
    return EvaluationGroup(name, len(answers), rate_parts(answers, parts), texts)


def evaluation_by(answers: Sequence[Answer], parts: Sequence[str], min_group: int) -> tuple[EvaluationGroup, ...]:
    names = sorted({a.group for a in answers}, key=str.casefold)
    return tuple(evaluation_group(n, [a for a in answers if a.group == n], parts, min_group) for n in names)


# --- Practice observation ---------------------------------------------------------------


@dataclass(frozen=True)
class ObservedMarks:
    period: str  # e.g. "2026 Q4"
    marks: dict[str, int | None]


@dataclass(frozen=True)
class RubricCell:
    part: str
    secure: int
    developing: int
    not_seen: int

    @property
    def marked(self) -> int:
        return self.secure + self.developing + self.not_seen

    @property
    def secure_share(self) -> Share:
        return Share(self.secure, self.marked)


@dataclass(frozen=True)
class RubricPeriod:
    period: str
    observations: int
    cells: tuple[RubricCell, ...] = field(default_factory=tuple)


def rubric_profile(observations: Sequence[ObservedMarks], parts: Sequence[str]) -> tuple[RubricPeriod, ...]:
    """Per period (oldest first) and rubric element: how many observations marked it secure,
    developing or not yet seen (not applicable is left out of that element's count)."""
    periods = sorted({o.period for o in observations})
    rows = []
    for period in periods:
        here = [o for o in observations if o.period == period]
        cells = []
        for part in parts:
            marks = [o.marks.get(part) for o in here]
            cells.append(RubricCell(part, marks.count(2), marks.count(1), marks.count(0)))
        rows.append(RubricPeriod(period, len(here), tuple(cells)))
    return tuple(rows)


def quarter(year: int, month: int) -> str:
    return f"{year} Q{(month - 1) // 3 + 1}"
