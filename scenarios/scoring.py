"""The scoring engine: a learner's mapping against a scenario's model answer.

Pure Python (no Django), deterministic (no sets in output order, no clock),
and every point lost has a feedback line. The rules, with their thresholds,
are written out for people in docs/scenarios.md; the constants below are the
single source of those numbers. How a sentence is read (negation, tense, copied
or repeated text, the case's people) lives in scenarios/reading.py; the word
lists in scenarios/wordlists.py.

Sections: categorisation (the sorting of case information), statements
(danger or worry statements), goals (safety or well-being goals) and scaling.
The total is the weighted sum of the section scores, rounded half up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import textstat

from scenarios.domain import (
    CATEGORY_LABELS,
    COLUMN_NAMES,
    COLUMN_OF,
    Column,
    Item,
    Mapping,
    ModelStatement,
    Scenario,
    ScenarioFileError,
    model_mapping,
)
from scenarios.matching import Reading, phrase_lemmas, read
from scenarios.reading import (
    CaseWords,
    Cover,
    SectionReading,
    Why,
    case_words,
    cover,
    model_key,
    read_section,
    says_something_about_the_case,
)
from scenarios.wordlists import DEFAULT_JARGON, FUNCTION_WORDS, JargonEntry

__all__ = ["DEFAULT_JARGON", "Doubt", "Feedback", "JargonEntry", "Result", "score_mapping"]

# --- Thresholds (documented in docs/scenarios.md) ---------------------------------------
MAX_WORDS_CONSIDERED = 80  # words after this in one text are ignored
MIN_SENTENCE_WORDS = 5  # fewer words than this is not a statement
MIN_FUNCTION_WORD_SHARE = 0.2  # a sentence has "the", "and", "will"...; a word list has not
PAST_ONLY_CAP = 0.3  # a danger statement only about the past keeps at most this share of its elements
GOAL_FLAG_CAP = 0.25  # so does a goal that only describes absence, or only keeps strengths going
OFF_CASE_CAP = 0.2  # a text that names nobody in this case
JARGON_DEDUCTION = 10  # points off the section for each jargon term
JARGON_MAX_DEDUCTION = 30
READABILITY_DEDUCTION = 10  # points off the section if any text is hard to read
READABILITY_MAX_GRADE = 14.0  # Coleman-Liau grade; above this families would struggle
READABILITY_MIN_WORDS = 8  # shorter texts are too short to measure
ALTERNATIVE_SIMILARITY = 0.8  # Dice similarity to a trainer-accepted alternative
RECITED_SHARE = 0.5  # a text with this share of a model's element words (and at least...
RECITED_MIN_PHRASES = 10  # ...this many) recites the marking key: a list, not a statement
NEAR_PASS_MARK = 5  # a score this close to the pass mark (either side) is doubtful

ELEMENT_DESCRIPTIONS: dict[str, str] = {
    "who": "who is worried",
    "behaviour": "what the adults do (or will do)",
    "child": "which child or children it is about",
    "impact": "what it would do to the children",
    "future": "what could happen in the future if nothing changes",
    "network": "who in the family's network will help",
    "over_time": "how long or how often it must be shown",
    "checking": "how people will check and know it is happening",
}
GOAL_ELEMENT_DESCRIPTIONS: dict[str, str] = {
    "behaviour": "what the adults will be doing to keep the children safe",
    "child": "what the children will experience",
}


@dataclass(frozen=True)
class Feedback:
    section: str
    message: str
    item: str | None = None
    given: str | None = None
    expected: str | None = None
    term: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"section": self.section}
        if self.item is not None:
            data.update(item=self.item, given=self.given, expected=self.expected)
        if self.term is not None:
            data["term"] = self.term
        data["message"] = self.message
        return data


@dataclass(frozen=True)
class Doubt:
    """Why a trainer should look at an attempt before it counts. `code` is one of DOUBT_CODES."""

    code: str
    message: str


DOUBT_CODES = ("copied_case_text", "repeated_text", "off_case_text", "nonsense_words", "near_pass_mark")


@dataclass(frozen=True)
class SectionResult:
    name: str
    score: float
    weight: int

    @property
    def rounded(self) -> int:
        return round_half_up(self.score)


@dataclass(frozen=True)
class Result:
    scenario: str
    score: int
    passed: bool
    sections: tuple[SectionResult, ...]
    feedback: tuple[Feedback, ...] = field(default_factory=tuple)
    doubts: tuple[Doubt, ...] = field(default_factory=tuple)

    def section(self, name: str) -> SectionResult:
        return next(s for s in self.sections if s.name == name)

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "score": self.score,
            "passed": self.passed,
            "sections": {s.name: {"score": s.rounded, "weight": s.weight} for s in self.sections},
            "feedback": [f.to_json() for f in self.feedback],
            "doubts": [{"code": d.code, "message": d.message} for d in self.doubts],
        }


def round_half_up(value: float) -> int:
    return int(value + 0.5 + 1e-9)


# --- Compiling a scenario once --------------------------------------------------------


@dataclass(frozen=True)
class _Compiled:
    case: CaseWords
    jargon: tuple[tuple[JargonEntry, tuple[str, ...]], ...]
    alternatives: tuple[tuple[frozenset[str], ...], ...]  # per statement then goal
    examples: dict[tuple[Any, str], str]  # (model, element) -> the model answer's words for it


_CACHE: dict[tuple[int, tuple[JargonEntry, ...]], tuple[Scenario, _Compiled]] = {}
_CACHE_SIZE = 64


def _compile(scenario: Scenario, jargon: tuple[JargonEntry, ...]) -> _Compiled:
    key = (id(scenario), jargon)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is scenario:
        return cached[1]
    compiled = _Compiled(
        case=case_words(scenario),
        jargon=tuple(
            (entry, phrase_lemmas(entry.term))
            for entry in (*jargon, *(JargonEntry(term) for term in scenario.jargon))
            if phrase_lemmas(entry.term)
        ),
        alternatives=tuple(
            tuple(_content_lemmas(a) for a in m.alternatives) for m in (*scenario.statements, *scenario.goals)
        ),
        examples={
            (model_key(m), name): _example(m, name)
            for m in (*scenario.statements, *scenario.goals)
            for name in m.elements
        },
    )
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (scenario, compiled)
    return compiled


def _content_lemmas(text: str) -> frozenset[str]:
    reading = read(text)
    return frozenset(lem for w, lem in zip(reading.words, reading.lemmas, strict=True) if w not in FUNCTION_WORDS)


# --- Scoring --------------------------------------------------------------------------


def score_mapping(scenario: Scenario, mapping: Mapping, jargon: tuple[JargonEntry, ...] = DEFAULT_JARGON) -> Result:
    """Score `mapping` against `scenario`'s model answer, explaining every lost point."""
    compiled = _compile(scenario, tuple(jargon))
    feedback: list[Feedback] = []
    doubts: list[Doubt] = []
    both = (mapping.statements, mapping.goals)
    readings = [read_section(texts, compiled.case, MAX_WORDS_CONSIDERED) for texts in both]
    if any(r.nonsense for r in readings):
        # Nonsense in one box: read both again without the benefit of the doubt.
        readings = [read_section(texts, compiled.case, MAX_WORDS_CONSIDERED, suspect=True) for texts in both]
    categorisation = _score_categorisation(scenario, mapping, feedback)
    n = len(scenario.statements)
    statements = _score_written(
        _Section("statements", scenario.statement_label, scenario.statements, compiled.alternatives[:n], False),
        mapping.statements,
        readings[0],
        compiled,
        feedback,
        doubts,
    )
    goals = _score_written(
        _Section("goals", scenario.goal_label, scenario.goals, compiled.alternatives[n:], True),
        mapping.goals,
        readings[1],
        compiled,
        feedback,
        doubts,
    )
    scaling = _score_scaling(scenario, mapping, compiled.case, feedback)
    weights = scenario.weights
    sections = (
        SectionResult("categorisation", categorisation, weights.categorisation),
        SectionResult("statements", statements, weights.statements),
        SectionResult("goals", goals, weights.goals),
        SectionResult("scaling", scaling, weights.scaling),
    )
    total = max(0, min(100, round_half_up(sum(s.score * s.weight for s in sections) / 100)))
    if abs(total - scenario.pass_mark) <= NEAR_PASS_MARK:
        doubts.append(
            Doubt(
                "near_pass_mark",
                f"The score ({total}) is within {NEAR_PASS_MARK} points of the pass mark ({scenario.pass_mark}), "
                "so a trainer's reading decides whether it passes.",
            )
        )
    return Result(
        scenario=scenario.slug,
        score=total,
        passed=total >= scenario.pass_mark,
        sections=sections,
        feedback=tuple(feedback),
        doubts=_unique_doubts(doubts),
    )


