"""What a benchmark run found, and how it is written out: a table on standard
output, `tools/bench/results.json` and `tools/bench/results.md`. Pure Python, no Django.

A `Figure` is one measured case (or the reason it was skipped); a `Check` is
one target (targets.py) judged against the figures of the same run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Value = float | int | str | bool | None


@dataclass
class Figure:
    id: str
    title: str
    group: str
    values: dict[str, Value] = field(default_factory=dict)
    skipped: str = ""
    note: str = ""

    def get(self, key: str) -> Value:
        return None if self.skipped else self.values.get(key)

    def number(self, key: str) -> float | None:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return float(value)


@dataclass(frozen=True)
class Check:
    """One target. `passed` is None when the figures it needs were not measured."""

    id: str
    title: str
    value: float | None
    unit: str
    target: str
    passed: bool | None
    detail: str = ""

    @property
    def verdict(self) -> str:
        return {True: "pass", False: "FAIL", None: "not measured"}[self.passed]


@dataclass
class Report:
    meta: dict[str, Any]
    figures: list[Figure]
    checks: list[Check]

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "figures": [
                {
                    "id": f.id,
                    "title": f.title,
                    "group": f.group,
                    "values": f.values,
                    "skipped": f.skipped,
                    "note": f.note,
                }
                for f in self.figures
            ],
            "checks": [
                {
                    "id": c.id,
                    "title": c.title,
                    "value": None if c.value is None else round(c.value, 4),
                    "unit": c.unit,
                    "target": c.target,
                    "passed": c.passed,
                    "detail": c.detail,
                }
                for c in self.checks
            ],
        }


GROUP_TITLES = {
    "page": "Pages, in-process server time (test client, median after warm-up)",
    "http": "Pages under gunicorn (2 sync workers) and wrk on 127.0.0.1",
    "engine": "Scoring engine",
    "spreadsheet": "Uploaded spreadsheets (read_table, as the upload view calls it)",
    "export": "Matrix CSV export",
    "burst": "Booking burst on PostgreSQL",
    "hostile": "Bad input refused by manage.py score_mapping (exit 2, one line)",
}

# The columns each group shows, as (value key, heading).
GROUP_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "page": [
        ("median_ms", "median ms"),
        ("p90_ms", "p90 ms"),
        ("vs_bare", "x bare"),
        ("vs_plain", "x plain page"),
        ("queries", "queries"),
        ("queries_small", "queries, small scale"),
    ],
    "http": [
        ("requests_per_s", "requests/s"),
        ("p50_ms", "p50 ms"),
        ("p99_ms", "p99 ms"),
        ("requests", "requests"),
        ("non_200", "non-200"),
    ],
    "engine": [
        ("median_ms", "ms each"),
        ("iterations", "iterations"),
        ("vs_json", "x json.loads"),
    ],
    "spreadsheet": [
        ("kb", "KB"),
        ("unpacked_mb", "MB unpacked"),
        ("cpu_ms", "worker CPU ms"),
        ("median_ms", "wall ms"),
        ("vs_small_xlsx", "x small workbook (CPU)"),
        ("outcome", "outcome"),
    ],
    "export": [
        ("rows", "rows"),
        ("seconds", "seconds"),
        ("peak_mib", "peak MiB"),
        ("rows_small", "rows, small scale"),
        ("peak_mib_small", "peak MiB, small scale"),
        ("vs_csv", "x csv module"),
    ],
    "hostile": [
        ("worst_ms", "worst ms"),
        ("median_ms", "median ms"),
        ("peak_mib", "peak MiB"),
        ("vs_good", "worst x good mapping"),
        ("exit_code", "exit"),
        ("one_line", "one line"),
        ("runs", "runs"),
    ],
    "burst": [
        ("attempts", "attempts"),
        ("capacity", "places"),
        ("confirmed", "confirmed"),
        ("waitlisted", "waitlisted"),
        ("errors", "errors"),
        ("in_order", "waitlist in order"),
        ("settle_seconds", "seconds to settle"),
    ],
}


def format_value(value: Value) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        if value >= 10:
            return f"{value:.1f}"
        if value >= 0.1:
            return f"{value:.2f}"
        return f"{value:.4f}"
    return str(value)


def _rows(report: Report, group: str) -> tuple[list[str], list[list[str]]]:
    columns = GROUP_COLUMNS[group]
    header = ["case", *[heading for _, heading in columns]]
    rows = []
    for figure in report.figures:
        if figure.group != group:
            continue
        if figure.skipped:
            rows.append([figure.title, f"skipped: {figure.skipped}", *["" for _ in columns[1:]]])
        else:
            rows.append([figure.title, *[format_value(figure.values.get(key)) for key, _ in columns]])
    return header, rows


def _measured(check: Check) -> str:
    if check.value is None:
        return "-"
    value: Value = (
        round(check.value) if check.unit in {"queries", "confirmed"} or check.unit.startswith("of ") else check.value
    )
    return f"{format_value(value)} {check.unit}".strip()


def _check_rows(report: Report) -> tuple[list[str], list[list[str]]]:
    header = ["target", "measured", "target", "result"]
    rows = [
        [c.title, _measured(c), c.target, c.verdict + (f" ({c.detail})" if c.detail else "")] for c in report.checks
    ]
    return header, rows


def _groups(report: Report) -> Iterable[str]:
    present = {f.group for f in report.figures}
    return [group for group in GROUP_TITLES if group in present]


def to_text(report: Report) -> str:
    """A fixed-width table for the terminal."""
    lines: list[str] = []
    sections = [(GROUP_TITLES[group], *_rows(report, group)) for group in _groups(report)]
    sections.append(("Targets", *_check_rows(report)))
    for title, header, rows in sections:
        widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
        lines.append("")
        lines.append(title)
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)).rstrip())
        lines.append("  ".join("-" * width for width in widths))
        for row in rows:
            lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    notes = [f"{f.title}: {f.note}" for f in report.figures if f.note]
    if notes:
        lines.append("")
        lines.extend(f"Note - {note}" for note in notes)
    return "\n".join(lines) + "\n"


def _md_escape(cell: str) -> str:
    return cell.replace("|", "\\|")


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md_escape(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_md_escape(cell) for cell in row) + " |" for row in rows)
    return lines


def to_markdown(report: Report) -> str:
    meta = report.meta
    lines = [
        "# Benchmark results",
        "",
        f"Run {meta.get('finished_at', '?')} with `{meta.get('command', '?')}` on {meta.get('machine_summary', '?')}; "
        f"{meta.get('versions_summary', '')}. Scale: {meta.get('scale_summary', '?')}. "
        "How these are measured and what the targets mean: [README.md](README.md).",
        "",
        "## Targets",
        "",
        *_md_table(*_check_rows(report)),
    ]
    for group in _groups(report):
        lines += ["", f"## {GROUP_TITLES[group]}", "", *_md_table(*_rows(report, group))]
    notes = [f"- **{f.title}**: {f.note}" for f in report.figures if f.note]
    if notes:
        lines += ["", "## Notes", "", *notes]
    return "\n".join(lines) + "\n"


def write(report: Report, directory: Path) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    json_path = directory / "results.json"
    md_path = directory / "results.md"
    json_path.write_text(json.dumps(report.as_dict(), indent=2, sort_keys=False) + "\n", encoding="utf-8")
    md_path.write_text(to_markdown(report), encoding="utf-8")
    return json_path, md_path
