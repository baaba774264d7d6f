"""Reading a learner's words: Unicode tokens, contractions, lemmas, sentences and clauses.

Pure Python (no Django). Text is case-folded and accent-folded ("Zoë" reads as
"zoe", "Siobhán" as "siobhan", "Łukasz" as "lukasz"), contractions are
expanded ("we're" is "we are", "won't" is "will not"), and each word is
reduced to its dictionary form by simplemma, a maintained lemmatizer, so
"hitting" matches "hit" and "frightened" matches "frighten". A phrase matches
when its lemmas appear one after another in the text. Both sides go through
the same reading, so an author's element word and a learner's word meet in
the middle.

Tense and modality are not read from lemmas ("cans" and "kept" are not future
words): the engine reads them from the surface words of each clause.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import simplemma

from scenarios.wordlists import CLAUSE_BREAKS, CONTRACTIONS, EXTRA_FOLDS, IS_CONTRACTED

_TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[.!?;:,\n]")
_SENTENCE_ENDS = frozenset(".!?;\n")
_CLAUSE_ENDS = frozenset(",:")
_FOLD_TABLE = str.maketrans(EXTRA_FOLDS)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase, without accents, with straight apostrophes and contractions expanded."""
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'").translate(_FOLD_TABLE)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for short, long in CONTRACTIONS:
        text = text.replace(short, long)
    return text


@lru_cache(maxsize=16384)
def lemma(word: str) -> str:
    """The dictionary form of one folded word; simplemma first, then a plain -ing/-ly ending."""
    if word.isdigit():
        return word
    found = simplemma.lemmatize(word, lang="en").casefold()
    if found == word and len(word) > 5:
        # simplemma keeps nouns like "feeding" and adverbs like "calmly" as they are;
        # the element word is usually the verb or adjective ("feed", "calm").
        for ending in ("ing", "ly"):
            base = word[: -len(ending)]
            if word.endswith(ending) and simplemma.is_known(base, lang="en"):
                return simplemma.lemmatize(base, lang="en").casefold()
    return found


@dataclass(frozen=True)
class Reading:
    """One text read word by word. Parallel tuples: word i is in clause clauses[i] of sentence sentences[i]."""

    words: tuple[str, ...]
    lemmas: tuple[str, ...]
    sentences: tuple[int, ...]
    clauses: tuple[int, ...]
    that_clauses: frozenset[int]  # clauses that open with "that" (a negated clause before reaches into them)

    def __len__(self) -> int:
        return len(self.words)

    @cached_property
    def _at(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for index, lem in enumerate(self.lemmas):
            found.setdefault(lem, []).append(index)
        return found

    def find(self, phrase: tuple[str, ...]) -> list[int]:
        """Every index where the lemmas of `phrase` start in this text (an index, not a scan)."""
        if not phrase:
            return []
        starts = self._at.get(phrase[0], [])
        if len(phrase) == 1:
            return starts
        n = len(phrase)
        rest = phrase[1:]
        return [i for i in starts if self.lemmas[i + 1 : i + n] == rest]

    def sentence_spans(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        start = 0
        for i in range(1, len(self.words) + 1):
            if i == len(self.words) or self.sentences[i] != self.sentences[start]:
                spans.append((start, i))
                start = i
        return spans

    def part(self, start: int, end: int) -> Reading:
        return Reading(
            self.words[start:end],
            self.lemmas[start:end],
            self.sentences[start:end],
            self.clauses[start:end],
            self.that_clauses,
        )


def join(readings: Iterable[Reading]) -> Reading:
    """Several readings as one, sentence and clause numbers kept apart."""
    words: list[str] = []
    lemmas: list[str] = []
    sentences: list[int] = []
    clauses: list[int] = []
    that: set[int] = set()
    s_offset = c_offset = 0
    for reading in readings:
        if not reading.words:
            continue
        s_base, c_base = reading.sentences[0], reading.clauses[0]
        words += reading.words
        lemmas += reading.lemmas
        sentences += [s - s_base + s_offset for s in reading.sentences]
        clauses += [c - c_base + c_offset for c in reading.clauses]
        that |= {c - c_base + c_offset for c in reading.that_clauses if c >= c_base}
        s_offset = sentences[-1] + 1
        c_offset = clauses[-1] + 1
    return Reading(tuple(words), tuple(lemmas), tuple(sentences), tuple(clauses), frozenset(that))


@lru_cache(maxsize=2048)
def read(text: str) -> Reading:
    words: list[str] = []
    sentences: list[int] = []
    clauses: list[int] = []
    that: set[int] = set()
    sentence = clause = 0
    for token in _TOKEN_RE.findall(fold(text)):
        if token in _SENTENCE_ENDS:
            if words and sentences[-1] == sentence:
                sentence += 1
                clause += 1
            continue
        if token in _CLAUSE_ENDS:
            if words and clauses[-1] == clause:
                clause += 1
            continue
        if "'" in token:
            head, _, tail = token.partition("'")
            # "Gemma's" is Gemma; "it's" and "nobody's" are "it is" and "nobody is".
            token = head
            if tail == "s" and head in IS_CONTRACTED:
                words_here = [head, "is"]
            else:
                words_here = [head]
        else:
            words_here = [token]
        for word in words_here:
            if word in CLAUSE_BREAKS or word == "that":
                if words and clauses[-1] == clause and sentences[-1] == sentence:
                    clause += 1
                if word == "that":
                    that.add(clause)
            words.append(word)
            sentences.append(sentence)
            clauses.append(clause)
    return Reading(tuple(words), tuple(lemma(w) for w in words), tuple(sentences), tuple(clauses), frozenset(that))


def words(text: str) -> list[str]:
    """The folded words of a text ("Zoë's" -> "zoe", "won't" -> "will", "not")."""
    return list(read(text).words)


@lru_cache(maxsize=8192)
def phrase_lemmas(phrase: str) -> tuple[str, ...]:
    return read(phrase).lemmas


def find_all(lemmas: Sequence[str], phrase: Sequence[str]) -> list[int]:
    """Every index where `phrase` starts in `lemmas` (a scan; `Reading.find` for repeated lookups)."""
    n = len(phrase)
    if n == 0:
        return []
    first, rest = phrase[0], tuple(phrase[1:])
    return [i for i in range(len(lemmas) - n + 1) if lemmas[i] == first and tuple(lemmas[i + 1 : i + n]) == rest]


def contains_any(text: str, phrases: Iterable[str]) -> bool:
    reading = read(text)
    return any(reading.find(phrase_lemmas(p)) for p in phrases)
