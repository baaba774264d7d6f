"""Summaries of repeated timings. Pure Python: no Django, so it is tested alone.

Every figure the benchmark reports is the median of several runs taken after
a warm-up; the spread (min, max, p90) is kept so a noisy run shows as noisy.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Summary:
    """Timings in milliseconds (or any one unit) of `runs` measured runs."""

    runs: int
    median: float
    minimum: float
    maximum: float
    p90: float

    def as_dict(self) -> dict[str, float | int]:
        return {key: (round(value, 4) if isinstance(value, float) else value) for key, value in asdict(self).items()}


def percentile(values: Sequence[float], pct: float) -> float:
    """The `pct`th percentile with linear interpolation between closest ranks
    (the same as `statistics.quantiles(method="inclusive")`)."""
    if not values:
        raise ValueError("No values to summarise.")
    if not 0 <= pct <= 100:
        raise ValueError(f"A percentile is between 0 and 100, not {pct}.")
    ordered = sorted(values)
    position = (len(ordered) - 1) * pct / 100
    lower = math.floor(position)
    upper = math.ceil(position)
    if lower == upper:
        return float(ordered[lower])
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def summarise(values: Sequence[float]) -> Summary:
    if not values:
        raise ValueError("No values to summarise.")
    return Summary(
        runs=len(values),
        median=float(statistics.median(values)),
        minimum=float(min(values)),
        maximum=float(max(values)),
        p90=percentile(values, 90),
    )


def time_runs(action: Callable[[], object], *, runs: int, warmup: int) -> Summary:
    """Call `action` `warmup` times unmeasured, then `runs` times; milliseconds each."""
    if runs < 1:
        raise ValueError("At least one measured run is needed.")
    for _ in range(warmup):
        action()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return summarise(timings)


def time_interleaved(actions: Sequence[Callable[[], object]], *, runs: int, warmup: int) -> list[Summary]:
    """Like `time_runs` for several actions, taken in turn within each run
    (a, b, c, a, b, c, ...), so a change in the machine's load during the
    measurement falls on all of them alike and their ratios stay fair."""
    if runs < 1:
        raise ValueError("At least one measured run is needed.")
    for _ in range(warmup):
        for action in actions:
            action()
    timings: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, kept in zip(actions, timings, strict=True):
            started = time.perf_counter()
            action()
            kept.append((time.perf_counter() - started) * 1000)
    return [summarise(kept) for kept in timings]


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """`numerator / denominator`, or None when either is missing or the denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator
