"""The scoring engine: a learner's mapping against a scenario's model answer.

Pure Python (no Django), deterministic (no sets in output order, no clock),
and every point lost has a feedback line. The rules, with their thresholds,
are written out for people in docs/scenarios.md; the constants below are the
single source of those numbers.

Sections: categorisation (the sorting of case information), statements
(danger or worry statements), goals (safety or well-being goals) and scaling.
The total is the weighted sum of the section scores, rounded half up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import textstat

from scenarios.matching import find_phrase, phrase_stems, stem, words
from scenarios.scenario_file import (
    COLUMN_OF,
    Column,
    Mapping,
    ModelStatement,
    Scenario,
    ScenarioFileError,
    model_mapping,
)

# --- Thresholds (documented in docs/scenarios.md) ---------------------------------------
MAX_WORDS_CONSIDERED = 80  # words after this in one text are ignored
MIN_SENTENCE_WORDS = 5  # fewer words than this is not a statement
MIN_FUNCTION_WORD_SHARE = 0.2  # a sentence has "the", "and", "will"...; a word list has not
STUFFING_KEYWORD_SHARE = 0.8  # a text whose content words are more than this share element words is stuffed
STUFFING_MIN_CONTENT_WORDS = 10  # (short texts are judged by the sentence rule alone)
# A stuffed text counts for nothing: key words without a sentence say nothing to a family.
JARGON_DEDUCTION = 10  # points off the section for each jargon term
JARGON_MAX_DEDUCTION = 30
READABILITY_DEDUCTION = 10  # points off the section if any text is hard to read
READABILITY_MAX_GRADE = 14.0  # Coleman-Liau grade; above this families would struggle
READABILITY_MIN_WORDS = 8  # shorter texts are too short to measure
ALTERNATIVE_SIMILARITY = 0.8  # Dice similarity to a trainer-accepted alternative


@dataclass(frozen=True)
class JargonEntry:
    term: str
    plainer: str = ""


DEFAULT_JARGON: tuple[JargonEntry, ...] = (
    JargonEntry("domestic violence", "Say who hurt whom and how, for example 'Dad pushed Mum against the wall'."),
    JargonEntry("domestic abuse", "Say who hurt whom and how, for example 'Dad pushed Mum against the wall'."),
    JargonEntry("DV", "Say what happened in words the family would use, for example 'the fighting at home'."),
    JargonEntry("DA", "Say what happened in words the family would use, for example 'the fighting at home'."),
    JargonEntry("neglect", "Say what the child went without, for example 'the baby was not fed'."),
    JargonEntry("substance misuse", "Name what is used and what happens, for example 'when mum drinks'."),
    JargonEntry("non-engagement", "Say what happened, for example 'Dad did not come to the meetings'."),
    JargonEntry("disguised compliance", "Say what the parent said and what they did."),
    JargonEntry("risk of significant harm", "Say what could happen to the child, for example 'Leo could be hurt'."),
    JargonEntry("CP plan", "Say 'the plan to keep the children safe'."),
    JargonEntry("LAC", "Say 'living with foster carers' or 'in care'."),
    JargonEntry("looked after child", "Say 'living with foster carers' or 'in care'."),
    JargonEntry("parental capacity", "Say what the parent can or cannot do, for example 'get the children to school'."),
    JargonEntry("perpetrator", "Use the person's name and say what they did."),
    JargonEntry("safeguarding concerns", "Say what everyone is worried will happen."),
    JargonEntry("threshold", "Say what needs to change for the children."),
    JargonEntry("strategy discussion", "Say 'the meeting between the police and the social worker'."),
)

ELEMENT_DESCRIPTIONS: dict[str, str] = {
    "who": "who is worried",
    "behaviour": "what the adults do (or will do)",
    "child": "which child or children it is about",
    "impact": "what impact this has on the children",
    "future": "what could happen in the future if nothing changes",
    "network": "who in the family's network will help",
    "over_time": "how long or how often it must be shown",
    "checking": "how people will check and know it is happening",
}

# Everyday words that hold a sentence together. A list of keywords has none.
FUNCTION_WORDS = frozenset(
    """a an the and or but so if that this these those then than when while because as at by for from in into of
    on onto to with without about after before over under until up out off again is are was were be been being am
    has have had do does did will would can could may might must shall should wont cant dont doesnt didnt isnt
    not no he she it they we you i him her them us me his hers its their our your who what where which how
    there here all any some each every very more most much many also too just only still even""".split()
)
FUTURE_WORDS = frozenset(
    stem(w)
    for w in """will would might may could can shall again future going continue keep next if unless until risk
    likely chance wont soon""".split()
)
NEGATIONS = frozenset("not no never wont dont doesnt cant cannot stop stops stopped quit avoid without nobody".split())
# What people will *do*: a goal built only from negations and none of these
# describes the absence of harm, not the presence of safety.
DOING_WORDS = frozenset(
    stem(w)
    for w in """talk sort calm calmly stay stays keep take check tell visit call phone ring make feed walk go bring
    look care play help show use ask agree live sleep eat attend meet work plan spend put give get move leave
    collect cook clean wash read listen explain support protect settle speak share follow join manage budget pay
    see know sober safe away notice answer wake dress bath comfort praise encourage""".split()
)


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

    def section(self, name: str) -> SectionResult:
        return next(s for s in self.sections if s.name == name)

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "score": self.score,
            "passed": self.passed,
            "sections": {s.name: {"score": s.rounded, "weight": s.weight} for s in self.sections},
            "feedback": [f.to_json() for f in self.feedback],
        }


def round_half_up(value: float) -> int:
    return int(value + 0.5 + 1e-9)


# --- Compiling a scenario once --------------------------------------------------------


@dataclass(frozen=True)
class _CompiledModel:
    model: ModelStatement
    elements: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    keyword_stems: frozenset[str]
    alternatives: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class _Compiled:
    statements: tuple[_CompiledModel, ...]
    goals: tuple[_CompiledModel, ...]
    jargon: tuple[tuple[JargonEntry, tuple[str, ...]], ...]


_CACHE: dict[tuple[int, tuple[JargonEntry, ...]], tuple[Scenario, _Compiled]] = {}
_CACHE_SIZE = 64


def _compile(scenario: Scenario, jargon: tuple[JargonEntry, ...]) -> _Compiled:
    key = (id(scenario), jargon)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is scenario:
        return cached[1]
    compiled = _Compiled(
        statements=tuple(_compile_model(m) for m in scenario.statements),
        goals=tuple(_compile_model(m) for m in scenario.goals),
        jargon=tuple(
            (entry, phrase_stems(entry.term))
            for entry in (*jargon, *(JargonEntry(term) for term in scenario.jargon))
            if phrase_stems(entry.term)
        ),
    )
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (scenario, compiled)
    return compiled


def _compile_model(model: ModelStatement) -> _CompiledModel:
    elements = tuple(
        (name, tuple(p for p in (phrase_stems(w) for w in phrases) if p)) for name, phrases in model.elements.items()
    )
    keywords = frozenset(s for _, phrases in elements for p in phrases for s in p if s not in FUNCTION_WORDS)
    return _CompiledModel(
        model=model,
        elements=elements,
        keyword_stems=keywords,
        alternatives=tuple(_content_stems(a) for a in model.alternatives),
    )


def _content_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text) if w not in FUNCTION_WORDS)


# --- Learner texts --------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    number: int
    text: str
    words: tuple[str, ...]
    stems: tuple[str, ...]
    too_long: bool
    is_list: bool
    hard_to_read: bool


def _analyse(number: int, text: str) -> _Text:
    all_words = words(text)
    considered = tuple(all_words[:MAX_WORDS_CONSIDERED])
    function_share = sum(1 for w in considered if w in FUNCTION_WORDS) / len(considered) if considered else 0.0
    hard = False
    if len(all_words) >= READABILITY_MIN_WORDS:
        hard = float(textstat.coleman_liau_index(text)) > READABILITY_MAX_GRADE
    return _Text(
        number=number,
        text=text,
        words=considered,
        stems=tuple(stem(w) for w in considered),
        too_long=len(all_words) > MAX_WORDS_CONSIDERED,
        is_list=len(considered) < MIN_SENTENCE_WORDS or function_share < MIN_FUNCTION_WORD_SHARE,
        hard_to_read=hard,
    )


@dataclass(frozen=True)
class _Coverage:
    covered: tuple[str, ...]
    missed: tuple[str, ...]
    credit: float  # elements covered; none when the text is stuffed with key words
    stuffed: bool
    alternative: bool


def _coverage(model: _CompiledModel, text: _Text) -> _Coverage:
    names = tuple(name for name, _ in model.elements)
    if text.is_list:
        return _Coverage((), names, 0.0, False, False)
    if model.alternatives:
        learner = frozenset(s for w, s in zip(text.words, text.stems, strict=True) if w not in FUNCTION_WORDS)
        for alternative in model.alternatives:
            total = len(learner) + len(alternative)
            if total and 2 * len(learner & alternative) / total >= ALTERNATIVE_SIMILARITY:
                return _Coverage(names, (), float(len(names)), False, True)
    covered: list[str] = []
    missed: list[str] = []
    for name, phrases in model.elements:
        hit = any(find_phrase(text.stems, p) >= 0 for p in phrases)
        (covered if hit else missed).append(name)
    content = [s for w, s in zip(text.words, text.stems, strict=True) if w not in FUNCTION_WORDS]
    keyword_share = sum(1 for s in content if s in model.keyword_stems) / len(content) if content else 0.0
    if len(content) >= STUFFING_MIN_CONTENT_WORDS and keyword_share > STUFFING_KEYWORD_SHARE:
        return _Coverage((), names, 0.0, True, False)
    return _Coverage(tuple(covered), tuple(missed), float(len(covered)), False, False)


# --- Scoring --------------------------------------------------------------------------


def score_mapping(scenario: Scenario, mapping: Mapping, jargon: tuple[JargonEntry, ...] = DEFAULT_JARGON) -> Result:
    """Score `mapping` against `scenario`'s model answer, explaining every lost point."""
    compiled = _compile(scenario, tuple(jargon))
    feedback: list[Feedback] = []
    categorisation = _score_categorisation(scenario, mapping, feedback)
    statements = _score_written(
        "statements", scenario.statement_label, compiled.statements, mapping.statements, compiled, feedback
    )
    goals = _score_written("goals", scenario.goal_label, compiled.goals, mapping.goals, compiled, feedback)
    scaling = _score_scaling(scenario, mapping, feedback)
    weights = scenario.weights
    sections = (
        SectionResult("categorisation", categorisation, weights.categorisation),
        SectionResult("statements", statements, weights.statements),
        SectionResult("goals", goals, weights.goals),
        SectionResult("scaling", scaling, weights.scaling),
    )
    total = round_half_up(sum(s.score * s.weight for s in sections) / 100)
    total = max(0, min(100, total))
    return Result(
        scenario=scenario.slug,
        score=total,
        passed=total >= scenario.pass_mark,
        sections=sections,
        feedback=tuple(feedback),
    )


COLUMN_NAMES: dict[str, str] = {
    Column.WORRIES: "What are we worried about?",
    Column.WORKING_WELL: "What's working well?",
}


def _score_categorisation(scenario: Scenario, mapping: Mapping, feedback: list[Feedback]) -> float:
    """Full credit for the model (or an also_accept) category, half for the right column only.

    Sorting is telling the two columns apart, so when the model answer needs both
    columns and the learner put everything they placed in one of them, the section
    gets no credit at all (otherwise one column alone earns up to half the section).
    """
    one_column = _single_column(mapping)
    no_credit = one_column is not None and _model_needs_both_columns(scenario)
    if no_credit:
        feedback.append(
            Feedback(
                "categorisation",
                f"You put every card in the '{COLUMN_NAMES[one_column]}' column, so sorting gets no marks. "
                "Sorting means telling what we are worried about apart from what is working well: "
                "put each card in the column where it belongs.",
            )
        )
    credit = 0.0
    for item in scenario.items:
        given = mapping.placements.get(item.id)
        if given is not None and item.accepts(given):
            credit += 1.0
            continue
        if given is None:
            message = f"You did not place this. {item.rationale}"
        elif COLUMN_OF[given] == COLUMN_OF[item.category]:
            credit += 0.5
            message = f"Right column, wrong category (half marks). {item.rationale}"
        else:
            message = item.rationale
        feedback.append(Feedback("categorisation", message, item=item.id, given=given, expected=item.category))
    if no_credit:
        return 0.0
    return 100.0 * credit / len(scenario.items)


def _single_column(mapping: Mapping) -> Column | None:
    """The one column every placed item is in, if the learner placed any and used only one."""
    columns = {COLUMN_OF[category] for category in mapping.placements.values()}
    return columns.pop() if len(columns) == 1 else None


def _model_needs_both_columns(scenario: Scenario) -> bool:
    """Whether no single column can hold every item at full credit (also_accept counts)."""
    return not any(
        all(any(COLUMN_OF[c] == column for c in (item.category, *item.also_accept)) for item in scenario.items)
        for column in Column
    )


def _score_written(
    section: str,
    label: str,
    models: tuple[_CompiledModel, ...],
    texts: tuple[str, ...],
    compiled: _Compiled,
    feedback: list[Feedback],
) -> float:
    analysed = [_analyse(n, t) for n, t in enumerate(texts, start=1)]
    if not analysed:
        feedback.append(Feedback(section, f"You did not write a {label}."))
    for text in analysed:
        name = f"{label.capitalize()} {text.number}" if len(analysed) > 1 else f"Your {label}"
        if text.is_list:
            feedback.append(
                Feedback(
                    section,
                    f"{name} reads as a list of words, not a sentence, so it does not count. "
                    "Write it the way you would say it to the family.",
                )
            )
        if text.too_long:
            feedback.append(
                Feedback(
                    section,
                    f"{name} is longer than {MAX_WORDS_CONSIDERED} words; only the first "
                    f"{MAX_WORDS_CONSIDERED} count. Keep it short enough for the family to follow.",
                )
            )
        if text.is_list:
            continue
        if section == "statements" and not any(s in FUTURE_WORDS for s in text.stems):
            feedback.append(
                Feedback(
                    section,
                    f"{name} only talks about what has already happened: that is harm. A {label} says what "
                    "everyone is worried could happen next if nothing changes (for example: might, could, again).",
                )
            )
        if section == "goals" and _absence_only(text):
            feedback.append(
                Feedback(
                    section,
                    f"{name} only says what people will stop doing. Say what they will do instead, for example "
                    "'sort out arguments calmly, away from the children' rather than 'won't argue'.",
                )
            )

    total_elements = sum(len(m.elements) for m in models)
    credit = 0.0
    coverages = [[_coverage(model, text) for text in analysed] for model in models]
    for text in analysed:
        if any(row[text.number - 1].stuffed for row in coverages):
            feedback.append(
                Feedback(
                    section,
                    f"{label.capitalize()} {text.number} is mostly a list of key words, so it does not count. "
                    "Write one or two plain sentences that say what you mean.",
                )
            )
    for index, model in enumerate(models):
        # Ties go to the earlier text, so the result never depends on anything but the input order.
        best = max(
            coverages[index],
            key=lambda c: c.credit,
            default=_Coverage((), tuple(n for n, _ in model.elements), 0.0, False, False),
        )
        credit += best.credit
        about = ""
        if len(models) > 1:
            about = f" about the worry that {_opening(model.model.text)}" if section == "statements" else ""
            about = about or f" (model {label} {index + 1}: {_opening(model.model.text)})"
        for name in best.missed:
            examples = ", ".join(model.model.elements[name][:3])
            feedback.append(
                Feedback(
                    section,
                    f"Your {label}{about} does not say {_describe_element(name)} (for example: {examples}).",
                )
            )
    score = 100.0 * credit / total_elements if total_elements else 100.0

    deduction = 0.0
    for entry in _jargon_found(compiled, analysed):
        deduction += JARGON_DEDUCTION
        advice = entry.plainer or "Say what you mean in words the family would use."
        feedback.append(
            Feedback(
                "language",
                f"'{entry.term}' in your {label} is a professional label. {advice}",
                term=entry.term,
            )
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
    uses jargon, reads as a list or is hard to read would not, so the import and
    the admin refuse it with these reasons.
    """
    result = score_mapping(scenario, model_mapping(scenario), jargon)
    short = {s.name for s in result.sections if s.score < 100}
    if not short:
        return ModelAnswerCheck(result.score, ())
    compiled = _compile(scenario, tuple(jargon))
    site_terms = {entry.term.lower() for entry in jargon}
    shortfalls: list[Shortfall] = []
    written = (
        ("statements", scenario.statement_label, compiled.statements),
        ("goals", scenario.goal_label, compiled.goals),
    )
    for section, label, models in written:
        if section not in short:
            continue
        texts = [_analyse(n, m.model.text) for n, m in enumerate(models, start=1)]
        for index, (model, text) in enumerate(zip(models, texts, strict=True)):
            path, where = f"{section}[{index}].text", f"model {label} {index + 1}"
            problems: list[str] = []
            if text.is_list:
                problems.append(
                    "reads as a list of words, not a sentence (too short, or too few words like 'the', 'and', "
                    "'will'), so it counts for nothing"
                )
            best = max((_coverage(model, t) for t in texts), key=lambda c: c.credit)
            if not text.is_list and best.credit < len(model.elements):
                own = _coverage(model, text)
                if own.stuffed:
                    problems.append(
                        f"is more than {STUFFING_KEYWORD_SHARE:.0%} element words, so it counts for nothing"
                    )
                elif own.missed:
                    problems.append(f"does not show {', '.join(own.missed)} in its first {MAX_WORDS_CONSIDERED} words")
            for entry in _jargon_found(compiled, [text]):
                source = "the site-wide jargon list" if entry.term.lower() in site_terms else "this scenario's jargon"
                problems.append(f"uses '{entry.term}', a term on {source}")
            if text.hard_to_read and not text.is_list:
                problems.append(
                    f"would be hard for a family to read (Coleman-Liau grade above {READABILITY_MAX_GRADE:g})"
                )
            shortfalls += [Shortfall(path, where, problem) for problem in problems]
    for section in result.sections:
        # The model mapping places every item in its category and scales in range with the
        # rationale, so only the written sections lose points today. A section that loses
        # points for a reason not found above is still named, with its feedback.
        if section.name in short and not any(f.path.startswith(section.name) for f in shortfalls):
            lines = " ".join(f.message for f in result.feedback if f.section in {section.name, "language"})
            shortfalls.append(Shortfall(section.name, section.name, f"scores {section.rounded}, not 100: {lines}"))
    return ModelAnswerCheck(result.score, tuple(shortfalls))


def refuse_unless_model_answer_scores_100(
    scenario: Scenario, jargon: tuple[JargonEntry, ...] = DEFAULT_JARGON, name: str = "scenario.md"
) -> None:
    """Raise ScenarioFileError (one line, naming the file and each reason) unless the model answer scores 100."""
    check = check_model_answer(scenario, jargon)
    if not check.scores_100:
        raise ScenarioFileError(f"{name}: {check.describe()}")


def _jargon_found(compiled: _Compiled, texts: list[_Text]) -> list[JargonEntry]:
    found: list[JargonEntry] = []
    seen: set[str] = set()
    for text in texts:
        full = tuple(stem(w) for w in words(text.text))
        for entry, phrase in compiled.jargon:
            key = entry.term.lower()
            if key not in seen and find_phrase(full, phrase) >= 0:
                seen.add(key)
                found.append(entry)
    return found


def _absence_only(text: _Text) -> bool:
    if not any(w in NEGATIONS for w in text.words):
        return False
    for index, stem_ in enumerate(text.stems):
        if stem_ in DOING_WORDS:
            window = text.words[max(0, index - 2) : index]
            if not any(w in NEGATIONS for w in window):
                return False
    return True


def _score_scaling(scenario: Scenario, mapping: Mapping, feedback: list[Feedback]) -> float:
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
    if not mapping.scaling_reason.strip() and score > 50.0:
        score = 50.0
        feedback.append(
            Feedback(
                "scaling",
                "You did not say why you chose this number, so half marks at most. Say what makes it that number.",
            )
        )
    return score


def _describe_element(name: str) -> str:
    return ELEMENT_DESCRIPTIONS.get(name, f"anything about {name.replace('_', ' ')}")


def _opening(text: str, n: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:n]) + ("..." if len(parts) > n else "")


def text_hints(
    scenario: Scenario, section: str, text: str, jargon: tuple[JargonEntry, ...] = DEFAULT_JARGON
) -> list[str]:
    """Plain-language hints for one statement or goal while the learner types it (not a score)."""
    if not text.strip():
        return []
    compiled = _compile(scenario, tuple(jargon))
    label = scenario.statement_label if section == "statements" else scenario.goal_label
    analysed = _analyse(1, text)
    hints = []
    for entry in _jargon_found(compiled, [analysed]):
        hints.append(f"'{entry.term}' is a professional label. {entry.plainer or 'Use words the family would use.'}")
    if analysed.hard_to_read:
        hints.append("This may be hard for the family to read. Try shorter, everyday words.")
    if analysed.too_long:
        hints.append(f"Only the first {MAX_WORDS_CONSIDERED} words count. Try to say it more briefly.")
    if len(analysed.words) >= MIN_SENTENCE_WORDS and not analysed.is_list:
        if section == "statements" and not any(s in FUTURE_WORDS for s in analysed.stems):
            hints.append(f"A {label} says what could happen next, not only what has happened.")
        if section == "goals" and _absence_only(analysed):
            hints.append(f"A {label} says what people will do, not only what they will stop doing.")
    return hints
