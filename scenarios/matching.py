"""Matching learners' words against element words, tolerant of ordinary inflection.

Pure Python (no Django). Text is lowercased, split into words on anything that
is not a letter or digit (apostrophes inside words are dropped, so "won't" is
"wont" and "children's" is "children"), and every word is reduced to a stem
by a small suffix-stripping stemmer written for the words learners use in
statements: plurals (month/months, babies/baby), -ing and -ed
(hit/hitting, frighten/frightened, worry/worried), -ly (calm/calmly), a
silent final e (scare/scared) and a short list of irregular forms
(children/child, fought/fight). A phrase matches when its stems appear one
after another in the text. Both sides go through the same stemmer, so a
rare over-eager stem only ever makes two forms of a word match each other.

We chose this over a general stemmer library (Snowball/Porter via NLTK)
because the scoring needs no more than ordinary inflection, a dozen rules
are easy to read and test, and it keeps the engine free of a large
dependency and its data downloads; every rule here has a test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

_WORD_RE = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)*")

IRREGULAR: dict[str, str] = {
    "children": "child",
    "childs": "child",
    "men": "man",
    "women": "woman",
    "people": "person",
    "fought": "fight",
    "threw": "throw",
    "thrown": "throw",
    "hid": "hide",
    "hidden": "hide",
    "ran": "run",
    "drank": "drink",
    "drunk": "drink",
    "felt": "feel",
    "told": "tell",
    "saw": "see",
    "seen": "see",
    "kept": "keep",
    "slept": "sleep",
    "shown": "show",
    "fed": "feed",
    "made": "make",
    "said": "say",
    "paid": "pay",
    "went": "go",
    "gone": "go",
    "bit": "bite",
    "bitten": "bite",
    "broke": "break",
    "broken": "break",
    "spoke": "speak",
    "spoken": "speak",
    "stayed": "stay",
    "cried": "cry",
    "lying": "lie",
    "dying": "die",
}
_DOUBLE_OK = set("lsz")
_VOWELS = set("aeiouy")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The stem of one lowercase word (see the module docstring for the rules)."""
    word = IRREGULAR.get(word, word)
    if len(word) <= 3 or word.isdigit():
        return word
    base = word
    if base.endswith(("ies", "ied")) and len(base) > 4:
        base = base[:-3] + "y"
    elif base.endswith("ily") and len(base) > 5:
        base = base[:-3] + "y"
    elif base.endswith("ing") and len(base) > 5 and _has_vowel(base[:-3]):
        base = base[:-3]
    elif base.endswith("ed") and len(base) > 4 and _has_vowel(base[:-2]):
        base = base[:-2]
    elif base.endswith(("sses", "shes", "ches", "xes", "zes")):
        base = base[:-2]
    elif base.endswith("s") and not base.endswith(("ss", "us", "is")):
        base = base[:-1]
    elif base.endswith("ly") and len(base) > 5:
        base = base[:-2]
    # After -ing/-ed: undo a doubled final consonant (hitting -> hit).
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in _VOWELS and base[-1] not in _DOUBLE_OK:
        base = base[:-1]
    if len(base) > 3 and base.endswith("e"):
        base = base[:-1]
    return base


def _has_vowel(text: str) -> bool:
    return any(ch in _VOWELS for ch in text)


def words(text: str) -> list[str]:
    """Lowercase words, apostrophes removed ("children's" -> "children", "won't" -> "wont")."""
    found = _WORD_RE.findall(text.lower().replace("\u2019", "'"))
    out = []
    for word in found:
        if word.endswith("'s"):
            word = word[:-2]
        out.append(word.replace("'", ""))
    return out


def stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text))


@lru_cache(maxsize=4096)
def phrase_stems(phrase: str) -> tuple[str, ...]:
    return stems(phrase)


def find_phrase(text_stems: Sequence[str], phrase: Sequence[str]) -> int:
    """Index of the first place `phrase` occurs in `text_stems`, or -1."""
    n = len(phrase)
    if n == 0:
        return -1
    first = phrase[0]
    for index in range(len(text_stems) - n + 1):
        if text_stems[index] == first and tuple(text_stems[index : index + n]) == tuple(phrase):
            return index
    return -1


def contains_any(text: str, phrases: Iterable[str]) -> bool:
    text_stems = stems(text)
    return any(find_phrase(text_stems, phrase_stems(p)) >= 0 for p in phrases)
