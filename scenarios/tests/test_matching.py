"""Reading learners' words: Unicode, contractions, lemmas, whole words and phrases, clauses."""

from __future__ import annotations

import pytest

from scenarios.matching import contains_any, fold, lemma, read, words


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
        ("check", "checking"),
        ("stay", "stays"),
        ("make", "made"),
        ("feed", "feeding"),
        ("grip", "gripping"),
    ],
)
def test_it_treats_ordinary_inflections_as_the_same_word(a, b):
    assert lemma(a) == lemma(b)


@pytest.mark.parametrize(("a", "b"), [("hit", "hat"), ("mia", "mum"), ("sober", "sob"), ("may", "mat")])
def test_it_keeps_different_words_apart(a, b):
    assert lemma(a) != lemma(b)


def test_it_expands_contractions_and_drops_possessives():
    assert words("Children's services WON'T, can\u2019t!") == ["children", "services", "will", "not", "can", "not"]
    assert words("We're sure he'll come; it's late and nobody's in") == [
        "we", "are", "sure", "he", "will", "come", "it", "is", "late", "and", "nobody", "is", "in",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "folded"), [("Zoë", "zoe"), ("Siobhán", "siobhan"), ("Łukasz", "lukasz"), ("Órla", "orla")]
)
def test_names_are_read_in_unicode_with_accents_folded(name, folded):
    assert words(f"{name} is safe") == [folded, "is", "safe"]
    assert contains_any(f"We are worried about {name}.", [folded])
    assert contains_any(f"We are worried about {folded}.", [name])


def test_a_name_with_accents_is_one_word_not_split():
    assert len(words("Siobhán and Łukasz")) == 3


def test_folding_expands_contractions_in_lowercase():
    assert fold("We\u2019re WORRIED") == "we are worried"


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
        ("we're worried", ["we are worried"], True),
        ("she can't wake", ["can't wake"], True),
        ("she cannot wake", ["can't wake"], True),
        ("she can wake", ["can't wake"], False),
    ],
)
def test_it_matches_whole_words_and_phrases_only(text, phrases, expected):
    assert contains_any(text, phrases) is expected


def test_sentences_and_clauses_are_numbered_in_order():
    reading = read("Dean drinks, and he shouts. Mia hides that night")
    assert reading.sentences == (0, 0, 0, 0, 0, 1, 1, 1, 1)
    assert reading.clauses[:5] == (0, 0, 1, 1, 1) and reading.clauses[5] == 2
    assert len(reading.sentence_spans()) == 2
