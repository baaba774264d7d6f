"""Reading the engine's doubts from a stored result, defensively, and which attempts wait for a trainer."""

from __future__ import annotations

import pytest

from scenarios.trust import Doubt, doubts_in, needs_review


def test_the_engines_doubts_are_read_in_order():
    result = {"score": 90, "doubts": [{"code": "repeated_text", "message": "Goal 2 repeats goal 1."}]}
    assert doubts_in(result, 70) == [Doubt("repeated_text", "Goal 2 repeats goal 1.")]


@pytest.mark.parametrize(
    "raw",
    [None, "not a list", [None, 3, "x", {"code": 1, "message": "m"}, {"code": "", "message": "m"}, {"code": "c"}]],
)
def test_malformed_doubts_are_ignored_rather_than_trusted_or_fatal(raw):
    assert doubts_in({"score": 95, "doubts": raw}, 70) == []


@pytest.mark.parametrize(("score", "doubted"), [(69, False), (70, True), (75, True), (76, False), (100, False)])
def test_a_result_from_before_the_engine_gave_doubts_is_doubted_only_just_over_the_pass_mark(score, doubted):
    found = doubts_in({"score": score, "passed": score >= 70}, 70)
    assert [d.code for d in found] == (["near_pass_mark"] if doubted else [])


def test_once_the_engine_gives_doubts_its_word_stands_even_near_the_pass_mark():
    assert doubts_in({"score": 71, "doubts": []}, 70) == []


def test_a_result_that_is_not_a_dict_has_no_doubts():
    assert doubts_in(None, 70) == [] and doubts_in([1, 2], 70) == []  # type: ignore[arg-type]


def test_an_unknown_code_gets_a_readable_label():
    assert Doubt("some_new_check", "m").label == "Some new check"
    assert Doubt("copied_case_text", "m").label == "Copies text from the case"


@pytest.mark.parametrize(
    ("passed", "practice", "doubts", "expected"),
    [
        (True, False, [Doubt("nonsense_words", "m")], True),
        (True, False, [], False),
        (False, False, [Doubt("nonsense_words", "m")], False),
        (True, True, [Doubt("nonsense_words", "m")], False),
    ],
)
def test_only_a_doubtful_attempt_that_would_count_waits_for_a_trainer(passed, practice, doubts, expected):
    assert needs_review(passed=passed, practice=practice, doubts=doubts) is expected
