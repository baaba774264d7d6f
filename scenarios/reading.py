"""What a learner's statement or goal says about this case: the rules a fair trainer reads by.

Pure Python (no Django). `CaseWords` is built once per scenario from its cards,
narrative, people and model answer; `read_section` turns a section's texts into
the honest sentences that may earn credit, with the doubts a trainer should see;
`cover` says which elements of one model text a learner's text states, and why
any element whose words appear did not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from scenarios.domain import Category, ModelStatement, Role, Scenario
from scenarios.matching import Reading, find_all, fold, join, phrase_lemmas, read
from scenarios.wordlists import (
    ADULT_STAND_INS,
    ANY_CASE_WORDS,
    CONDITIONALS,
    CONTINUING_WORDS,
    EVERYDAY_WORDS,
    FUNCTION_WORDS,
    FUTURE_PHRASES,
    MODAL_VERBS,
    NEGATION_PHRASES,
    NEGATION_WORDS,
    NOT_NAMES,
    NOT_NEGATIONS,
    WORRY_WORDS,
)

# --- Thresholds (documented in docs/scenarios.md) ---------------------------------------
COPY_SHINGLE = 4  # runs of this many words shared with the case cards or narrative...
COPY_SHARE = 0.5  # ...covering this share of a sentence make it copied
COPY_MIN_WORDS = 8  # shorter sentences share a few words with the case by chance ("worried about Ruby's weight")
REPEAT_SIMILARITY = 0.85  # a sentence this close to an earlier one (content words) is repeated
NONSENSE_MIN_WORDS = 2  # at least this many words foreign to the case and everyday speech...
NONSENSE_SHARE = 0.1  # ...and this share of the sentence's content words
SUSPECT_MIN_WORDS = 1  # once one box holds nonsense, one foreign word marks another sentence
CASE_REASON_MIN_WORDS = 2  # a scaling reason about the case shares this many content words with it
NAME_MIN_MENTIONS = 2  # a scenario without `people`: a capitalised word written this often may be a name
UNKNOWN_ROLE = ""  # the role of a person read from the scenario's text: named, but not known as adult or child


@dataclass(frozen=True)
class Person:
    role: str
    names: tuple[tuple[str, ...], ...]  # each name as lemmas


@dataclass(frozen=True)
class CaseWords:
    """The words of this case, read once per scenario."""

    shingles: frozenset[tuple[str, ...]]
    vocabulary: frozenset[str]  # lemmas of everything the learner was shown, and the model answer
    case_content: frozenset[str]  # content lemmas of the cards and the narrative
    strength_content: tuple[frozenset[str], ...]  # content lemmas of each strength card
    people: tuple[Person, ...]
    phrases: dict[tuple[Any, ...], dict[str, tuple[tuple[str, ...], ...]]]  # model -> element -> phrase lemmas

    @property
    def has_people(self) -> bool:
        return bool(self.people)

    def phrases_of(self, model: ModelStatement, element: str) -> tuple[tuple[str, ...], ...]:
        known = self.phrases.get(model_key(model))
        if known is not None and element in known:
            return known[element]
        return _element_phrases(model)[element]


def model_key(model: ModelStatement) -> tuple[Any, ...]:
    """A model text with its elements: two models may share a text (a goal and a statement)."""
    return (model.text, tuple(model.elements.items()))


def _element_phrases(model: ModelStatement) -> dict[str, tuple[tuple[str, ...], ...]]:
    return {name: tuple(p for p in (phrase_lemmas(w) for w in words) if p) for name, words in model.elements.items()}


_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_BEFORE_A_WORD = " \t*_#>`\"'\u201c\u2018\u201d\u2019([-\u2013\u2014\u2022"  # skipped looking back for a sentence end
_SENTENCE_STARTS = ".!?:;\n"


def _scenario_texts(scenario: Scenario) -> list[str]:
    return [
        scenario.title,
        scenario.summary,
        scenario.narrative,
        *(text for item in scenario.items for text in (item.text, item.rationale)),
        *(m.text for m in (*scenario.statements, *scenario.goals)),
        scenario.scaling.question,
        scenario.scaling.rationale,
        *scenario.next_steps,
        *scenario.bottom_lines,
    ]


def derived_names(scenario: Scenario) -> tuple[str, ...]:
    """The case's people read from its own text, for a scenario that does not list them.

    A name is a capitalised word (not an acronym such as "GP") that the scenario
    writes at least twice, at least once inside a sentence (so "The" and "She"
    at the start of one never qualify), never in lower case (so "Words and
    Pictures" is not a name when "words" appears elsewhere), and that is not a
    calendar word, title, agency or what any family calls its own ("Mum").
    A possessive is read as the name ("Kayleigh's" is Kayleigh). In order of
    first mention, so the same file always gives the same names.
    """
    capitalised: dict[str, int] = {}
    inside: dict[str, int] = {}
    lower: set[str] = set()
    spelled: dict[str, str] = {}
    for text in _scenario_texts(scenario):
        for match in _WORD_RE.finditer(text):
            word = match.group()
            if word[-2:] in ("'s", "\u2019s"):
                word = word[:-2]
            key = fold(word)
            if not word[0].isupper():
                lower.add(key)
                continue
            if len(word) < 2 or word.isupper():
                continue
            spelled.setdefault(key, word)
            capitalised[key] = capitalised.get(key, 0) + 1
            before = match.start() - 1
            while before >= 0 and text[before] in _BEFORE_A_WORD:
                before -= 1
            if before >= 0 and text[before] not in _SENTENCE_STARTS:
                inside[key] = inside.get(key, 0) + 1
    return tuple(
        spelled[key]
        for key, count in capitalised.items()
        if count >= NAME_MIN_MENTIONS and inside.get(key) and key not in lower and key not in NOT_NAMES
    )


def _people(scenario: Scenario) -> tuple[Person, ...]:
    """The listed people, or when the scenario lists none, the names its own text uses."""
    if scenario.people:
        return tuple(
            Person(p.role, tuple(n for n in (phrase_lemmas(name) for name in p.names) if n)) for p in scenario.people
        )
    return tuple(Person(role, (name,)) for name, role in derived_roles(scenario))


def derived_roles(scenario: Scenario) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each derived name (as lemmas) with the role the author's own element lists give it.

    A name among the words of a model's `child` element is a child, of its
    `network` element a network person ("adeyemi" in "mrs adeyemi"); a name in the title ("The Hollins family") is the family's
    name, not one person's; any other name is an adult of the case, so behaviour
    is tied to the adults as it is when `people` lists them.
    """
    listed: dict[str, set[str]] = {Role.CHILD: set(), Role.NETWORK: set()}
    for model in (*scenario.statements, *scenario.goals):
        for element, listed_role in (("child", Role.CHILD), ("network", Role.NETWORK)):
            listed[listed_role] |= {lem for word in model.elements.get(element, ()) for lem in phrase_lemmas(word)}
    title = set(read(scenario.title).lemmas)
    out: list[tuple[tuple[str, ...], str]] = []
    for name in derived_names(scenario):
        lemmas = phrase_lemmas(name)
        if not lemmas:
            continue
        role: str
        if set(lemmas) <= listed[Role.CHILD]:
            role = Role.CHILD
        elif set(lemmas) <= listed[Role.NETWORK]:
            role = Role.NETWORK
        elif set(lemmas) <= title:
            role = UNKNOWN_ROLE
        else:
            role = Role.ADULT
        out.append((lemmas, role))
    return tuple(out)


def case_words(scenario: Scenario) -> CaseWords:
    shown = [item.text for item in scenario.items] + [scenario.narrative, scenario.summary]
    shingles: set[tuple[str, ...]] = set()
    for text in shown:
        lemmas = read(text).lemmas
        shingles |= {lemmas[i : i + COPY_SHINGLE] for i in range(len(lemmas) - COPY_SHINGLE + 1)}
    everything = [
        *shown,
        *(item.rationale for item in scenario.items),
        *(m.text for m in (*scenario.statements, *scenario.goals)),
        *(w for m in (*scenario.statements, *scenario.goals) for ws in m.elements.values() for w in ws),
        *(a for m in (*scenario.statements, *scenario.goals) for a in m.alternatives),
        scenario.scaling.question,
        scenario.scaling.rationale,
        *scenario.next_steps,
        *scenario.bottom_lines,
        *(n for p in scenario.people for n in p.names),
    ]
    vocabulary = {lem for text in everything for lem in read(text).lemmas}
    return CaseWords(
        shingles=frozenset(shingles),
        vocabulary=frozenset(vocabulary | EVERYDAY_WORDS),
        case_content=frozenset(lem for text in shown for lem in _content(read(text))),
        strength_content=tuple(
            frozenset(_content(read(item.text))) for item in scenario.items if item.category == Category.STRENGTH
        ),
        people=_people(scenario),
        phrases={model_key(m): _element_phrases(m) for m in (*scenario.statements, *scenario.goals)},
    )


def _content(reading: Reading) -> list[str]:
    return [lem for w, lem in zip(reading.words, reading.lemmas, strict=True) if _is_content(w, lem)]


def _is_content(word: str, lem: str) -> bool:
    return word not in FUNCTION_WORDS and lem not in FUNCTION_WORDS and len(word) > 2 and not word.isdigit()


# --- A section's texts: the honest sentences ---------------------------------------------


@dataclass(frozen=True)
class SectionReading:
    texts: tuple[Reading, ...]  # per learner text, only its honest sentences
    copied: tuple[int, ...] = ()  # numbers (from 1) of texts with copied sentences
    repeated: tuple[int, ...] = ()
    nonsense: tuple[int, ...] = ()
    off_case: tuple[int, ...] = ()
    raw: tuple[Reading, ...] = field(default_factory=tuple)  # everything the learner wrote


def read_section(texts: Iterable[str], case: CaseWords, limit: int, *, suspect: bool = False) -> SectionReading:
    """Each text's honest sentences: not copied from the case, not repeated, not nonsense.

    `suspect` is set when another box of the same mapping already holds nonsense:
    a learner who pads one answer with nonsense gets no benefit of the doubt in the next.
    """
    kept: list[Reading] = []
    raw: list[Reading] = []
    copied: list[int] = []
    repeated: list[int] = []
    nonsense: list[int] = []
    off_case: list[int] = []
    seen: list[frozenset[str]] = []
    for number, text in enumerate(texts, start=1):
        reading = read(text)
        reading = reading.part(0, min(len(reading), limit))
        raw.append(reading)
        honest: list[Reading] = []
        for start, end in reading.sentence_spans():
            sentence = reading.part(start, end)
            content = frozenset(_content(sentence))
            if _is_copied(sentence, case):
                copied.append(number)
                continue
            if content and any(_similar(content, earlier) for earlier in seen):
                repeated.append(number)
                continue
            seen.append(content)
            if _is_nonsense(sentence, case, suspect=suspect):
                nonsense.append(number)
                continue
            honest.append(sentence)
        text_reading = join(honest)
        if case.has_people and text_reading.words and _case_blind(text_reading, case):
            off_case.append(number)
        kept.append(text_reading)
    return SectionReading(
        texts=tuple(kept),
        copied=_unique(copied),
        repeated=_unique(repeated),
        nonsense=_unique(nonsense),
        off_case=_unique(off_case),
        raw=tuple(raw),
    )


def _unique(numbers: list[int]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(numbers))


def _is_copied(sentence: Reading, case: CaseWords) -> bool:
    lemmas = sentence.lemmas
    if len(lemmas) < COPY_MIN_WORDS:
        return False
    covered = [False] * len(lemmas)
    for i in range(len(lemmas) - COPY_SHINGLE + 1):
        if lemmas[i : i + COPY_SHINGLE] in case.shingles:
            for j in range(i, i + COPY_SHINGLE):
                covered[j] = True
    return sum(covered) / len(lemmas) >= COPY_SHARE


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) / len(a | b) >= REPEAT_SIMILARITY


def _is_nonsense(sentence: Reading, case: CaseWords, *, suspect: bool = False) -> bool:
    content = [(w, lem) for w, lem in zip(sentence.words, sentence.lemmas, strict=True) if _is_content(w, lem)]
    foreign = [w for w, lem in content if lem not in case.vocabulary and w not in case.vocabulary]
    if suspect:
        return len(foreign) >= SUSPECT_MIN_WORDS
    return len(foreign) >= NONSENSE_MIN_WORDS and len(foreign) / len(content) >= NONSENSE_SHARE


def _case_blind(reading: Reading, case: CaseWords) -> bool:
    """Names nobody in the case and says nothing from its cards beyond words that fit any case."""
    if names_someone(reading, case):
        return False
    return not (set(_content(reading)) & case.case_content) - ANY_CASE_WORDS


def names_someone(reading: Reading, case: CaseWords, roles: Iterable[str] = ()) -> bool:
    wanted = set(roles)
    return any(
        reading.find(name) for person in case.people if not wanted or person.role in wanted for name in person.names
    )


# --- Negation and tense ------------------------------------------------------------------


def negated_positions(reading: Reading, keep: Iterable[tuple[int, int]] = ()) -> frozenset[int]:
    """Word positions a negation reverses.

    A cue ("not", "never", "nobody", "no longer"...) reverses its whole clause, and
    when it denies a worry ("nobody is worried that...") the rest of the sentence.
    A cue inside the worry ("worried that Ruby will not get enough milk") describes
    the danger rather than denying it, so it reverses nothing. Cues inside `keep`
    spans (an element phrase such as "cannot wake") are part of what is said.
    """
    kept = {i for start, end in keep for i in range(start, end)}
    skip: set[int] = set()
    for phrase in NOT_NEGATIONS:
        for start in reading.find(phrase):
            skip |= set(range(start, start + len(phrase)))
    cues = [i for i, w in enumerate(reading.words) if w in NEGATION_WORDS]
    for phrase in NEGATION_PHRASES:
        cues += find_all(reading.words, phrase)
    out: set[int] = set()
    for cue in sorted(set(cues)):
        if cue in kept or cue in skip:
            continue
        sentence, clause = reading.sentences[cue], reading.clauses[cue]
        before = range(cue - 1, -1, -1)
        if any(reading.sentences[i] == sentence and reading.words[i] in WORRY_WORDS for i in before):
            continue
        after_worry = any(
            reading.sentences[i] == sentence and reading.words[i] in WORRY_WORDS for i in range(cue + 1, len(reading))
        )
        for i in range(len(reading)):
            if reading.sentences[i] != sentence:
                continue
            if reading.clauses[i] == clause or (after_worry and i > cue):
                out.add(i)
            elif i > cue and reading.clauses[i] in reading.that_clauses and _follows(reading, clause, i):
                out.add(i)
    return frozenset(out)


