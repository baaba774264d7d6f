"""How the engine reads a statement or goal: meaning, tense, the case's people, and doubts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from scenarios.domain import model_mapping
from scenarios.scenario_file import parse_scenario
from scenarios.scoring import Doubt, score_mapping

CONTENT = Path(__file__).resolve().parents[1] / "content"
CARTER = parse_scenario((CONTENT / "carter-family.md").read_text(), "carter-family.md")
HOLLINS = parse_scenario((CONTENT / "hollins-family.md").read_text(), "hollins-family.md")
BRENNAN = parse_scenario((CONTENT / "brennan-family.md").read_text(), "brennan-family.md")
GOOD = "The police are worried that Gemma will drink again until she passes out, and Jayden could be badly hurt."


def _statement(scenario, text):
    return score_mapping(scenario, replace(model_mapping(scenario), statements=(text,)))


def _goal(scenario, text):
    return score_mapping(scenario, replace(model_mapping(scenario), goals=(text,)))


def _lines(result, section):
    return [f.message for f in result.feedback if f.section == section]


def test_concise_dense_writing_gets_full_marks():
    concise = (
        "The school and the social worker are worried that Dean will hit Kayleigh when he has been drinking, "
        "and Mia and Tyler will be hurt and frightened."
    )
    assert _statement(HOLLINS, concise).section("statements").score == 100


@pytest.mark.parametrize(
    "denied",
    [
        "Nobody is worried about Gemma; she will never drink again and Jayden could not be hurt.",
        "The police are not worried that Gemma will drink again and Jayden could be hurt.",
    ],
)
def test_a_statement_that_denies_the_worry_earns_nothing(denied):
    result = _statement(CARTER, denied)
    assert result.section("statements").score == 0
    assert any("says nobody is worried or that nothing will happen" in line for line in _lines(result, "statements"))


def test_a_negation_inside_the_worry_describes_the_danger():
    result = _statement(
        CARTER, "The police are worried that Gemma will drink and cannot wake, and Jayden could get hurt."
    )
    assert result.section("statements").score == 100


def test_negation_reaches_past_the_next_two_words():
    far = "Dean will not at any point in the evening be calm with Kayleigh in front of the children."
    result = _goal(HOLLINS, far)
    assert result.section("goals").score <= 25
    assert any("only says what people will stop doing" in line for line in _lines(result, "goals"))


@pytest.mark.parametrize(
    ("text", "looks_ahead"),
    [
        ("Mia's teacher was worried because Dean hit her and she had bruises after he drank eight cans.", False),
        ("The school was worried that Dean kept drinking and Kayleigh likes wine and was willing to stay.", False),
        ("The school is worried that Dean is going to hit Kayleigh and Mia will be scared.", True),
        ("The school is worried that if Dean drinks he hits Kayleigh and Mia is scared.", True),
    ],
)
def test_tense_and_modality_come_from_the_sentence_not_from_stems(text, looks_ahead):
    result = _statement(HOLLINS, text)
    flagged = any("only talks about what has already happened" in line for line in _lines(result, "statements"))
    assert flagged is not looks_ahead
    if not looks_ahead:
        assert result.section("statements").score <= 30


def test_who_is_worried_needs_someone_said_to_be_worried():
    result = _statement(CARTER, "Gemma might drink again and Jayden could end up in hospital, hurt.")
    assert any("does not say who is worried" in line for line in _lines(result, "statements"))
    named = _statement(CARTER, "Gemma might drink again and the police think Jayden could be hurt.")
    assert not any("who is worried" in line for line in _lines(named, "statements"))


def test_pasted_case_cards_earn_nothing_and_raise_a_doubt():
    card = next(i.text for i in CARTER.items if i.id == "jayden-in-street")
    result = _statement(CARTER, card)
    assert result.section("statements").score == 0
    assert "copied_case_text" in [d.code for d in result.doubts]


def test_the_same_text_twice_counts_once_and_raises_a_doubt():
    once = score_mapping(CARTER, replace(model_mapping(CARTER), statements=(GOOD,)))
    twice = score_mapping(CARTER, replace(model_mapping(CARTER), statements=(GOOD, GOOD)))
    assert twice.section("statements").score == once.section("statements").score
    assert "repeated_text" in [d.code for d in twice.doubts]


def test_generic_case_blind_text_earns_little_and_raises_a_doubt():
    result = _statement(CARTER, "We are worried the children could be hurt again and will be frightened.")
    assert result.section("statements").score <= 20
    assert "off_case_text" in [d.code for d in result.doubts]


def test_nonsense_built_from_element_words_earns_nothing():
    nonsense = "If purple Dean could hit Mia on a sunny Tuesday, the school might be scared of the bananas."
    result = _statement(HOLLINS, nonsense)
    assert result.section("statements").score == 0
    assert "nonsense_words" in [d.code for d in result.doubts]


def test_names_in_other_spellings_and_contractions_are_understood():
    plain = _statement(BRENNAN, "The school is worried that Kieran will keep missing school to look after Siobhan.")
    accented = _statement(BRENNAN, "The school's worried that Kieran'll keep missing school to look after Siobhán.")
    assert accented.section("statements").score == plain.section("statements").score > 0


def test_a_score_near_the_pass_mark_is_a_doubt_and_the_json_carries_doubts():
    result = score_mapping(CARTER, replace(model_mapping(CARTER), goals=("Gemma will not drink.",)))
    assert result.score in range(65, 76)
    assert Doubt("near_pass_mark", result.doubts[-1].message) in result.doubts
    data = result.to_json()
    assert data["doubts"][-1]["code"] == "near_pass_mark" and "pass mark (70)" in data["doubts"][-1]["message"]


def test_the_model_answer_raises_no_doubt():
    assert score_mapping(CARTER, model_mapping(CARTER)).doubts == ()
