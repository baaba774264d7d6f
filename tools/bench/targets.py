"""The performance targets, judged against the figures of one run. Pure Python.

Ratios compare cases measured in the same run on the same machine, because
absolute times vary from machine to machine; the matrix pages and the scoring
engine also have absolute limits.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.bench.report import Check, Figure
from tools.bench.stats import ratio

MIB = 1024 * 1024

LESSON_VS_PLAIN = 1.5
SCENARIO_VS_PLAIN = 2.0
MATRIX_SERVER_MS = 300.0
SCORING_MS = 5.0
# A 100 KB workbook that unpacks past the limit is refused in well
# under a second of worker time; and at no more than a few normal reads.
ZIP_BOMB_CPU_MS = 100.0
ZIP_BOMB_VS_SMALL = 2.0
# Every bad input (hostile.py): refused with exit 2 and one line, under a second and 100 MB.
HOSTILE_MS = 1000.0
HOSTILE_MIB = 100.0
HOSTILE_EXIT = 2
# Streaming in constant memory: going from the small scale to the full one
# (ten times the rows or more) may add a little, never a share of the growth.
EXPORT_MEMORY_GROWTH = 1.5
EXPORT_MEMORY_SLACK_MIB = 2.0
# The export reads learners in batches (2,000 in matrix.reports), so
# below this many rows at the small scale its first batch is still filling and
# memory grows with rows even when it streams: only `make bench` can judge it.
EXPORT_MEMORY_MIN_SMALL_ROWS = 2000
PAGE_IDS = (
    "bare_view",
    "plain_page",
    "lesson_page",
    "course_page",
    "scenario_result_page",
    "matrix_summary",
    "matrix_summary_fresh",
    "matrix_people",
)


@dataclass(frozen=True)
class RatioTarget:
    id: str
    title: str
    numerator: str
    denominator: str
    key: str
    limit: float | None
    # Throughput is better when higher, so its ratio is baseline / case.
    higher_is_better: bool = False


RATIO_TARGETS = [
    RatioTarget(
        "lesson_vs_plain",
        "Lesson page / plain Wagtail page (server time)",
        "lesson_page",
        "plain_page",
        "median_ms",
        LESSON_VS_PLAIN,
    ),
    RatioTarget(
        "course_vs_plain",
        "Course page / plain Wagtail page (server time)",
        "course_page",
        "plain_page",
        "median_ms",
        None,
    ),
    RatioTarget(
        "scenario_vs_plain",
        "Scenario result / plain Wagtail page (server time)",
        "scenario_result_page",
        "plain_page",
        "median_ms",
        SCENARIO_VS_PLAIN,
    ),
    RatioTarget(
        "http_lesson_vs_plain",
        "Plain page / lesson page (requests/s under gunicorn)",
        "http_lesson_page",
        "http_plain_page",
        "requests_per_s",
        LESSON_VS_PLAIN,
        True,
    ),
    RatioTarget(
        "http_course_vs_plain",
        "Plain page / course page (requests/s under gunicorn)",
        "http_course_page",
        "http_plain_page",
        "requests_per_s",
        None,
        True,
    ),
    RatioTarget(
        "http_scenario_vs_plain",
        "Plain page / scenario result (requests/s under gunicorn)",
        "http_scenario_result_page",
        "http_plain_page",
        "requests_per_s",
        SCENARIO_VS_PLAIN,
        True,
    ),
    RatioTarget(
        "plain_vs_bare",
        "Plain Wagtail page / bare Django view (server time)",
        "plain_page",
        "bare_view",
        "median_ms",
        None,
    ),
    RatioTarget(
        "matrix_summary_vs_bare",
        "Matrix summary / bare Django view (server time)",
        "matrix_summary",
        "bare_view",
        "median_ms",
        None,
    ),
    RatioTarget(
        "matrix_people_vs_bare",
        "Matrix person view / bare Django view (server time)",
        "matrix_people",
        "bare_view",
        "median_ms",
        None,
    ),
    RatioTarget(
        "scoring_vs_json", "Scoring one mapping / parsing its JSON", "scoring", "json_parse", "median_ms", None
    ),
    RatioTarget(
        "zip_bomb_vs_small_xlsx",
        "Refusing a zip bomb / reading a small workbook (worker CPU time)",
        "xlsx_bomb",
        "xlsx_small",
        "cpu_ms",
        ZIP_BOMB_VS_SMALL,
    ),
    RatioTarget(
        "export_vs_csv",
        "Matrix CSV export / csv module, same rows (time)",
        "matrix_export",
        "csv_baseline",
        "seconds",
        None,
    ),
]


def _by_id(figures: list[Figure]) -> dict[str, Figure]:
    return {figure.id: figure for figure in figures}


def _number(figures: dict[str, Figure], figure_id: str, key: str) -> float | None:
    figure = figures.get(figure_id)
    return None if figure is None else figure.number(key)


def ratio_checks(figures: dict[str, Figure]) -> list[Check]:
    checks = []
    for target in RATIO_TARGETS:
        case = _number(figures, target.numerator, target.key)
        base = _number(figures, target.denominator, target.key)
        value = ratio(base, case) if target.higher_is_better else ratio(case, base)
        if target.limit is None:
            passed, text = (None if value is None else True), "reported"
        else:
            passed, text = (None if value is None else value <= target.limit), f"<= {target.limit:g}x"
        checks.append(Check(target.id, target.title, value, "x", text, passed))
    return checks


def absolute_checks(figures: dict[str, Figure]) -> list[Check]:
    checks = []
    for figure_id, title in (
        ("matrix_summary", "Matrix summary, server time"),
        ("matrix_summary_fresh", "Matrix summary just after a completion (nothing cached), server time"),
        ("matrix_people", "Matrix person view, one page of 50"),
    ):
        value = _number(figures, figure_id, "median_ms")
        passed = None if value is None else value < MATRIX_SERVER_MS
        checks.append(Check(f"{figure_id}_ms", title, value, "ms", f"< {MATRIX_SERVER_MS:g} ms", passed))
    value = _number(figures, "scoring", "median_ms")
    checks.append(
        Check(
            "scoring_ms",
            "Scoring one mapping",
            value,
            "ms",
            f"< {SCORING_MS:g} ms",
            None if value is None else value < SCORING_MS,
        )
    )
    value = _number(figures, "xlsx_bomb", "cpu_ms")
    checks.append(
        Check(
            "zip_bomb_cpu_ms",
            "Refusing a 100 KB zip bomb, worker CPU time",
            value,
            "ms",
            f"< {ZIP_BOMB_CPU_MS:g} ms",
            None if value is None else value < ZIP_BOMB_CPU_MS,
        )
    )
    return checks


def query_checks(figures: dict[str, Figure]) -> list[Check]:
    """A page's query count must be the same at the small and the full scale."""
    checks = []
    for figure_id in PAGE_IDS:
        figure = figures.get(figure_id)
        if figure is None:
            continue
        full = figure.number("queries")
        small = figure.number("queries_small")
        passed = None if full is None or small is None else full == small
        detail = "" if passed is None else f"{small:g} at the small scale, {full:g} at the full scale"
        checks.append(
            Check(
                f"{figure_id}_queries",
                f"{figure.title}: queries fixed",
                full,
                "queries",
                "same at both scales",
                passed,
                detail,
            )
        )
    return checks