def _follows(reading: Reading, clause: int, index: int) -> bool:
    """Whether the clauses between `clause` and word `index` all open with "that"."""
    return all(c in reading.that_clauses for c in range(clause + 1, reading.clauses[index] + 1))


def future_clauses(reading: Reading, negated: frozenset[int]) -> tuple[bool, bool]:
    """(looks ahead outside a negation, looks ahead only inside one) for one text.

    A clause looks ahead when it has a modal verb, "going to", "in the future" or
    similar, or is a condition ("if", "unless"): read from the words as written.
    """
    ahead: set[int] = set()
    for i, word in enumerate(reading.words):
        if word in MODAL_VERBS or word in CONDITIONALS:
            ahead.add(i)
    for phrase in FUTURE_PHRASES:
        for start in find_all(reading.words, phrase):
            ahead.add(start)
    free = any(i not in negated for i in ahead)
    return free, bool(ahead) and not free


# --- Covering a model text's elements ------------------------------------------------------


class Why:
    """Why an element whose words appear in the text did not count (feedback reasons)."""

    NEGATED = "negated"
    NOT_WORRIED = "not_worried"
    NOT_AHEAD = "not_ahead"
    NO_ADULT = "no_adult"


@dataclass(frozen=True)
class Cover:
    covered: tuple[str, ...]
    missed: tuple[str, ...]
    why: dict[str, str]  # element -> Why, for missed elements whose words are in the text
    past_only: bool = False
    denied: bool = False
    absence_only: bool = False
    strengths_only: bool = False

    @property
    def credit(self) -> float:
        return float(len(self.covered))