def _unique_doubts(doubts: list[Doubt]) -> tuple[Doubt, ...]:
    seen: dict[str, Doubt] = {}
    for doubt in doubts:
        if doubt.code in seen:
            seen[doubt.code] = Doubt(doubt.code, f"{seen[doubt.code].message} {doubt.message}")
        else:
            seen[doubt.code] = doubt
    return tuple(seen.values())


# --- Sorting ---------------------------------------------------------------------------


def _score_categorisation(scenario: Scenario, mapping: Mapping, feedback: list[Feedback]) -> float:
    """Card credit (full, half for the right column, none) times how well the columns are told apart.

    Telling apart is measured over the whole set: for each column, the share of the
    cards that belong there (and were placed) that the learner put there; the two
    shares added, less one (1 when every card is in its column, 0 when everything is
    in one column, whichever single card is moved). Cards that can go in either
    column (also_accept across columns) do not count towards it. Fixing a card never
    lowers either part, so it never lowers the score.
    """
    credit = 0.0
    for item in scenario.items:
        given = mapping.placements.get(item.id)
        if given is not None and item.accepts(given):
            credit += 1.0
            continue
        card = f"'{_card(item)}'"
        belongs = f"{CATEGORY_LABELS[item.category]} in the '{COLUMN_NAMES[COLUMN_OF[item.category]]}' column"
        if given is None:
            message = f"You did not place {card}. Not placed (no marks): it belongs under {belongs}. {item.rationale}"
        elif COLUMN_OF[given] == COLUMN_OF[item.category]:
            credit += 0.5
            message = (
                f"You put {card} under {CATEGORY_LABELS[given]}. Right column, wrong category (half marks): "
                f"it belongs under {belongs}. {item.rationale}"
            )
        else:
            message = (
                f"You put {card} under {CATEGORY_LABELS[given]}. Wrong column (no marks): "
                f"it belongs under {belongs}. {item.rationale}"
            )
        feedback.append(Feedback("categorisation", message, item=item.id, given=given, expected=item.category))
    separation, right, placed = _separation(scenario, mapping)
    if separation == 0.0 and mapping.placements:
        feedback.append(
            Feedback(
                "categorisation",
                "You put the cards you placed in one column, or spread them without telling the columns apart, "
                "so sorting gets no marks. Sorting means telling what we are worried about apart from what is "
                "working well: put each card in the column where it belongs.",
            )
        )
    elif 0.0 < separation < 1.0:
        counts = " and ".join(f"{right[c]} of the {placed[c]} '{COLUMN_NAMES[c]}' cards" for c in Column if placed[c])
        feedback.append(
            Feedback(
                "categorisation",
                f"You put {counts} you placed in the right column, so your sorting marks are multiplied by "
                f"{round_half_up(separation * 100)}%. Sorting means telling what we are worried about apart from "
                "what is working well: put each card in the column where it belongs.",
            )
        )
    return 100.0 * credit / len(scenario.items) * separation


