"""Reading and writing scenario files and mapping files, and the messages for bad ones."""

from __future__ import annotations

import json

import pytest
import yaml

from scenarios.scenario_file import (
    MAX_TEXT_CHARS,
    ScenarioFileError,
    Weights,
    dump_scenario,
    mapping_from_data,
    model_mapping,
    parse_mapping,
    parse_scenario,
    split_front_matter,
)
from scenarios.tests.conftest import EXAMPLE, EXAMPLE_MAPPING


def _with(change) -> str:
    """The worked example with its front matter changed by `change(data)`."""
    front, body = split_front_matter(EXAMPLE.read_text(), "x")
    data = yaml.safe_load(front)
    change(data)
    return "---\n" + yaml.safe_dump(data, sort_keys=False) + "---\n" + body


def test_it_reads_the_worked_example(hollins):
    assert hollins.slug == "hollins-family"
    assert len(hollins.items) == 12
    assert hollins.items[0].id == "police-callout"
    assert hollins.weights == Weights(40, 25, 25, 10)
    assert hollins.pass_mark == 70
    assert list(hollins.statements[0].elements) == ["who", "behaviour", "child", "impact", "future"]
    assert hollins.scaling.min == 3 and hollins.scaling.max == 5
    assert hollins.narrative.startswith("**Referral, 4 March.**")
    assert hollins.jargon == ("DA", "domestic abuse", "perpetrator")


def test_a_written_file_reads_back_the_same(hollins):
    assert parse_scenario(dump_scenario(hollins), "again.md") == hollins


def _set(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        if value is KeyError:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            _set(("items", 3, "category"), "safty"),
            "hollins-family.md: items[3].category: 'safty' is not one of harm, complicating_factor, strength, safety",
        ),
        (_set(("title",), KeyError), "hollins-family.md: title: is missing"),
        (_set(("slug",), "Hollins Family"), "hollins-family.md: slug: 'Hollins Family' must be lowercase"),
        (_set(("framework",), "early"), "framework: 'early' is not one of child_protection, early_help"),
        (_set(("pass_mark",), 170), "pass_mark: 170 is not from 0 to 100"),
        (_set(("pass_mark",), "high"), "pass_mark: 'high' is not a whole number from 0 to 100"),
        (
            _set(("weights",), {"categorisation": 50, "statements": 25, "goals": 25, "scaling": 10}),
            "weights: must add up to 100, not 110",
        ),
        (_set(("weights",), {"sorting": 40}), "weights.sorting: is not one of"),
        (_set(("items", 1, "id"), "police-callout"), "items[1].id: 'police-callout' is used by another item"),
        (_set(("items", 0, "rationale"), KeyError), "items[0].rationale: is missing"),
        (_set(("items", 0, "also_accept"), ["harmful"]), "items[0].also_accept[0]: 'harmful' is not one of"),
        (_set(("items",), []), "items: should be a list of at least one item"),
        (_set(("scaling", "min"), 6), "scaling.min: 6 is more than scaling.max (5)"),
        (_set(("scaling", "max"), 11), "scaling.max: 11 is not from 0 to 10"),
        (_set(("scaling", "question"), KeyError), "scaling.question: is missing"),
        (_set(("statements", 0, "elements", "who"), []), "statements[0].elements.who: should list at least one entry"),
        (
            _set(("goals", 0, "elements", "network"), ["uncle bob"]),
            "goals[0].elements.network: the model text contains none",
        ),
        (_set(("goals",), "be safe"), "goals: should be a list of at least one model text"),
        (_set(("colour",), "blue"), "colour: is not a key of a scenario file"),
    ],
)
def test_it_refuses_a_broken_file_with_a_message_naming_the_key(change, message):
    with pytest.raises(ScenarioFileError) as caught:
        parse_scenario(_with(change), "hollins-family.md")
    assert message in str(caught.value)
    assert str(caught.value).startswith("hollins-family.md: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter here", "must start with a line '---'"),
        ("---\nslug: x\n", "has no closing '---'"),
        ("---\nslug: [unclosed\n---\nbody", "the front matter could not be read"),
        ("---\n- a list\n---\nbody", "front matter: should be a set of keys"),
    ],
)
def test_it_refuses_a_file_that_is_not_a_scenario(text, message):
    with pytest.raises(ScenarioFileError, match="^bad.md: ") as caught:
        parse_scenario(text, "bad.md")
    assert message in str(caught.value)