def cover(model: ModelStatement, reading: Reading, case: CaseWords, *, goal: bool) -> Cover:
    matches = {
        name: [(s, s + len(p)) for p in case.phrases_of(model, name) for s in reading.find(p)]
        for name, phrases in model.elements.items()
    }
    spans = [span for found in matches.values() for span in found]
    negated = negated_positions(reading, spans)
    ahead, ahead_only_negated = future_clauses(reading, negated)
    adults = _adult_sentences(reading, case)
    worried_sentences = {
        reading.sentences[i] for i, w in enumerate(reading.words) if w in WORRY_WORDS and i not in negated
    }
    covered: list[str] = []
    missed: list[str] = []
    why: dict[str, str] = {}
    for name in model.elements:
        if name == "future" and not goal:
            if ahead:
                covered.append(name)
            else:
                missed.append(name)
                if matches[name] or ahead_only_negated:
                    why[name] = Why.NEGATED if ahead_only_negated else Why.NOT_AHEAD
            continue
        free = [(s, e) for s, e in matches[name] if not any(i in negated for i in range(s, e))]
        if name == "behaviour" and adults is not None:
            free = [(s, e) for s, e in free if reading.sentences[s] in adults]
            if not free and matches[name]:
                missed.append(name)
                why[name] = Why.NO_ADULT
                continue
        if name == "who" and not goal:
            stated = [(s, e) for s, e in free if reading.sentences[s] in worried_sentences or _has_worry(reading, s, e)]
            if stated:
                covered.append(name)
            else:
                missed.append(name)
                if free:
                    why[name] = Why.NOT_WORRIED
                elif matches[name]:
                    why[name] = Why.NEGATED
            continue
        if free:
            covered.append(name)
        else:
            missed.append(name)
            if matches[name]:
                why[name] = Why.NEGATED
    past_only = not goal and not ahead and not ahead_only_negated and bool(reading.words)
    denied = not goal and ahead_only_negated
    absence_only = goal and "behaviour" in missed and bool(negated)
    strengths_only = goal and "behaviour" in missed and not absence_only and _keeps_strengths(reading, case)
    return Cover(tuple(covered), tuple(missed), why, past_only, denied, absence_only, strengths_only)


