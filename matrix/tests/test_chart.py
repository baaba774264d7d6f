"""The board report's chart: every axis label sits on its gridline and says the value there."""

from __future__ import annotations

import re

import pytest

from matrix.chart import axis, bar_chart

MAXIMA = [0, 1, 3, 4, 7, 10, 13, 25, 38, 99, 100, 101, 250, 999, 1234, 48_000]


def value_at(chart, y: float) -> float:
    """What a height on the chart stands for, on the bars' own scale (a bar of value v is v/top of the plot)."""
    tallest = max(chart.bars, key=lambda b: b.value)
    if not tallest.value:
        return (chart.plot_bottom - y) / (chart.plot_bottom - chart.ticks[-1].y) * chart.ticks[-1].value
    return (chart.plot_bottom - y) / tallest.height * tallest.value


@pytest.mark.parametrize("maximum", MAXIMA)
def test_each_axis_label_is_the_value_at_its_gridline(maximum):
    chart = bar_chart([("Jan", maximum), ("Feb", maximum // 2), ("Mar", 0)])
    for tick in chart.ticks:
        # Positions are drawn to 0.1px on a 200px plot.
        assert value_at(chart, tick.y) == pytest.approx(tick.value, abs=0.002 * chart.ticks[-1].value + 0.01)


@pytest.mark.parametrize("maximum", MAXIMA)
def test_gridlines_are_evenly_spaced_whole_numbers_from_0_to_above_the_tallest_bar(maximum):
    top, values = axis(maximum)
    assert values[0] == 0 and values[-1] == top >= maximum
    gaps = {b - a for a, b in zip(values, values[1:], strict=False)}
    assert len(gaps) == 1 and all(isinstance(v, int) for v in values)
    assert 2 <= len(values) <= 6


def test_a_top_of_ten_is_labelled_at_every_gridline_not_rounded_down():
    _, values = axis(10)
    assert values in ([0, 5, 10], [0, 2, 4, 6, 8, 10])  # never 2.5 labelled "2"


def test_the_drawn_chart_labels_match_the_data(client, training_admin, requirements):
    """The SVG on the board report: each label's y is its gridline's y, and the tallest bar stays inside."""
    from django.urls import reverse

    client.force_login(training_admin)
    html = client.get(reverse("matrix:board")).content.decode()
    start = html.index('<svg class="app-matrix-chart__svg"')
    svg = html[start : html.index("</svg>", start)]
    lines = [float(y) for y in re.findall(r'<line class="app-matrix-chart__grid"[^>]*y1="([\d.]+)"', svg)]
    labels = re.findall(r'text-anchor="end" dominant-baseline="middle">(\d+)</text>', svg)
    label_ys = [float(y) for y in re.findall(r'y="([\d.]+)" text-anchor="end"', svg)]
    assert lines == label_ys and len(labels) == len(lines) >= 2
    values = [int(v) for v in labels]
    plot_bottom, plot_top = lines[0], lines[-1]
    for value, y in zip(values, lines, strict=True):
        assert y == pytest.approx(plot_bottom - (plot_bottom - plot_top) * value / values[-1], abs=0.1)
