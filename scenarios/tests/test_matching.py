"""The word matcher: whole words, any case, no punctuation, ordinary inflection."""

from __future__ import annotations

import pytest

from scenarios.matching import contains_any, stem, words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hit", "hitting"),
        ("hit", "hits"),
        ("frighten", "frightened"),
        ("frighten", "frightening"),
        ("month", "months"),
        ("worry", "worried"),
        ("worry", "worries"),
        ("calm", "calmly"),
        ("scare", "scared"),
        ("push", "pushes"),
        ("baby", "babies"),
        ("child", "children"),
        ("fight", "fought"),
        ("drink", "drunk"),
        ("check", "checking"),
        ("stay", "stays"),
        ("make", "made"),
        ("week", "weekly"),
    ],
)
def test_it_treats_ordinary_inflections_as_the_same_word(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("hit", "hat"), ("mia", "mum"), ("sober", "sob"), ("may", "mat")])
def test_it_keeps_different_words_apart(a, b):
    assert stem(a) != stem(b)


def test_it_drops_possessives_and_apostrophes():
    assert words("Children's services WON'T, can\u2019t!") == ["children", "services", "wont", "cant"]


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        ("Dean might be HITTING Kayleigh", ["hit"], True),
        ("the children's services team", ["children's services"], True),
        ("Pauline will stay away from the flat", ["stay away"], True),
        ("Pauline will stay, then go away", ["stay away"], False),
        ("a white shirt", ["hit"], False),
        ("mum is frightened.", ["frighten"], True),
        ("for six months", ["month"], True),
    ],
)
def test_it_matches_whole_words_and_phrases_only(text, phrases, expected):
    assert contains_any(text, phrases) is expected
