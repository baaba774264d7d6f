"""One way to check a file format: every problem collected, each naming the file and the key path."""

from __future__ import annotations

import pytest

from lib.format_check import FileProblems


class PartError(ValueError):
    pass


def test_problems_name_the_file_and_the_key_path():
    problems = FileProblems("course.yaml")
    problems.note("modules[0].title", "is required")
    problems.note("", "the file is empty")
    assert problems.problems == ["course.yaml: modules[0].title: is required", "course.yaml: the file is empty"]


def test_each_part_that_stops_at_its_first_problem_is_kept_and_the_next_part_still_runs():
    problems = FileProblems("case.md")
    for part in ("title", "items", "goals"):
        with problems.collecting(PartError):
            if part != "items":
                raise PartError(problems.located(part, "is empty"))
    assert problems.problems == ["case.md: title: is empty", "case.md: goals: is empty"]


def test_other_errors_are_not_taken_for_a_problem_in_the_file():
    problems = FileProblems("case.md")
    with pytest.raises(KeyError), problems.collecting(PartError):
        raise KeyError("a bug, not a mistake in the file")
    assert problems.problems == []


def test_one_line_gives_the_first_in_full_then_how_many_more_and_what():
    problems = FileProblems("case.md")
    assert not problems.problems
    problems.note("title", "is empty")
    assert problems.one_line() == "case.md: title: is empty"
    problems.note("goals[1]", "should be text, not a list")
    problems.note("", "the narrative is missing")
    assert problems.one_line() == (
        "case.md: title: is empty (and 2 more: goals[1]: should be text, not a list; the narrative is missing)"
    )
