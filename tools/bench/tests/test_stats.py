from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools.bench.stats import percentile, ratio, summarise, time_runs


@pytest.mark.parametrize(
    ("values", "pct", "expected"),
    [
        ([5.0], 50, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 0, 1.0),
        ([1.0, 2.0, 3.0, 4.0], 100, 4.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([10.0, 20.0, 30.0, 40.0, 50.0], 90, 46.0),
        ([3.0, 1.0, 2.0], 50, 2.0),
    ],
)
def test_percentile_interpolates_between_closest_ranks(values: list[float], pct: float, expected: float) -> None:
    assert percentile(values, pct) == pytest.approx(expected)


@pytest.mark.parametrize(("values", "pct"), [([], 50), ([1.0], -1), ([1.0], 101)])
def test_percentile_refuses_what_it_cannot_answer(values: list[float], pct: float) -> None:
    with pytest.raises(ValueError):
        percentile(values, pct)


@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=50))
def test_a_summary_lies_within_its_values(values: list[float]) -> None:
    summary = summarise(values)
    assert summary.minimum <= summary.median <= summary.maximum
    assert summary.minimum <= summary.p90 <= summary.maximum
    assert summary.runs == len(values)


def test_the_median_ignores_one_slow_outlier() -> None:
    assert summarise([1.0, 1.1, 0.9, 1.0, 50.0]).median == 1.0


def test_time_runs_warms_up_before_measuring() -> None:
    calls: list[int] = []
    summary = time_runs(lambda: calls.append(1), runs=5, warmup=3)
    assert len(calls) == 8
    assert summary.runs == 5


def test_time_runs_needs_a_measured_run() -> None:
    with pytest.raises(ValueError):
        time_runs(lambda: None, runs=0, warmup=1)


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(3.0, 2.0, 1.5), (None, 2.0, None), (3.0, None, None), (3.0, 0.0, None)],
)
def test_a_ratio_is_missing_when_either_side_is(
    numerator: float | None, denominator: float | None, expected: float | None
) -> None:
    assert ratio(numerator, denominator) == expected


def test_time_interleaved_takes_the_actions_in_turn_within_each_run() -> None:
    from tools.bench.stats import time_interleaved

    calls: list[str] = []
    summaries = time_interleaved([lambda: calls.append("a"), lambda: calls.append("b")], runs=3, warmup=1)
    assert calls == ["a", "b"] * 4
    assert [s.runs for s in summaries] == [3, 3]
