"""The pure e-learning rules, as tables of cases."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses import rules
from courses.rules import (
    CODE_ALPHABET,
    EmptyAnswer,
    InvalidAnswer,
    Option,
    check_answer,
    course_complete,
    course_progress,
    format_code,
    lesson_state,
    neighbours,
    new_code,
    normalise_code,
    option_problem,
    score_percent,
)

SINGLE = [Option("a", True), Option("b", False), Option("c", False)]
MULTIPLE = [Option("a", True), Option("b", True), Option("c", False)]


@pytest.mark.parametrize(
    ("options", "chosen", "multiple", "expected"),
    [
        (SINGLE, ["a"], False, True),
        (SINGLE, ["b"], False, False),
        (MULTIPLE, ["a", "b"], True, True),
        (MULTIPLE, ["a"], True, False),
        (MULTIPLE, ["a", "b", "c"], True, False),
        (MULTIPLE, ["b", "a", "a"], True, True),
    ],
)
def test_it_marks_an_answer_right_only_when_it_picks_exactly_the_correct_options(options, chosen, multiple, expected):
    assert check_answer(options, chosen, multiple=multiple) is expected


@pytest.mark.parametrize(
    ("chosen", "multiple", "error"),
    [
        ([], False, EmptyAnswer),
        ([""], False, EmptyAnswer),
        (["zzz"], False, InvalidAnswer),
        (["a", "b"], False, InvalidAnswer),
    ],
)
def test_it_refuses_an_empty_or_foreign_answer(chosen, multiple, error):
    with pytest.raises(error):
        check_answer(SINGLE, chosen, multiple=multiple)


@pytest.mark.parametrize(
    ("flags", "multiple", "problem"),
    [
        ([True, False], False, None),
        ([False, False], False, "at least one option must be correct"),
        ([True, True], False, "a single-choice question must have exactly one correct option"),
        ([True, True, False], True, None),
        ([True], True, "a question needs at least two options"),
    ],
)
def test_it_names_what_is_wrong_with_a_questions_options(flags, multiple, problem):
    assert option_problem(flags, multiple=multiple) == problem


@pytest.mark.parametrize(
    ("completed", "opened", "last", "done", "continue_id", "started"),
    [
        (set(), set(), None, 0, 1, False),
        ({1}, {1, 2}, 2, 1, 2, True),
        ({1}, {1, 3}, 3, 1, 3, True),
        ({1, 2}, {1, 2}, 2, 2, 3, True),
        ({1, 2, 3}, {1, 2, 3}, 3, 3, None, True),
        ({1, 2, 3, 99}, set(), None, 3, None, True),  # 99 was unpublished: not counted
    ],
)
def test_it_counts_progress_and_finds_where_to_continue(completed, opened, last, done, continue_id, started):
    progress = course_progress([1, 2, 3], completed, opened, last)
    assert (progress.done, progress.total, progress.continue_id, progress.started) == (done, 3, continue_id, started)


@pytest.mark.parametrize(
    ("lesson", "completed", "opened", "state"),
    [(1, set(), set(), "not_started"), (1, set(), {1}, "in_progress"), (1, {1}, {1}, "complete")],
)
def test_it_names_a_lessons_state(lesson, completed, opened, state):
    assert lesson_state(lesson, completed, opened) == state


@pytest.mark.parametrize(
    ("current", "expected"), [(10, (None, 20)), (20, (10, 30)), (30, (20, None)), (99, (None, None))]
)
def test_it_finds_the_previous_and_next_lesson(current, expected):
    assert neighbours([10, 20, 30], current) == expected


@pytest.mark.parametrize(
    ("completed", "total", "correct", "pass_mark", "expected"),
    [
        ({1, 2}, 4, 4, 80, True),
        ({1, 2}, 5, 4, 80, True),
        ({1, 2}, 5, 3, 80, False),
        ({1}, 4, 4, 80, False),
        ({1, 2}, 0, 0, 80, True),
        ({1, 2}, 3, 2, 67, False),  # 66%: rounding down never passes a learner early
    ],
)
def test_it_completes_a_course_only_with_every_lesson_and_the_pass_mark(completed, total, correct, pass_mark, expected):
    assert course_complete([1, 2], completed, total, correct, pass_mark) is expected


def test_a_course_without_lessons_is_never_complete():
    assert course_complete([], set(), 0, 0, 0) is False
    assert score_percent(0, 0) == 100


def test_new_codes_use_only_the_unambiguous_alphabet():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == 10 and set(code) <= set(CODE_ALPHABET) for code in codes)


@given(st.text(alphabet=CODE_ALPHABET, min_size=10, max_size=10), st.sampled_from(["", " ", "  "]))
def test_a_code_survives_formatting_lower_case_and_spaces(code, padding):
    typed = padding + format_code(code).lower().replace("-", " - ") + padding
    assert normalise_code(typed) == code


@pytest.mark.parametrize("module", ["rules.py", "rendering.py", "content_file.py"])
def test_the_rule_modules_import_nothing_from_django_or_wagtail(module):
    tree = ast.parse((Path(rules.__file__).parent / module).read_text())
    imported = [
        name
        for node in ast.walk(tree)
        for name in (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    ]
    assert not [name for name in imported if name.split(".")[0] in {"django", "wagtail"}]


def test_a_lesson_needs_the_pass_mark_of_its_checks_rounded_up():
    from courses.rules import checks_needed

    assert [checks_needed(n, 80) for n in range(0, 6)] == [0, 1, 2, 3, 4, 4]
    assert checks_needed(5, 100) == 5 and checks_needed(5, 0) == 0 and checks_needed(3, 50) == 2