def _adult_sentences(reading: Reading, case: CaseWords) -> set[int] | None:
    """Sentences about one of the case's adults: named, or "he", "someone", "the parents" and the like.

    None when the scenario does not list its people: then behaviour is not tied to anyone.
    """
    adults = [person for person in case.people if person.role == Role.ADULT]
    if not adults:
        return None
    named: set[int] = set()
    for person in adults:
        for name in person.names:
            named |= {reading.sentences[i] for i in reading.find(name)}
    named |= {reading.sentences[i] for i, w in enumerate(reading.words) if w in ADULT_STAND_INS}
    return named


def _has_worry(reading: Reading, start: int, end: int) -> bool:
    return any(w in WORRY_WORDS for w in reading.words[start:end])


def _keeps_strengths(reading: Reading, case: CaseWords) -> bool:
    """Whether every clause with a verb of the future only keeps up a strength card."""
    clauses: dict[int, list[int]] = {}
    for i in range(len(reading)):
        clauses.setdefault(reading.clauses[i], []).append(i)
    keeping = 0
    for positions in clauses.values():
        words = [reading.words[i] for i in positions]
        if not any(w in CONTINUING_WORDS for w in words):
            if any(w in MODAL_VERBS for w in words) and len(positions) > 3:
                return False
            continue
        content = {reading.lemmas[i] for i in positions if _is_content(reading.words[i], reading.lemmas[i])}
        if any(len(content & strength) >= 1 for strength in case.strength_content):
            keeping += 1
    return keeping >= 1


def says_something_about_the_case(text: str, case: CaseWords) -> bool:
    """A scaling reason about this case names its people or shares words with its cards."""
    reading = read(text)
    if names_someone(reading, case):
        return True
    return len((set(_content(reading)) & case.case_content) - ANY_CASE_WORDS) >= CASE_REASON_MIN_WORDS


__all__ = [
    "CaseWords",
    "Cover",
    "Role",
    "SectionReading",
    "Why",
    "case_words",
    "cover",
    "derived_names",
    "names_someone",
    "read_section",
    "says_something_about_the_case",
]