def _separation(scenario: Scenario, mapping: Mapping) -> tuple[float, dict[Column, int], dict[Column, int]]:
    """How well the cards are told apart: each column's share of its cards put there, added, less one.

    A card not placed counts as half right (a coin toss), so leaving one out costs
    less than putting it in the wrong column, and placing it in its column always
    helps. Cards accepted in either column do not count. A column with no cards of
    its own counts as fully right. 1 when every card is in its column; 0 when
    everything is in one column, whichever single card is moved out.
    """
    total = {column: 0 for column in Column}
    right = {column: 0 for column in Column}
    placed = {column: 0 for column in Column}
    shares = {column: 0.0 for column in Column}
    for item in scenario.items:
        if len({COLUMN_OF[c] for c in (item.category, *item.also_accept)}) != 1:
            continue
        column = COLUMN_OF[item.category]
        given = mapping.placements.get(item.id)
        total[column] += 1
        if given is None:
            shares[column] += 0.5
            continue
        placed[column] += 1
        if COLUMN_OF[given] == column:
            right[column] += 1
            shares[column] += 1.0
    telling = sum(shares[c] / total[c] if total[c] else 1.0 for c in Column) - 1.0
    return max(0.0, telling), right, placed


def _card(item: Item, n: int = 8) -> str:
    return _opening(item.text, n)