def test_it_reads_the_worked_example_mapping(hollins):
    mapping = parse_mapping(EXAMPLE_MAPPING.read_text(), hollins)
    assert mapping.placements["programme"] == "safety"
    assert mapping.scaling_score == 4
    assert len(mapping.statements) == 1


def _mapping(**changes) -> str:
    data = json.loads(EXAMPLE_MAPPING.read_text())
    for key, value in changes.items():
        if key == "placements_extra":
            data["placements"].update(value)
        elif key == "score":
            data["scaling"]["score"] = value
        else:
            data[key] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_mapping(placements_extra={"dog-bite": "harm"}), "placements.dog-bite: there is no item with this id"),
        (_mapping(placements_extra={"programme": "safty"}), "placements.programme: 'safty' is not one of"),
        (_mapping(score=11), "scaling.score: 11 is not a whole number from 0 to 10"),
        (_mapping(score="four"), "scaling.score: 'four' is not a whole number from 0 to 10"),
        (_mapping(score=4.5), "scaling.score: 4.5 is not a whole number from 0 to 10"),
        (_mapping(score=True), "scaling.score: True is not a whole number"),
        (_mapping(scenario="novak-family"), "scenario: this mapping is for 'novak-family', not for 'hollins-family'"),
        (_mapping(statements="Dean might hit Kayleigh"), "statements: should be a list of texts"),
        (_mapping(goals=[42]), "goals[0]: should be text, not the number 42"),
        (_mapping(statements=["ok"] * 6), "statements: has 6 entries; write at most 5"),
        (_mapping(goals=["<script>alert(1)</script>"]), "goals[0]: contains HTML or a script tag"),
        (_mapping(extra=1), "extra: is not a key of a mapping"),
        ("{not json", "not valid JSON"),
        ("[]", "should be a set of keys"),
    ],
)
def test_it_refuses_a_bad_mapping_with_a_clear_message(hollins, text, message):
    with pytest.raises(ScenarioFileError) as caught:
        parse_mapping(text, hollins, "answer.json")
    assert message in str(caught.value)


def test_a_two_megabyte_mapping_file_is_refused_before_it_is_read(hollins):
    with pytest.raises(ScenarioFileError, match="larger than 64 KB"):
        parse_mapping(_mapping(statements=["x" * 2_000_000]) + " " * 10, hollins, "answer.json")


def test_a_two_megabyte_statement_from_a_form_is_refused_by_name(hollins):
    data = json.loads(EXAMPLE_MAPPING.read_text())
    data["statements"] = ["x" * 2_000_000]
    with pytest.raises(ScenarioFileError, match=r"statements\[0\]: is 2,000,000 characters long; keep it under 1,500"):
        mapping_from_data(data, hollins, "your answer")


def test_a_statement_at_the_limit_is_accepted(hollins):
    mapping = parse_mapping(_mapping(statements=["word " * (MAX_TEXT_CHARS // 5)]), hollins)
    assert len(mapping.statements) == 1


def test_an_unplaced_item_is_simply_left_out(hollins):
    data = json.loads(EXAMPLE_MAPPING.read_text())
    del data["placements"]["programme"]
    data["placements"]["housing"] = None
    mapping = parse_mapping(json.dumps(data), hollins)
    assert "programme" not in mapping.placements and "housing" not in mapping.placements


def test_the_model_mapping_places_every_item_in_its_model_category(hollins):
    mapping = model_mapping(hollins)
    assert mapping.placements == {item.id: item.category for item in hollins.items}
    assert hollins.scaling.min <= mapping.scaling_score <= hollins.scaling.max
