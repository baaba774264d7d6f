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


def nice_ceiling(value: int) -> int:
    """A round number at or above `value` for the top of the axis: 1, 2, 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def bar_chart(points: list[tuple[str, int]], width: int = 640, height: int = 240) -> BarChart:
    left, top, bottom_margin = 48, 12, 28
    plot_height = height - top - bottom_margin
    plot_width = width - left - 8
    ceiling = nice_ceiling(max((v for _, v in points), default=0))
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
    ticks = [Tick(value=ceiling * i // 4, y=round(top + plot_height * (1 - i / 4), 1)) for i in range(5)]
    return BarChart(width=width, height=height, plot_left=left, plot_bottom=top + plot_height, bars=bars, ticks=ticks)