# --- Statements and goals ----------------------------------------------------------------


@dataclass(frozen=True)
class _Section:
    name: str
    label: str
    models: tuple[ModelStatement, ...]
    alternatives: tuple[tuple[frozenset[str], ...], ...]
    goal: bool


@dataclass(frozen=True)
class _Text:
    number: int
    text: str
    reading: Reading  # the honest sentences
    too_long: bool
    is_list: bool
    hard_to_read: bool
    off_case: bool


def _recites(models: tuple[ModelStatement, ...], text: str, case: CaseWords) -> bool:
    """Whether the text holds most of some model's element words: the marking key, not a statement."""
    reading = read(text)
    for model in models:
        phrases = {p for name in model.elements for p in case.phrases_of(model, name)}
        found = sum(1 for p in phrases if reading.find(p))
        if found >= RECITED_MIN_PHRASES and found >= RECITED_SHARE * len(phrases):
            return True
    return False


def _analyse(number: int, text: str, honest: Reading, off_case: bool, recited: bool = False) -> _Text:
    all_words = read(text).words
    considered = all_words[:MAX_WORDS_CONSIDERED]
    function_share = sum(1 for w in considered if w in FUNCTION_WORDS) / len(considered) if considered else 0.0
    hard = False
    if len(all_words) >= READABILITY_MIN_WORDS:
        hard = float(textstat.coleman_liau_index(text)) > READABILITY_MAX_GRADE
    return _Text(
        number=number,
        text=text,
        reading=honest,
        too_long=len(all_words) > MAX_WORDS_CONSIDERED,
        is_list=recited or len(considered) < MIN_SENTENCE_WORDS or function_share < MIN_FUNCTION_WORD_SHARE,
        hard_to_read=hard,
        off_case=off_case,
    )


@dataclass(frozen=True)
class _Credit:
    cover: Cover
    credit: float
    alternative: bool = False


def _credit(
    model: ModelStatement, alternatives: tuple[frozenset[str], ...], text: _Text, case: CaseWords, goal: bool
) -> _Credit:
    names = tuple(model.elements)
    if text.is_list or not text.reading.words:
        return _Credit(Cover((), names, {}), 0.0)
    if alternatives:
        learner = frozenset(
            lem for w, lem in zip(text.reading.words, text.reading.lemmas, strict=True) if w not in FUNCTION_WORDS
        )
        for alternative in alternatives:
            total = len(learner) + len(alternative)
            if total and 2 * len(learner & alternative) / total >= ALTERNATIVE_SIMILARITY:
                return _Credit(Cover(names, (), {}), float(len(names)), alternative=True)
    found = cover(model, text.reading, case, goal=goal)
    credit = found.credit
    if found.denied:
        credit = 0.0
    if found.past_only:
        credit = min(credit, PAST_ONLY_CAP * len(names))
    if found.absence_only or found.strengths_only:
        credit = min(credit, GOAL_FLAG_CAP * len(names))
    if text.off_case:
        credit = min(credit, OFF_CASE_CAP * len(names))
    return _Credit(found, credit)


