"""The model answer must score 100: the engine says where each lost point goes (no database)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from scenarios.scenario_file import ScenarioFileError, parse_scenario
from scenarios.scoring import (
    DEFAULT_JARGON,
    JargonEntry,
    Shortfall,
    check_model_answer,
    refuse_unless_model_answer_scores_100,
)
from scenarios.tests.conftest import EXAMPLE, load_example

CONTENT = Path(__file__).resolve().parents[1] / "content"
HOLLINS = load_example()
STATEMENT = HOLLINS.statements[0].text
GOAL = HOLLINS.goals[0].text


def with_texts(statement: str = STATEMENT, goal: str = GOAL, **changes):
    return replace(
        HOLLINS,
        statements=(replace(HOLLINS.statements[0], text=statement),),
        goals=(replace(HOLLINS.goals[0], text=goal),),
        **changes,
    )


@pytest.mark.parametrize("path", [*sorted(CONTENT.glob("*.md")), EXAMPLE], ids=lambda p: p.stem)
def test_every_demo_scenario_and_the_worked_example_pass_the_check(path):
    check = check_model_answer(parse_scenario(path.read_text(), path.name))
    assert check.scores_100 and check.score == 100 and check.shortfalls == ()


def test_jargon_in_a_model_statement_is_named_with_where_it_is():
    check = check_model_answer(with_texts(STATEMENT.replace("the fighting", "the DV and neglect")))
    assert check.score == 95
    assert check.shortfalls == (
        Shortfall("statements[0].text", "model danger statement 1", "uses 'DV', a term on the site-wide jargon list"),
        Shortfall(
            "statements[0].text", "model danger statement 1", "uses 'neglect', a term on the site-wide jargon list"
        ),
    )


def test_the_scenario_s_own_jargon_and_the_list_given_are_what_count():
    scenario = with_texts(goal=GOAL.replace("calmly", "calmly, with no wobbliness,"), jargon=("wobbliness",))
    check = check_model_answer(scenario)
    assert [(s.path, s.problem) for s in check.shortfalls] == [
        ("goals[0].text", "uses 'wobbliness', a term on this scenario's jargon")
    ]
    dv = with_texts(STATEMENT.replace("the fighting", "the DV"))
    without_dv = tuple(e for e in DEFAULT_JARGON if e.term != "DV")
    assert check_model_answer(dv, without_dv).scores_100
    assert not check_model_answer(dv, (*without_dv, JargonEntry("DV"))).scores_100


@pytest.mark.parametrize(
    ("statement", "goal", "path", "problem"),
    [
        (
            "Children's services worried: Dean hurt Kayleigh again; Mia, Tyler hurt, frightened.",
            GOAL,
            "statements[0].text",
            "reads as a list of words",
        ),
        (
            STATEMENT,
            GOAL + " Professionals anticipate demonstrable, sustained behavioural modification, "
            "comprehensively evidenced through multi-agency collaborative verification.",
            "goals[0].text",
            "would be hard for a family to read",
        ),
    ],
)
def test_a_model_text_that_reads_as_a_list_or_is_hard_to_read_is_named(statement, goal, path, problem):
    check = check_model_answer(with_texts(statement, goal))
    assert check.score < 100
    assert [s.path for s in check.shortfalls] == [path]
    assert problem in check.shortfalls[0].problem


def test_the_refusal_is_one_line_naming_the_file_the_score_and_each_reason():
    scenario = with_texts(STATEMENT.replace("the fighting", "the DV"))
    with pytest.raises(ScenarioFileError) as caught:
        refuse_unless_model_answer_scores_100(scenario, DEFAULT_JARGON, "hollins-dv.md")
    message = str(caught.value)
    assert message == (
        "hollins-dv.md: the model answer would score 98, not 100: model danger statement 1 "
        "(statements[0].text) uses 'DV', a term on the site-wide jargon list"
    )
    refuse_unless_model_answer_scores_100(HOLLINS, DEFAULT_JARGON, "hollins-family.md")
