from __future__ import annotations

import json
from pathlib import Path

from tools.bench.report import Figure, Report, format_value, to_markdown, to_text, write
from tools.bench.targets import evaluate


def sample_report() -> Report:
    figures = [
        Figure(
            "bare_view", "Bare Django view (baseline)", "page", {"median_ms": 0.2, "queries": 0, "queries_small": 0}
        ),
        Figure("plain_page", "Plain Wagtail page", "page", {"median_ms": 5.0, "queries": 9, "queries_small": 9}),
        Figure("lesson_page", "Lesson page, signed in", "page", {"median_ms": 6.5, "queries": 14, "queries_small": 14}),
        Figure("scenario_result_page", "Scenario result page", "page", skipped="the page does not exist yet"),
        Figure("http_plain_page", "Plain Wagtail page", "http", {"requests_per_s": 250.0, "p50_ms": 40.0}),
    ]
    meta = {"command": "make bench", "finished_at": "2026-11-23T10:00:00+00:00", "machine_summary": "2 x CPU"}
    return Report(meta, figures, evaluate(figures))


def test_the_terminal_table_shows_figures_skips_and_verdicts() -> None:
    text = to_text(sample_report())
    assert "Lesson page, signed in" in text
    assert "skipped: the page does not exist yet" in text
    assert "Lesson page / plain Wagtail page (server time)" in text
    assert "1.30 x" in text
    assert "not measured" in text


def test_the_markdown_is_a_table_per_group_linking_to_the_readme() -> None:
    markdown = to_markdown(sample_report())
    assert "[README.md](README.md)" in markdown
    assert "| Lesson page, signed in | 6.50 |" in markdown
    assert "## Targets" in markdown


def test_results_are_written_as_json_and_markdown(tmp_path: Path) -> None:
    json_path, md_path = write(sample_report(), tmp_path / "out")
    data = json.loads(json_path.read_text())
    assert data["meta"]["command"] == "make bench"
    assert {f["id"] for f in data["figures"]} >= {"bare_view", "lesson_page"}
    lesson = next(c for c in data["checks"] if c["id"] == "lesson_vs_plain")
    assert lesson["passed"] is True
    assert lesson["value"] == 1.3
    assert md_path.read_text().startswith("# Benchmark results")


def test_numbers_are_shown_with_sensible_precision() -> None:
    assert [format_value(v) for v in (None, True, 20000, 1234.5, 45.67, 1.234, 0.01234)] == [
        "-",
        "yes",
        "20,000",
        "1,234",
        "45.7",
        "1.23",
        "0.0123",
    ]