def _score_written(
    section: _Section,
    texts: tuple[str, ...],
    reading: SectionReading,
    compiled: _Compiled,
    feedback: list[Feedback],
    doubts: list[Doubt],
) -> float:
    name_of, label = section.name, section.label
    analysed = [
        _analyse(n, t, reading.texts[n - 1], n in reading.off_case, _recites(section.models, t, compiled.case))
        for n, t in enumerate(texts, start=1)
    ]
    _add_doubts(section, reading, doubts, feedback)
    if not analysed:
        feedback.append(Feedback(name_of, f"You did not write a {label}."))
    for text in analysed:
        name = f"{label.capitalize()} {text.number}" if len(analysed) > 1 else f"Your {label}"
        if text.is_list:
            feedback.append(
                Feedback(
                    name_of,
                    f"{name} reads as a list of words, not a sentence, so it does not count. "
                    "Write it the way you would say it to the family.",
                )
            )
        if text.too_long:
            feedback.append(
                Feedback(
                    name_of,
                    f"{name} is longer than {MAX_WORDS_CONSIDERED} words; only the first "
                    f"{MAX_WORDS_CONSIDERED} count. Keep it short enough for the family to follow.",
                )
            )

    total_elements = sum(len(m.elements) for m in section.models)
    credit = 0.0
    flagged: set[tuple[int, str]] = set()
    for index, model in enumerate(section.models):
        options = [_credit(model, section.alternatives[index], text, compiled.case, section.goal) for text in analysed]
        # Ties go to the earlier text, so the result never depends on anything but the input order.
        best_at = max(range(len(options)), key=lambda i: options[i].credit, default=None)
        if best_at is None:
            best = _Credit(Cover((), tuple(model.elements), {}), 0.0)
            text = None
        else:
            best, text = options[best_at], analysed[best_at]
        credit += best.credit
        about = _about(section, index, model)
        if text is not None and not text.is_list and text.reading.words:
            _flag_lines(section, text, best, about, flagged, feedback)
        said = _said_anywhere(model, reading.raw, compiled.case)
        for element in best.cover.missed:
            feedback.append(
                Feedback(
                    name_of,
                    _missing_line(section, about, element, best.cover, model, element in said, compiled.examples),
                )
            )
    score = 100.0 * credit / total_elements if total_elements else 100.0

    deduction = 0.0
    for entry in _jargon_found(compiled, [t.text for t in analysed]):
        deduction += JARGON_DEDUCTION
        advice = entry.plainer or "Say what you mean in words the family would use."
        feedback.append(
            Feedback("language", f"'{entry.term}' in your {label} is a professional label. {advice}", term=entry.term)
        )
    deduction = min(deduction, JARGON_MAX_DEDUCTION)
    hard = [t for t in analysed if t.hard_to_read and not t.is_list]
    for text in hard:
        feedback.append(
            Feedback(
                "language",
                f"Your {label} ({_opening(text.text)}) would be hard for the family to read. "
                "Use shorter, everyday words.",
            )
        )
    if hard:
        deduction += READABILITY_DEDUCTION
    return max(0.0, score - deduction)


def _about(section: _Section, index: int, model: ModelStatement) -> str:
    if len(section.models) == 1:
        return ""
    if not section.goal:
        return f" about the worry that {_opening(model.text)}"
    return f" (model {section.label} {index + 1}: {_opening(model.text)})"


def _flag_lines(
    section: _Section, text: _Text, best: _Credit, about: str, flagged: set[tuple[int, str]], feedback: list[Feedback]
) -> None:
    label = section.label
    name = f"Your {label}{about}"
    lines: list[tuple[str, str]] = []
    found = best.cover
    if found.denied:
        lines.append(
            (
                "denied",
                f"{name} says nobody is worried or that nothing will happen, so it earns no marks. A {label} says "
                "what everyone is worried could happen next if nothing changes.",
            )
        )
    if found.past_only:
        lines.append(
            (
                "past",
                f"{name} only talks about what has already happened: that is harm, so it keeps at most "
                f"{PAST_ONLY_CAP:.0%} of its marks. A {label} says what everyone is worried could happen next "
                "if nothing changes (for example 'could', 'might', 'is going to').",
            )
        )
    if found.absence_only:
        lines.append(
            (
                "absence",
                f"{name} only says what people will stop doing, so it keeps at most {GOAL_FLAG_CAP:.0%} of its "
                "marks. Say what they will do instead, for example 'sort out arguments calmly, away from the "
                "children' rather than 'won't argue'.",
            )
        )
    if found.strengths_only:
        lines.append(
            (
                "strengths",
                f"{name} only keeps up what is already working well, so it keeps at most {GOAL_FLAG_CAP:.0%} of "
                "its marks. Strengths are not safety: say what the adults will do to keep the children safe from "
                "the danger, who will help and check, and for how long.",
            )
        )
    if text.off_case:
        lines.append(
            (
                "off_case",
                f"{name} names nobody in this family, so it could be about any case and keeps at most "
                f"{OFF_CASE_CAP:.0%} of its marks. Say who, by name, will do what.",
            )
        )
    for key, line in lines:
        if (text.number, key) not in flagged:
            flagged.add((text.number, key))
            feedback.append(Feedback(section.name, line))


def _said_anywhere(model: ModelStatement, raw: tuple[Reading, ...], case: CaseWords) -> set[str]:
    """Elements whose words appear anywhere the learner wrote in the section, counted or not."""
    return {name for name in model.elements if any(r.find(p) for r in raw for p in case.phrases_of(model, name))}


def _missing_line(
    section: _Section,
    about: str,
    element: str,
    found: Cover,
    model: ModelStatement,
    said: bool,
    examples: dict[tuple[Any, str], str],
) -> str:
    label = section.label
    description = (GOAL_ELEMENT_DESCRIPTIONS if section.goal else {}).get(element) or _describe_element(element)
    example = examples.get((model_key(model), element)) or _example(model, element)
    why = found.why.get(element)
    if why == Why.NEGATED:
        return (
            f"Your {label}{about} mentions {description}, but only in words that say it will not happen, "
            f"so it does not count.{example}"
        )
    if why == Why.NOT_WORRIED:
        return (
            f"Your {label}{about} names people, but not as the ones who are worried. Say who is worried, "
            f"for example '... are worried that ...'.{example}"
        )
    if why == Why.NO_ADULT:
        return (
            f"Your {label}{about} has words for {description}, but not about anyone in this family: say which "
            f"adult, by name, would do it.{example}"
        )
    if why == Why.NOT_AHEAD:
        return (
            f"Your {label}{about} uses words like 'again' only about what has already happened. Say what could "
            f"happen next if nothing changes.{example}"
        )
    if said:
        return (
            f"Your {label}{about} mentions {description} only in a part that earns no marks (copied, repeated or "
            f"not making sense here) or in a different {label} from the one that best matches it. Say it in "
            f"your own words, in one {label}.{example}"
        )
    return f"Your {label}{about} does not say {description}.{example}"


def _example(model: ModelStatement, element: str) -> str:
    """A few words of the model text around the element, as the model answer says it."""
    raw = model.text.split()
    firsts = [read(word).lemmas[:1] for word in raw]
    for phrase in model.elements.get(element, ()):
        lemmas = phrase_lemmas(phrase)
        at = next((i for i, first in enumerate(firsts) if lemmas and first == lemmas[:1]), None)
        if at is not None:
            return f" The model answer puts it like this: '...{' '.join(raw[max(0, at - 3) : at + 5])}...'"
    return f" The model answer says: '{_opening(model.text, 14)}'"


def _add_doubts(section: _Section, reading: SectionReading, doubts: list[Doubt], feedback: list[Feedback]) -> None:
    label = section.label
    kinds = (
        (reading.copied, "copied_case_text", "repeats the case cards or the case story word for word"),
        (reading.repeated, "repeated_text", "repeats something already written"),
        (reading.nonsense, "nonsense_words", "has words that make no sense in this case"),
        (reading.off_case, "off_case_text", "names nobody in this family"),
    )
    for numbers, code, what in kinds:
        if not numbers:
            continue
        which = ", ".join(str(n) for n in numbers)
        doubts.append(Doubt(code, f"The learner's {label} ({which}) {what}."))
        if code != "off_case_text":
            feedback.append(
                Feedback(
                    section.name,
                    f"Part of your {label} ({which}) {what}, so that part earns no marks. "
                    "Write what you think, in your own words, once.",
                )
            )


def _jargon_found(compiled: _Compiled, texts: list[str]) -> list[JargonEntry]:
    found: list[JargonEntry] = []
    seen: set[str] = set()
    for text in texts:
        reading = read(text)
        for entry, phrase in compiled.jargon:
            key = entry.term.lower()
            if key not in seen and reading.find(phrase):
                seen.add(key)
                found.append(entry)
    return found


