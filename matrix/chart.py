"""A bar chart as plain numbers for an SVG template. Pure Python, no Django.

The page draws it server-side so it needs no JavaScript, and always shows the
same figures in a table next to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    plot_left: int
    plot_bottom: float
    bars: list[Bar]
    ticks: list[Tick]


def nice_step(value: int, intervals: int = 4) -> int:
    """A whole, round gap between gridlines (1, 2 or 5 times a power of ten) giving about `intervals` of them.

    The axis is labelled at every gridline, so the gap must be a whole number: a top of 10 split in
    four put gridlines at 2.5 and 7.5 that were labelled 2 and 7.
    """
    if value <= 0:
        return 1
    raw = value / intervals
    power = 10 ** max(0, math.floor(math.log10(raw))) if raw >= 1 else 1
    for step in (1, 2, 5, 10):
        if raw <= step * power:
            return step * power
    return 10 * power


def axis(value: int) -> tuple[int, list[int]]:
    """The top of the axis and the value at each gridline, from 0 up, evenly spaced whole numbers."""
    step = nice_step(value)
    top = step * max(1, math.ceil(value / step))
    return top, list(range(0, top + 1, step))


def bar_chart(points: list[tuple[str, int]], width: int = 640, height: int = 240) -> BarChart:
    left, top, bottom_margin = 48, 12, 28
    plot_height = height - top - bottom_margin
    plot_width = width - left - 8
    ceiling, tick_values = axis(max((v for _, v in points), default=0))
    slot = plot_width / max(len(points), 1)
    bars = []
    for i, (label, value) in enumerate(points):
        bar_height = plot_height * value / ceiling
        x = left + i * slot + slot * 0.15
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(x, 1),
                y=round(top + plot_height - bar_height, 1),
                width=round(slot * 0.7, 1),
                height=round(bar_height, 1),
                label_x=round(x + slot * 0.35, 1),
            )
        )
    ticks = [Tick(value=v, y=round(top + plot_height * (1 - v / ceiling), 1)) for v in tick_values]
    return BarChart(width=width, height=height, plot_left=left, plot_bottom=top + plot_height, bars=bars, ticks=ticks)
