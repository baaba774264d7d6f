"""The writing coach: the scoring engine's feedback on a draft from real work.

Pure Python (no Django). The draft is checked against a case-free "scenario"
whose model statement and goal name each element with everyday words, through
the engine's public entry point `score_mapping`; only the written sections'
and the language feedback are kept. Reading level comes from textstat (the
engine's own dependency). Nothing here keeps the text: it lives in the
request and the answer only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

from scenarios.scenario_file import Framework, Item, Mapping, ModelStatement, Scaling, Scenario
from scenarios.scoring import DEFAULT_JARGON, JargonEntry, score_mapping

MAX_CHARS = 1500
FAMILY_READING_AGE = 11  # plain English guidance: most adults read comfortably at this level
CHILD_AGES = range(4, 18)

KIND_LABELS = {
    "danger": "danger statement",
    "worry": "worry statement",
    "safety_goal": "safety goal",
    "wellbeing_goal": "well-being goal",
    "family": "explanation for the family",
    "child": "explanation for a child",
}
STATEMENT_KINDS = ("danger", "worry")
GOAL_KINDS = ("safety_goal", "wellbeing_goal")

_STATEMENT_ELEMENTS: dict[str, tuple[str, ...]] = {
    "who": ("worried", "worry", "concerned", "social worker", "school", "police", "health visitor", "we are"),
    "behaviour": (
        "drink",
        "drinks",
        "drinking",
        "hit",
        "hits",
        "shout",
        "shouts",
        "push",
        "pushed",
        "fight",
        "fighting",
        "leave",
        "left alone",
        "use drugs",
        "smack",
        "hurt",
        "not feed",
        "argue",
        "arguments",
        "angry",
        "takes",
    ),  # fmt: skip
    "future": ("could", "might", "will", "may", "again", "if nothing changes", "in the future"),
    "impact": (
        "hurt",
        "harmed",
        "scared",
        "frightened",
        "injured",
        "upset",
        "unsafe",
        "hungry",
        "miss school",
        "feel",
        "cry",
        "worried",
        "alone",
        "ill",
    ),  # fmt: skip
    "child": ("child", "children", "baby", "son", "daughter", "boy", "girl", "kids", "brother", "sister"),
}
_GOAL_ELEMENTS: dict[str, tuple[str, ...]] = {
    "behaviour": (
        "will",
        "make sure",
        "keep",
        "take",
        "talk",
        "stay",
        "look after",
        "feed",
        "check",
        "sort out",
        "get",
    ),  # fmt: skip
    "network": (
        "grandma",
        "grandad",
        "aunt",
        "uncle",
        "friend",
        "neighbour",
        "family",
        "network",
        "safety network",
        "nan",
        "sister",
        "brother",
    ),  # fmt: skip
    "child": _STATEMENT_ELEMENTS["child"],
    "over_time": ("months", "weeks", "every day", "every", "each", "for the next", "always", "until"),
    "checking": ("check", "will know", "tell", "visit", "see", "ring", "call", "phone"),
}
_SCENARIO = Scenario(
    slug="writing-coach",
    title="Writing coach",
    framework=Framework.CHILD_PROTECTION,
    summary="Case-free elements for checking a draft.",
    items=(Item("draft", "A draft from real work.", "harm", "Not marked."),),
    # One model per element: each model's key words are then few, so a good
    # draft is never mistaken for a list of key words stuffed together.
    statements=tuple(ModelStatement(f"Element {name}.", {name: words}) for name, words in _STATEMENT_ELEMENTS.items()),
    goals=tuple(ModelStatement(f"Element {name}.", {name: words}) for name, words in _GOAL_ELEMENTS.items()),
    scaling=Scaling("Not asked.", 0, 10, "Not marked."),
)
_EARLY_HELP = Scenario(**{**_SCENARIO.__dict__, "framework": Framework.EARLY_HELP})


@dataclass(frozen=True)
class CoachFeedback:
    kind: str
    label: str
    words: int
    sentences: int
    longest_sentence: int
    reading_age: int
    target_age: int | None
    points: tuple[str, ...]  # missing elements, harm or danger, absence or presence
    jargon: tuple[tuple[str, str], ...]  # (term, plainer words)
    hard_to_read: bool

    @property
    def reading_age_too_high(self) -> bool:
        return self.target_age is not None and self.reading_age > self.target_age


def reading_age(text: str) -> int:
    """A UK reading age from the Coleman-Liau grade (the engine's own measure, by letters and sentences: grade + 5), at least 5."""
    return max(5, round(float(textstat.coleman_liau_index(text)) + 5))


def check_draft(
    kind: str, text: str, child_age: int | None = None, jargon: tuple[JargonEntry, ...] = DEFAULT_JARGON
) -> CoachFeedback:
    """The engine's feedback on one draft. `kind` is one of KIND_LABELS; `child_age` for a child's explanation."""
    if kind not in KIND_LABELS:
        raise ValueError(f"unknown kind {kind!r}")
    text = text.strip()[:MAX_CHARS]
    scenario = _EARLY_HELP if kind in ("worry", "wellbeing_goal") else _SCENARIO
    statements = (text,) if kind in STATEMENT_KINDS else ()
    goals = (text,) if kind in GOAL_KINDS else ()
    explanation = kind in ("family", "child")
    section = "statements" if kind in STATEMENT_KINDS else "goals" if kind in GOAL_KINDS else ""
    if explanation:
        # An explanation is checked for its words only, as a text the engine reads for jargon.
        goals = (text,)
    result = score_mapping(scenario, Mapping(scenario.slug, {}, statements, goals, None, ""), jargon)
    points: list[str] = []
    terms: list[tuple[str, str]] = []
    hard = False
    for item in result.feedback:
        if item.term is not None:
            plainer = next((e.plainer for e in jargon if e.term.lower() == item.term.lower()), "")
            terms.append((item.term, plainer or "Say what you mean in words the family would use."))
        elif item.section == "language":
            hard = True
        elif item.section == section and not _about_no_text(item.message):
            points.append(_for_real_work(item.message))
    sentences = max(1, int(textstat.sentence_count(text))) if text else 0
    lengths = [len(s.split()) for s in _sentences(text)]
    target = None
    if kind == "family":
        target = FAMILY_READING_AGE
    elif kind == "child":
        target = child_age
    return CoachFeedback(
        kind=kind,
        label=KIND_LABELS[kind],
        words=len(text.split()),
        sentences=sentences,
        longest_sentence=max(lengths, default=0),
        reading_age=reading_age(text) if text else 0,
        target_age=target,
        points=tuple(points),
        jargon=tuple(terms),
        hard_to_read=hard,
    )


def _about_no_text(message: str) -> bool:
    return message.startswith("You did not write")


_MODEL_REFERENCE = re.compile(r" (about the worry that|\(model [a-z -]+ \d+:) Element [a-z_]+\.\)?")


def _for_real_work(message: str) -> str:
    # The engine names which model statement an element is missing from; here the
    # models are only the elements, so the worker sees the element alone.
    return _MODEL_REFERENCE.sub("", message)


def _sentences(text: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    for word in text.split():
        current.append(word)
        if word[-1] in ".!?":
            parts.append(" ".join(current))
            current = []
    if current:
        parts.append(" ".join(current))
    return parts