# --- Scaling -----------------------------------------------------------------------------


def _score_scaling(scenario: Scenario, mapping: Mapping, case: CaseWords, feedback: list[Feedback]) -> float:
    scaling = scenario.scaling
    given = mapping.scaling_score
    span = f"{scaling.min}" if scaling.min == scaling.max else f"{scaling.min} to {scaling.max}"
    if given is None:
        feedback.append(
            Feedback("scaling", f"You did not scale the case. The model answer is {span}. {scaling.rationale}")
        )
        return 0.0
    if scaling.min <= given <= scaling.max:
        score = 100.0
    elif scaling.min - 1 <= given <= scaling.max + 1:
        score = 50.0
        feedback.append(
            Feedback(
                "scaling",
                f"You scaled it {given}, one away from the model answer ({span}), so half marks. {scaling.rationale}",
            )
        )
    else:
        score = 0.0
        feedback.append(Feedback("scaling", f"You scaled it {given}; the model answer is {span}. {scaling.rationale}"))
    reason = mapping.scaling_reason.strip()
    if score > 50.0 and not reason:
        score = 50.0
        feedback.append(
            Feedback(
                "scaling",
                "You did not say why you chose this number, so half marks at most. Say what makes it that number.",
            )
        )
    elif score > 50.0 and not says_something_about_the_case(reason, case):
        score = 50.0
        feedback.append(
            Feedback(
                "scaling",
                "Your reason says nothing about this family, so half marks at most. Say what in this case makes "
                "it safer and what still worries you.",
            )
        )
    return score


def _describe_element(name: str) -> str:
    return ELEMENT_DESCRIPTIONS.get(name, f"anything about {name.replace('_', ' ')}")


def _opening(text: str, n: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:n]) + ("..." if len(parts) > n else "")


# --- The model answer's own score ------------------------------------------------------


@dataclass(frozen=True)
class Shortfall:
    """One reason the model answer loses points, named for a file and for the admin."""

    path: str  # the key in a scenario file, e.g. "statements[0].text"
    where: str  # the same for people, e.g. "model danger statement 1"
    problem: str  # e.g. "uses 'DV', a term on the site-wide jargon list"


@dataclass(frozen=True)
class ModelAnswerCheck:
    score: int
    shortfalls: tuple[Shortfall, ...]

    @property
    def scores_100(self) -> bool:
        return not self.shortfalls

    def describe(self, *, with_keys: bool = True) -> str:
        """The score and every reason on one line; `with_keys` adds each file key (for files, not the admin)."""
        reasons = "; ".join(
            f"{s.where} ({s.path}) {s.problem}" if with_keys else f"{s.where} {s.problem}" for s in self.shortfalls
        )
        return f"the model answer would score {self.score}, not 100: {reasons}"


