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


# --- A scenario that lists no people: the engine reads them from its own text --------------

EXAMPLE = parse_scenario(
    (Path(__file__).resolve().parent / "fixtures" / "hollins-family.md").read_text(), "hollins-family.md"
)
GENERIC_WORRY = "We are worried the children could be hurt again and will be frightened."


def test_the_spec_example_lists_no_people_and_its_names_are_read_from_its_text():
    from scenarios.reading import derived_names, derived_roles

    assert EXAMPLE.people == ()
    assert derived_names(EXAMPLE) == ("Hollins", "Mia", "Kayleigh", "Dean", "Tyler", "Pauline")
    roles = {name[0]: role for name, role in derived_roles(EXAMPLE)}
    assert roles == {
        "hollins": "",
        "mia": "child",
        "kayleigh": "adult",
        "dean": "adult",
        "tyler": "child",
        "pauline": "network",
    }


@pytest.mark.parametrize(
    "slug", ["ahmed-family", "brennan-family", "carter-family", "hollins-family", "lewis-family", "novak-family"]
)
def test_names_read_from_a_demo_scenario_are_its_listed_people_who_recur(slug):
    """With its `people` taken away, each demo scenario gives back every listed
    person it names twice or more, with the listed role, and nobody else but
    the family's surname."""
    from scenarios.reading import _scenario_texts, derived_roles

    scenario = parse_scenario((CONTENT / f"{slug}.md").read_text(), f"{slug}.md")
    derived = dict(derived_roles(replace(scenario, people=())))
    text = " ".join(_scenario_texts(scenario))
    surname = scenario.title.split()[1].lower()
    assert {name for name, role in derived.items() if role == ""} == {(surname,)}
    for person in scenario.people:
        key = (person.name.split()[-1].lower(),)
        if text.count(person.name.split()[-1]) >= 2:
            assert derived.get(key) == person.role, person.name
        else:
            assert key not in derived
    listed = {(p.name.split()[-1].lower(),) for p in scenario.people}
    assert set(derived) - listed == {(surname,)}


def test_capitalised_words_that_are_not_names_are_not_read_as_people():
    from scenarios.reading import derived_names

    narrative = (
        "Police visited in March. The GP and the Police saw Zoë's bruises. Later, Zoë told Police about it.\n"
        "Words matter: the social worker used Words and Pictures with Zoë. On Monday, and again next Monday, "
        "Mum rang. She said Mum was tired."
    )
    scenario = replace(EXAMPLE, narrative=narrative)
    names = derived_names(scenario)
    assert "Zoë" in names
    for word in ("Police", "March", "GP", "Words", "Pictures", "Monday", "Mum", "She", "The", "Later", "On"):
        assert word not in names


def test_case_blind_text_is_off_case_on_a_scenario_that_lists_no_people():
    blind = _statement(EXAMPLE, GENERIC_WORRY)
    named = _statement(EXAMPLE, "We are worried Dean could hurt Kayleigh again and Mia will be frightened.")
    assert "off_case_text" in [d.code for d in blind.doubts]
    assert "off_case_text" not in [d.code for d in named.doubts]
    assert blind.section("statements").score < named.section("statements").score


def test_a_scaling_reason_about_the_family_is_told_from_one_that_is_not_when_no_people_are_listed():
    def scaling(reason):
        return score_mapping(EXAMPLE, replace(model_mapping(EXAMPLE), scaling_reason=reason)).section("scaling").score

    assert scaling("x") == 50
    assert scaling("Things are getting better.") == 50
    # Short, but about this family: it names people the scenario's own text names.
    assert scaling("Kayleigh is trying.") == 100