def export_checks(figures: dict[str, Figure]) -> list[Check]:
    export = figures.get("matrix_export")
    full = None if export is None else export.number("peak_mib")
    small = None if export is None else export.number("peak_mib_small")
    small_rows = None if export is None else export.number("rows_small")
    detail = ""
    if full is None or small is None:
        passed, growth = None, None
    elif small_rows is None or small_rows < EXPORT_MEMORY_MIN_SMALL_ROWS:
        passed, growth = None, ratio(full, small)
        detail = f"the small scale has fewer than {EXPORT_MEMORY_MIN_SMALL_ROWS:,} rows: judged by the full run only"
    else:
        growth = ratio(full, small) if small else None
        passed = full <= small * EXPORT_MEMORY_GROWTH + EXPORT_MEMORY_SLACK_MIB
    return [
        Check(
            "export_memory",
            "CSV export streams in constant memory (peak full / peak small)",
            growth,
            "x",
            f"full <= {EXPORT_MEMORY_GROWTH:g} x small + {EXPORT_MEMORY_SLACK_MIB:g} MiB",
            passed,
            detail,
        )
    ]


def burst_checks(figures: dict[str, Figure]) -> list[Check]:
    burst = figures.get("booking_burst")
    if burst is None or burst.skipped:
        return [
            Check("burst", "Booking burst: capacity confirmed, no errors, waitlist in order", None, "", "exact", None)
        ]
    confirmed = burst.number("confirmed")
    capacity = burst.number("capacity")
    errors = burst.number("errors")
    in_order = burst.get("in_order")
    passed = confirmed == capacity and errors == 0 and in_order is True
    detail = f"{confirmed:g} confirmed of {capacity:g} places, {errors:g} errors, waitlist in order: {in_order}"
    return [
        Check(
            "burst",
            "Booking burst: capacity confirmed, no errors, waitlist in order",
            confirmed,
            "confirmed",
            "= places",
            passed,
            detail,
        )
    ]