def check_model_answer(scenario: Scenario, jargon: tuple[JargonEntry, ...] = DEFAULT_JARGON) -> ModelAnswerCheck:
    """Score the scenario's model answer (`model_mapping`) and say where every lost point goes.

    The spec requires the model answer to score 100; a scenario whose model text
    uses jargon, reads as a list, is hard to read or does not state its own
    elements would not, so the import and the admin refuse it with these reasons.
    """
    result = score_mapping(scenario, model_mapping(scenario), jargon)
    short = {s.name for s in result.sections if s.score < 100}
    if not short:
        return ModelAnswerCheck(result.score, ())
    compiled = _compile(scenario, tuple(jargon))
    site_terms = {entry.term.lower() for entry in jargon}
    shortfalls: list[Shortfall] = []
    written = (
        ("statements", scenario.statement_label, scenario.statements, False),
        ("goals", scenario.goal_label, scenario.goals, True),
    )
    for section, label, models, goal in written:
        if section not in short:
            continue
        reading = read_section([m.text for m in models], compiled.case, MAX_WORDS_CONSIDERED)
        for index, model in enumerate(models):
            path, where = f"{section}[{index}].text", f"model {label} {index + 1}"
            text = _analyse(index + 1, model.text, reading.texts[index], index + 1 in reading.off_case)
            problems: list[str] = []
            if text.is_list:
                problems.append(
                    "reads as a list of words, not a sentence (too short, or too few words like 'the', 'and', "
                    "'will'), so it counts for nothing"
                )
            else:
                own = _credit(model, (), text, compiled.case, goal)
                if own.credit < len(model.elements):
                    problems.append(_model_problem(own, text))
            for entry in _jargon_found(compiled, [model.text]):
                source = "the site-wide jargon list" if entry.term.lower() in site_terms else "this scenario's jargon"
                problems.append(f"uses '{entry.term}', a term on {source}")
            if text.hard_to_read and not text.is_list:
                problems.append(
                    f"would be hard for a family to read (Coleman-Liau grade above {READABILITY_MAX_GRADE:g})"
                )
            shortfalls += [Shortfall(path, where, problem) for problem in problems]
    for section_result in result.sections:
        # A section that loses points for a reason not found above is still named, with its feedback.
        if section_result.name in short and not any(f.path.startswith(section_result.name) for f in shortfalls):
            lines = " ".join(f.message for f in result.feedback if f.section in {section_result.name, "language"})
            shortfalls.append(
                Shortfall(
                    section_result.name, section_result.name, f"scores {section_result.rounded}, not 100: {lines}"
                )
            )
    return ModelAnswerCheck(result.score, tuple(shortfalls))


def _model_problem(own: _Credit, text: _Text) -> str:
    found = own.cover
    if text.off_case:
        return "names none of the scenario's people, so it counts as text that fits any case"
    if found.past_only:
        return "only tells what has happened (no 'will', 'could', 'might' or 'if'), so it is capped as harm"
    if found.denied or found.absence_only:
        return "says only what will not happen, so it is capped"
    if found.strengths_only:
        return "only keeps up strengths, so it is capped"
    if not text.reading.words:
        return "repeats the case cards or another model text word for word, so it counts for nothing"
    return f"does not show {', '.join(found.missed)} in its first {MAX_WORDS_CONSIDERED} words"


def refuse_unless_model_answer_scores_100(
    scenario: Scenario, jargon: tuple[JargonEntry, ...] = DEFAULT_JARGON, name: str = "scenario.md"
) -> None:
    """Raise ScenarioFileError (one line, naming the file and each reason) unless the model answer scores 100."""
    check = check_model_answer(scenario, jargon)
    if not check.scores_100:
        raise ScenarioFileError(f"{name}: {check.describe()}")


# --- While the learner types ---------------------------------------------------------------


def text_hints(
    scenario: Scenario, section: str, text: str, jargon: tuple[JargonEntry, ...] = DEFAULT_JARGON
) -> list[str]:
    """Plain-language hints for one statement or goal while the learner types it (not a score)."""
    if not text.strip():
        return []
    compiled = _compile(scenario, tuple(jargon))
    goal = section != "statements"
    label = scenario.goal_label if goal else scenario.statement_label
    reading = read_section([text], compiled.case, MAX_WORDS_CONSIDERED)
    analysed = _analyse(1, text, reading.texts[0], bool(reading.off_case))
    hints = []
    for entry in _jargon_found(compiled, [text]):
        hints.append(f"'{entry.term}' is a professional label. {entry.plainer or 'Use words the family would use.'}")
    if analysed.hard_to_read:
        hints.append("This may be hard for the family to read. Try shorter, everyday words.")
    if analysed.too_long:
        hints.append(f"Only the first {MAX_WORDS_CONSIDERED} words count. Try to say it more briefly.")
    if len(analysed.reading.words) >= MIN_SENTENCE_WORDS and not analysed.is_list:
        models = scenario.goals if goal else scenario.statements
        found = cover(models[0], analysed.reading, compiled.case, goal=goal)
        if found.past_only or found.denied:
            hints.append(f"A {label} says what could happen next, not only what has happened.")
        if found.absence_only:
            hints.append(f"A {label} says what people will do, not only what they will stop doing.")
        if analysed.off_case:
            hints.append(f"Say who in this family you mean, by name: a {label} is about these people.")
    return hints
