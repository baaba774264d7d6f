"""The impact measures as pure functions: shares with their counts, change, suppression, rubric profile."""

from __future__ import annotations

import datetime as dt

import pytest

from impact.measures import (
    Answer,
    MappingMeasures,
    ObservedMarks,
    Share,
    change_by_agency,
    cohort_profile,
    evaluation_group,
    misplacement_label,
    quarter,
    rubric_profile,
)
from impact.services import add_months


def mapping(agency="Social care", score=60, misplaced=(), missed=(), jargon=(), scale=4, in_range=True, **sections):
    return MappingMeasures(
        agency=agency,
        score=score,
        sections={"categorisation": 50.0, "statements": 50.0, "goals": 50.0, "scaling": 100.0, **sections},
        misplacements=frozenset(misplaced),
        missed_elements=frozenset(missed),
        jargon=frozenset(jargon),
        scale=scale,
        scale_in_range=in_range,
    )


SAFETY = ("strength", "safety")


def test_a_misplacement_reads_as_what_the_card_was_treated_as():
    assert misplacement_label("strength", "safety") == "Strengths treated as safety"
    assert misplacement_label("complicating_factor", "harm") == "Complicating factors treated as harm"


def test_the_profile_counts_people_not_cards_and_ranks_the_most_common_first():
    profile = cohort_profile(
        [
            mapping(misplaced=[SAFETY, ("complicating_factor", "harm")], jargon=["DV"], scale=2, in_range=False),
            mapping(misplaced=[SAFETY], missed=["who is worried"], scale=4),
            mapping(scale=4),
        ]
    )
    assert [(r.label, r.share.count, r.share.percent) for r in profile.misplacements] == [
        ("Strengths treated as safety", 2, 67),
        ("Complicating factors treated as harm", 1, 33),
    ]
    assert profile.jargon[0].label == "DV" and profile.missed_elements[0].share == Share(1, 3)
    assert dict(profile.scaling)[4] == 2 and dict(profile.scaling)[2] == 1
    assert profile.scale_in_range == Share(2, 3)
    assert profile.average_score == 60


def test_the_change_is_after_minus_before_and_says_whether_it_is_better():
    before = [mapping(misplaced=[SAFETY], score=40), mapping(misplaced=[SAFETY], score=50), mapping(score=60)]
    after = [mapping(score=70), mapping(score=80), mapping(misplaced=[SAFETY], score=90)]
    overall, agencies = change_by_agency(before, after, min_group=3)
    changes = {c.measure.key: c for c in overall.changes}
    assert (changes["score"].before, changes["score"].after, changes["score"].difference) == (50.0, 80.0, 30.0)
    assert changes["score"].improved is True
    assert changes["strengths_as_safety"].difference == pytest.approx(-33.4)
    assert changes["strengths_as_safety"].improved is True  # fewer is better
    assert changes["jargon"].improved is None  # no change
    assert [a.name for a in agencies] == ["Social care"]


def test_a_group_smaller_than_the_minimum_on_either_side_is_suppressed():
    overall, agencies = change_by_agency(
        [mapping(), mapping(), mapping(agency="Health")], [mapping(), mapping(), mapping()], min_group=3
    )
    assert not overall.suppressed
    by_name = {a.name: a for a in agencies}
    assert by_name["Health"].suppressed and by_name["Health"].changes == ()
    assert by_name["Social care"].suppressed  # two before


def test_evaluation_answers_below_the_minimum_show_only_their_number():
    answers = [Answer("Day 1", 1, {"scaling": 4}, ("b text",)), Answer("Day 1", 1, {"scaling": 2}, ("A text",))]
    assert evaluation_group("Day 1", answers, ["scaling"], 3).suppressed
    shown = evaluation_group("Day 1", [*answers, Answer("Day 1", 1, {"scaling": 3}, ())], ["scaling"], 3)
    assert shown.ratings[0].mean == 3.0 and shown.ratings[0].spread == (0, 1, 1, 1, 0)
    assert shown.texts == ("A text", "b text")  # alphabetical, not in the order given


def test_the_rubric_profile_counts_each_mark_by_quarter_leaving_out_not_applicable():
    rows = rubric_profile(
        [
            ObservedMarks("2026 Q3", {"goals": 1}),
            ObservedMarks("2026 Q4", {"goals": 2}),
            ObservedMarks("2026 Q4", {"goals": None}),
        ],
        ["goals"],
    )
    assert [r.period for r in rows] == ["2026 Q3", "2026 Q4"]
    assert rows[1].observations == 2
    assert rows[1].cells[0].secure_share == Share(1, 1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 12, 2), dt.date(2027, 3, 2)),
        (dt.date(2026, 11, 30), dt.date(2027, 2, 28)),
        (dt.date(2027, 11, 30), dt.date(2028, 2, 29)),
    ],
)
def test_three_months_on_is_the_same_day_or_the_months_last(day, expected):
    assert add_months(day, 3) == expected


def test_quarters_are_calendar_quarters():
    assert quarter(2026, 1) == "2026 Q1" and quarter(2026, 12) == "2026 Q4"