def hostile_checks(figures: dict[str, Figure]) -> list[Check]:
    """Every bad input refused with exit 2 and one line; the worst time and the largest peak of them all."""
    cases = [f for f in figures.values() if f.group == "hostile" and f.id != "hostile_baseline" and not f.skipped]
    if not cases:
        return [
            Check("hostile_refused", "Bad input: every file refused with exit 2 and one line", None, "", "all", None),
            Check("hostile_ms", "Bad input: worst time of a refusal", None, "ms", f"< {HOSTILE_MS:g} ms", None),
            Check(
                "hostile_mib",
                "Bad input: largest peak memory of a refusal",
                None,
                "MiB",
                f"< {HOSTILE_MIB:g} MiB",
                None,
            ),
        ]
    refused = [f for f in cases if f.get("exit_code") == HOSTILE_EXIT and f.get("one_line") is True]
    not_refused = ", ".join(f.title for f in cases if f not in refused)
    slowest = max(cases, key=lambda f: f.number("worst_ms") or 0.0)
    largest = max(cases, key=lambda f: f.number("peak_mib") or 0.0)
    worst_ms = slowest.number("worst_ms")
    peak = largest.number("peak_mib")
    return [
        Check(
            "hostile_refused",
            "Bad input: every file refused with exit 2 and one line",
            float(len(refused)),
            f"of {len(cases)}",
            "all",
            len(refused) == len(cases),
            f"not refused: {not_refused}" if not_refused else "",
        ),
        Check(
            "hostile_ms",
            "Bad input: worst time of a refusal",
            worst_ms,
            "ms",
            f"< {HOSTILE_MS:g} ms",
            None if worst_ms is None else worst_ms < HOSTILE_MS,
            slowest.title,
        ),
        Check(
            "hostile_mib",
            "Bad input: largest peak memory of a refusal",
            peak,
            "MiB",
            f"< {HOSTILE_MIB:g} MiB",
            None if peak is None else peak < HOSTILE_MIB,
            largest.title,
        ),
    ]


def evaluate(figures: list[Figure]) -> list[Check]:
    by_id = _by_id(figures)
    return [
        *ratio_checks(by_id),
        *absolute_checks(by_id),
        *query_checks(by_id),
        *export_checks(by_id),
        *burst_checks(by_id),
        *hostile_checks(by_id),
    ]


def fill_page_ratios(figures: list[Figure]) -> None:
    """Add each page's cost relative to the two baselines, for the tables."""
    by_id = _by_id(figures)
    bare = _number(by_id, "bare_view", "median_ms")
    plain = _number(by_id, "plain_page", "median_ms")
    json_ms = _number(by_id, "json_parse", "median_ms")
    small_xlsx_ms = _number(by_id, "xlsx_small", "cpu_ms")
    good_ms = _number(by_id, "hostile_baseline", "worst_ms")
    for figure in figures:
        if figure.skipped:
            continue
        if figure.group == "page":
            figure.values["vs_bare"] = ratio(figure.number("median_ms"), bare)
            figure.values["vs_plain"] = ratio(figure.number("median_ms"), plain)
        if figure.group == "engine":
            figure.values["vs_json"] = ratio(figure.number("median_ms"), json_ms)
        if figure.group == "spreadsheet":
            figure.values["vs_small_xlsx"] = ratio(figure.number("cpu_ms"), small_xlsx_ms)
        if figure.group == "hostile" and figure.id != "hostile_baseline":
            figure.values["vs_good"] = ratio(figure.number("worst_ms"), good_ms)
    export = by_id.get("matrix_export")
    csv_base = by_id.get("csv_baseline")
    if export is not None and csv_base is not None and not export.skipped:
        export.values["vs_csv"] = ratio(export.number("seconds"), csv_base.number("seconds"))
