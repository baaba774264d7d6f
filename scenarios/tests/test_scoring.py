"""The scoring engine: the spec's rules, the platform's own rules, and its invariants."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenarios.scenario_file import CATEGORIES, COLUMN_OF, Mapping, model_mapping, parse_mapping, parse_scenario
from scenarios.scoring import DEFAULT_JARGON, JargonEntry, score_mapping
from scenarios.tests.conftest import EXAMPLE_MAPPING, load_example

CONTENT = Path(__file__).resolve().parents[1] / "content"
HOLLINS = load_example()
GOOD_STATEMENT = HOLLINS.statements[0].text
GOOD_GOAL = HOLLINS.goals[0].text


def _answer(**changes) -> Mapping:
    return replace(model_mapping(HOLLINS), **changes)


def _messages(result, section=None):
    return [f.message for f in result.feedback if section is None or f.section == section]


def _scenario_files() -> list[Path]:
    return sorted(CONTENT.glob("*.md")) + [Path(__file__).parent / "fixtures" / "hollins-family.md"]


@pytest.mark.parametrize("path", _scenario_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_model_answer_scores_100_on_every_scenario(path):
    scenario = parse_scenario(path.read_text(), path.name)
    result = score_mapping(scenario, model_mapping(scenario))
    assert result.score == 100, result.to_json()["feedback"]
    assert result.passed
    assert result.feedback == ()


def test_the_worked_example_mapping_gets_a_lower_explained_score():
    mapping = parse_mapping(EXAMPLE_MAPPING.read_text(), HOLLINS)
    result = score_mapping(HOLLINS, mapping).to_json()
    # 12 items: 9 right, gran-nearby and programme half (right column), kayleigh-minimises none;
    # 6 of the 7 worry cards in their column, so the card credit (83%) is multiplied by 6/7.
    assert result["sections"]["categorisation"] == {"score": 71, "weight": 40}
    assert result["sections"]["statements"] == {"score": 100, "weight": 25}
    assert result["sections"]["goals"] == {"score": 100, "weight": 25}
    assert result["sections"]["scaling"] == {"score": 100, "weight": 10}
    assert result["score"] == 89 and result["passed"] is True
    lines = {(f["item"], f["given"], f["expected"]) for f in result["feedback"] if "item" in f}
    assert lines == {
        ("kayleigh-minimises", "strength", "complicating_factor"),
        ("gran-nearby", "safety", "strength"),
        ("programme", "safety", "strength"),
    }
    programme = next(f for f in result["feedback"] if f["item"] == "programme")
    assert programme["message"].startswith(
        "You put 'Since the last incident Dean has gone to...' under Existing safety"
    )
    assert "Right column, wrong category (half marks): it belongs under Strength" in programme["message"]
    wrong = next(f for f in result["feedback"] if f.get("item") == "kayleigh-minimises")
    assert "under Strength. Wrong column (no marks)" in wrong["message"]
    assert "belongs under Complicating factor in the 'What are we worried about?' column" in wrong["message"]


def test_the_result_has_exactly_the_spec_shape():
    result = score_mapping(HOLLINS, parse_mapping(EXAMPLE_MAPPING.read_text(), HOLLINS)).to_json()
    assert list(result) == ["scenario", "score", "passed", "sections", "feedback", "doubts"]
    assert list(result["sections"]) == ["categorisation", "statements", "goals", "scaling"]
    assert set(result["feedback"][0]) == {"section", "item", "given", "expected", "message"}
    json.dumps(result)


@pytest.mark.parametrize(
    ("item", "given", "credit", "telling_apart"),
    [
        ("programme", "strength", 1.0, 1.0),
        ("programme", "safety", 0.5, 1.0),
        # Hollins has 7 worry cards and 5 working-well cards. A card in the wrong column
        # earns nothing and its column's share right drops (4 of 5); a card not placed
        # earns nothing and counts as half right (4.5 of 5).
        ("programme", "harm", 0.0, 4 / 5),
        ("programme", None, 0.0, 4.5 / 5),
        ("drinking", "harm", 0.5, 1.0),
        ("drinking", "strength", 0.0, 6 / 7),
    ],
)
def test_categorisation_gives_full_half_or_no_credit_times_how_well_the_columns_are_told_apart(
    item, given, credit, telling_apart
):
    placements = dict(model_mapping(HOLLINS).placements)
    if given is None:
        del placements[item]
    else:
        placements[item] = given
    result = score_mapping(HOLLINS, _answer(placements=placements))
    expected = 100 * (len(HOLLINS.items) - 1 + credit) / len(HOLLINS.items) * telling_apart
    assert result.section("categorisation").score == pytest.approx(expected)


def test_an_also_accept_category_gets_full_credit():
    items = tuple(replace(i, also_accept=("safety",)) if i.id == "programme" else i for i in HOLLINS.items)
    scenario = replace(HOLLINS, items=items)
    placements = {**model_mapping(HOLLINS).placements, "programme": "safety"}
    assert score_mapping(scenario, _answer(placements=placements)).section("categorisation").score == 100


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.md")), ids=lambda p: p.stem)
@pytest.mark.parametrize("category", CATEGORIES)
def test_every_item_in_one_category_cannot_score_well(category, path):
    # The model statements, goals and scale are kept: only the sorting is gamed.
    scenario = parse_scenario(path.read_text(), path.name)
    mapping = replace(model_mapping(scenario), placements={i.id: category for i in scenario.items})
    result = score_mapping(scenario, mapping)
    assert result.section("categorisation").score == 0
    assert not result.passed and result.score < scenario.pass_mark
    why = [f.message for f in result.feedback if f.section == "categorisation" and f.item is None]
    assert len(why) == 1 and "so sorting gets no marks" in why[0]
    assert "telling what we are worried about apart from what is working well" in why[0]


@pytest.mark.parametrize("column", ["harm", "strength"])
def test_every_card_in_one_column_but_one_still_earns_little_for_sorting(column):
    # Whichever single card is moved to its own column, the sorting has not told the columns apart.
    for moved in HOLLINS.items:
        placements = {i.id: column for i in HOLLINS.items} | {moved.id: moved.category}
        result = score_mapping(HOLLINS, _answer(placements=placements))
        assert result.section("categorisation").score < 15, moved.id


def test_a_card_in_the_wrong_column_costs_more_than_leaving_it_out():
    placements = dict(model_mapping(HOLLINS).placements)
    wrong = score_mapping(HOLLINS, _answer(placements=placements | {"drinking": "strength"}))
    left_out = score_mapping(HOLLINS, _answer(placements={k: v for k, v in placements.items() if k != "drinking"}))
    assert wrong.section("categorisation").score < left_out.section("categorisation").score < 100
    line = next(m for m in _messages(wrong, "categorisation") if "multiplied by" in m)
    assert "6 of the 7 'What are we worried about?' cards" in line and "multiplied by 86%" in line


def test_one_column_is_fine_when_the_model_answer_itself_uses_one_column():
    # Every item also accepted as a worry: the model answer needs only that column.
    items = tuple(replace(i, also_accept=("complicating_factor",)) for i in HOLLINS.items)
    scenario = replace(HOLLINS, items=items)
    placements = {i.id: i.category if COLUMN_OF[i.category] == "worries" else "complicating_factor" for i in items}
    result = score_mapping(scenario, _answer(placements=placements))
    assert result.section("categorisation").score == 100 and result.feedback == ()


@pytest.mark.parametrize(
    ("score", "reason", "expected"),
    [
        (3, "Twice Kayleigh took them to Pauline's.", 100),
        (5, "Twice Kayleigh took them to Pauline's.", 100),
        (2, "Twice Kayleigh took them to Pauline's.", 50),
        (6, "Twice Kayleigh took them to Pauline's.", 50),
        (1, "Twice Kayleigh took them to Pauline's.", 0),
        (9, "Twice Kayleigh took them to Pauline's.", 0),
        (4, "", 50),
        (2, "", 50),
        (4, "x", 50),
        (4, ".", 50),
        (4, "Things are getting better and it is going well.", 50),
        (None, "", 0),
    ],
)
def test_scaling_is_full_only_in_range_with_a_reason_about_this_case(score, reason, expected):
    result = score_mapping(HOLLINS, _answer(scaling_score=score, scaling_reason=reason))
    assert result.section("scaling").score == expected


@pytest.mark.parametrize(
    ("statement", "missing"),
    [
        ("Dean might hit Kayleigh again and Mia could be frightened.", ["who is worried"]),
        (
            "The social worker is worried that Dean might hit Kayleigh again.",
            ["which child", "what it would do to the children"],
        ),
        ("The police are worried Mia will be scared when the adults shout again.", []),
    ],
)
def test_each_missing_element_of_a_statement_is_named_with_examples(statement, missing):
    result = score_mapping(HOLLINS, _answer(statements=(statement,)))
    lines = _messages(result, "statements")
    assert len(lines) == len(missing)
    for line, part in zip(lines, missing, strict=True):
        assert part in line and "The model answer puts it like this: '..." in line
    assert result.section("statements").score == pytest.approx(100 * (5 - len(missing)) / 5)


def test_a_danger_statement_only_about_the_past_is_flagged_as_harm():
    result = score_mapping(HOLLINS, _answer(statements=("The police saw that Dean hit Kayleigh and Mia was scared.",)))
    assert any("only talks about what has already happened: that is harm" in m for m in _messages(result))
    assert result.section("statements").score <= 30


@pytest.mark.parametrize(
    ("goal", "flagged"),
    [
        ("Dean won't argue with Kayleigh in front of Mia and Tyler.", True),
        ("Dean will not drink and will not shout at the children.", True),
        ("Dean will stop shouting at Kayleigh when the children are home.", True),
        ("Dean will not drink and will stay at his brother's house when Pauline says so.", False),
        (GOOD_GOAL, False),
    ],
)
def test_a_goal_only_about_stopping_behaviour_is_flagged(goal, flagged):
    result = score_mapping(HOLLINS, _answer(goals=(goal,)))
    assert any("only says what people will stop doing" in m for m in _messages(result)) is flagged


@pytest.mark.parametrize(
    ("statement", "terms"),
    [
        ("The social worker is worried about DV and that Mia might be scared again.", ["DV"]),
        ("We are worried about domestic abuse and neglect: Mia could be hurt again.", ["domestic abuse", "neglect"]),
        ("We are worried the perpetrator might hurt Mia and she could be scared.", ["perpetrator"]),
    ],
)
def test_each_jargon_term_costs_points_and_gets_a_plainer_alternative(statement, terms):
    clean = score_mapping(HOLLINS, _answer(statements=(statement.replace(terms[0], "fighting"),)))
    result = score_mapping(HOLLINS, _answer(statements=(statement,)))
    language = [f for f in result.feedback if f.section == "language"]
    assert [f.term for f in language] == terms
    assert all("professional label" in f.message for f in language)
    assert (
        result.section("statements").score < clean.section("statements").score or clean.section("statements").score == 0
    )


def test_the_site_wide_jargon_list_is_passed_in_as_plain_data():
    statement = "The social worker is worried Dean might hurt Mia again, because of his wobbliness, and she is scared."
    assert not [f for f in score_mapping(HOLLINS, _answer(statements=(statement,))).feedback if f.term]
    jargon = (*DEFAULT_JARGON, JargonEntry("wobbliness", "Say what he does."))
    found = [f for f in score_mapping(HOLLINS, _answer(statements=(statement,)), jargon).feedback if f.term]
    assert [(f.term, "Say what he does." in f.message) for f in found] == [("wobbliness", True)]


def test_hard_to_read_text_loses_points():
    statement = (
        "The professionals are anxious that considerable psychological deterioration will affect Mia "
        "if the interpersonal altercations continue unaddressed."
    )
    result = score_mapping(HOLLINS, _answer(statements=(statement,)))
    assert any("hard for the family to read" in m for m in _messages(result, "language"))


ELEMENT_WORDS = [w for s in HOLLINS.statements for ws in s.elements.values() for w in ws]
GOAL_WORDS = [w for g in HOLLINS.goals for ws in g.elements.values() for w in ws]


@pytest.mark.parametrize(
    ("statement", "goal"),
    [
        (" ".join(ELEMENT_WORDS), " ".join(GOAL_WORDS)),
        ("The " + " and the ".join(ELEMENT_WORDS), "The " + " and the ".join(GOAL_WORDS)),
        ("We are worried that " + ", ".join(ELEMENT_WORDS[:30]), "We will see " + ", ".join(GOAL_WORDS[:30])),
        ("social worker hit Mia frightened again", "Pauline calm Mia every month check"),
    ],
)
def test_pasting_the_element_words_does_not_score_well(statement, goal):
    # Even with every item in the right place and a good scale: word lists count for nothing.
    result = score_mapping(HOLLINS, _answer(statements=(statement,), goals=(goal,)))
    assert result.section("statements").score == 0
    assert result.section("goals").score == 0
    assert result.score <= 50 and not result.passed
    assert any("does not count" in m for m in _messages(result))


def test_only_the_first_80_words_of_a_statement_count():
    padding = "and the family talked about it for a long while " * 9
    result = score_mapping(HOLLINS, _answer(statements=(padding + GOOD_STATEMENT,)))
    assert result.section("statements").score < 100
    assert any("longer than 80 words" in m for m in _messages(result))


def test_each_model_statement_takes_the_learner_statement_that_covers_it_best():
    weak = "Dean might hit Kayleigh again."
    result = score_mapping(HOLLINS, _answer(statements=(weak, GOOD_STATEMENT)))
    assert result.section("statements").score == 100


def test_an_accepted_alternative_counts_as_the_model_answer():
    alternative = "Mum's friends worry that the shouting at home may carry on and upset the little ones at night."
    before = score_mapping(HOLLINS, _answer(statements=(alternative,)))
    models = (replace(HOLLINS.statements[0], alternatives=(alternative,)),)
    after = score_mapping(replace(HOLLINS, statements=models), _answer(statements=(alternative,)))
    assert before.section("statements").score < 100
    assert after.section("statements").score == 100


def test_the_early_help_labels_are_used_in_feedback():
    scenario = replace(HOLLINS, framework="early_help")
    result = score_mapping(scenario, _answer(statements=(), goals=()))
    messages = " ".join(_messages(result))
    assert "worry statement" in messages and "well-being goal" in messages
    assert "danger statement" not in messages and "safety goal" not in messages


# --- Invariants -------------------------------------------------------------------------

placements = st.dictionaries(st.sampled_from([i.id for i in HOLLINS.items]), st.sampled_from(CATEGORIES))
texts = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.lists(st.sampled_from(ELEMENT_WORDS + GOAL_WORDS + ["the", "and", "will", "DV"]), max_size=40).map(" ".join),
        st.sampled_from([GOOD_STATEMENT, GOOD_GOAL]),
    ),
    max_size=3,
)
mappings = st.builds(
    Mapping,
    scenario=st.just(HOLLINS.slug),
    placements=placements,
    statements=texts.map(tuple),
    goals=texts.map(tuple),
    scaling_score=st.one_of(st.none(), st.integers(0, 10)),
    scaling_reason=st.sampled_from(["", "Twice she took them to Pauline's."]),
)


@settings(max_examples=150, deadline=None)
@given(mappings)
def test_the_score_is_always_a_whole_number_from_0_to_100_and_the_same_each_time(mapping):
    first = score_mapping(HOLLINS, mapping)
    assert isinstance(first.score, int) and 0 <= first.score <= 100
    assert all(0 <= s.score <= 100 for s in first.sections)
    assert score_mapping(HOLLINS, mapping).to_json() == first.to_json()
    assert first.passed == (first.score >= HOLLINS.pass_mark)


@settings(max_examples=150, deadline=None)
@given(mappings, st.sampled_from([i.id for i in HOLLINS.items]))
def test_fixing_a_misplacement_never_lowers_the_score(mapping, item_id):
    fixed = replace(mapping, placements={**mapping.placements, item_id: HOLLINS.item(item_id).category})
    assert score_mapping(HOLLINS, fixed).score >= score_mapping(HOLLINS, mapping).score


@settings(max_examples=50, deadline=None)
@given(st.permutations(list(HOLLINS.items)), st.integers(HOLLINS.scaling.min, HOLLINS.scaling.max))
def test_the_model_answer_always_scores_100_whatever_the_order_or_score_in_range(items, scale):
    scenario = replace(HOLLINS, items=tuple(items))
    assert score_mapping(scenario, replace(model_mapping(scenario), scaling_score=scale)).score == 100
