from __future__ import annotations

import pytest

from tools.bench.report import Check, Figure
from tools.bench.targets import evaluate, fill_page_ratios


def page(figure_id: str, median_ms: float, queries: int = 10, queries_small: int | None = 10) -> Figure:
    return Figure(
        figure_id, figure_id, "page", {"median_ms": median_ms, "queries": queries, "queries_small": queries_small}
    )


def check(figures: list[Figure], check_id: str) -> Check:
    return next(c for c in evaluate(figures) if c.id == check_id)


@pytest.mark.parametrize(("lesson_ms", "passed"), [(14.0, True), (15.0, True), (15.1, False), (40.0, False)])
def test_a_lesson_may_cost_up_to_one_and_a_half_plain_pages(lesson_ms: float, passed: bool) -> None:
    figures = [page("plain_page", 10.0), page("lesson_page", lesson_ms)]
    assert check(figures, "lesson_vs_plain").passed is passed


@pytest.mark.parametrize(("result_ms", "passed"), [(20.0, True), (20.5, False)])
def test_a_scenario_result_may_cost_up_to_two_plain_pages(result_ms: float, passed: bool) -> None:
    figures = [page("plain_page", 10.0), page("scenario_result_page", result_ms)]
    assert check(figures, "scenario_vs_plain").passed is passed


def test_throughput_ratios_compare_the_baseline_with_the_case() -> None:
    figures = [
        Figure("http_plain_page", "plain", "http", {"requests_per_s": 300.0}),
        Figure("http_lesson_page", "lesson", "http", {"requests_per_s": 100.0}),
    ]
    result = check(figures, "http_lesson_vs_plain")
    assert result.value == pytest.approx(3.0)
    assert result.passed is False


def test_a_skipped_case_is_not_measured_rather_than_passed() -> None:
    figures = [page("plain_page", 10.0), Figure("lesson_page", "lesson", "page", skipped="not there yet")]
    assert check(figures, "lesson_vs_plain").passed is None


@pytest.mark.parametrize(("small", "full", "passed"), [(12, 12, True), (12, 13, False), (None, 12, None)])
def test_query_counts_must_not_change_with_the_number_of_learners(
    small: int | None, full: int, passed: bool | None
) -> None:
    figures = [page("matrix_summary", 50.0, queries=full, queries_small=small)]
    assert check(figures, "matrix_summary_queries").passed is passed


@pytest.mark.parametrize(("ms", "passed"), [(120.0, True), (299.0, True), (300.0, False)])
def test_matrix_pages_must_be_served_under_300_ms(ms: float, passed: bool) -> None:
    assert check([page("matrix_people", ms)], "matrix_people_ms").passed is passed


@pytest.mark.parametrize(
    ("small_mib", "full_mib", "passed"),
    [(1.0, 1.2, True), (1.0, 3.5, True), (1.0, 3.6, False), (0.7, 35.0, False)],
)
def test_the_export_must_stream_in_nearly_constant_memory(small_mib: float, full_mib: float, passed: bool) -> None:
    export = Figure(
        "matrix_export",
        "export",
        "export",
        {"peak_mib": full_mib, "peak_mib_small": small_mib, "rows": 20000, "rows_small": 2000},
    )
    assert check([export], "export_memory").passed is passed


def test_export_memory_is_not_judged_while_the_small_scale_fits_in_one_batch() -> None:
    export = Figure(
        "matrix_export", "export", "export", {"peak_mib": 3.9, "peak_mib_small": 0.7, "rows": 2000, "rows_small": 200}
    )
    result = check([export], "export_memory")
    assert result.passed is None
    assert "full run" in result.detail


@pytest.mark.parametrize(
    ("confirmed", "errors", "in_order", "passed"),
    [(24, 0, True, True), (25, 0, True, False), (24, 1, True, False), (24, 0, False, False)],
)
def test_the_burst_needs_exactly_the_capacity_no_errors_and_an_orderly_queue(
    confirmed: int, errors: int, in_order: bool, passed: bool
) -> None:
    burst = Figure(
        "booking_burst",
        "burst",
        "burst",
        {"confirmed": confirmed, "capacity": 24, "errors": errors, "in_order": in_order},
    )
    assert check([burst], "burst").passed is passed


def test_pages_get_their_cost_relative_to_both_baselines() -> None:
    figures = [page("bare_view", 0.5), page("plain_page", 5.0), page("lesson_page", 6.0)]
    fill_page_ratios(figures)
    lesson = figures[2]
    assert lesson.values["vs_bare"] == pytest.approx(12.0)
    assert lesson.values["vs_plain"] == pytest.approx(1.2)


@pytest.mark.parametrize(("bomb_cpu_ms", "passed"), [(0.05, True), (99.0, True), (100.0, False), (30_000.0, False)])
def test_a_zip_bomb_must_be_refused_in_well_under_a_second_of_worker_time(bomb_cpu_ms: float, passed: bool) -> None:
    figures = [Figure("xlsx_bomb", "bomb", "spreadsheet", {"cpu_ms": bomb_cpu_ms})]
    assert check(figures, "zip_bomb_cpu_ms").passed is passed


@pytest.mark.parametrize(("bomb_cpu_ms", "passed"), [(0.05, True), (20.0, True), (20.1, False)])
def test_refusing_a_zip_bomb_may_cost_up_to_two_small_workbooks(bomb_cpu_ms: float, passed: bool) -> None:
    figures = [
        Figure("xlsx_small", "small", "spreadsheet", {"cpu_ms": 10.0}),
        Figure("xlsx_bomb", "bomb", "spreadsheet", {"cpu_ms": bomb_cpu_ms}),
    ]
    fill_page_ratios(figures)
    assert check(figures, "zip_bomb_vs_small_xlsx").passed is passed
    assert figures[1].values["vs_small_xlsx"] == pytest.approx(bomb_cpu_ms / 10.0)


def test_the_benchmark_zip_bomb_is_about_100_kb_and_is_refused() -> None:
    from tools.bench import spreadsheets

    figures = spreadsheets.measure(number=1, repeat=1)
    bomb = next(f for f in figures if f.id == "xlsx_bomb")
    assert 80 < bomb.values["kb"] < 130 and bomb.values["unpacked_mb"] > 40
    assert bomb.values["outcome"] == "refused"


def hostile(figure_id: str, worst_ms: float, peak_mib: float, exit_code: int = 2, one_line: bool = True) -> Figure:
    values = {"worst_ms": worst_ms, "median_ms": worst_ms, "peak_mib": peak_mib, "exit_code": exit_code}
    return Figure(figure_id, figure_id, "hostile", {**values, "one_line": one_line})


@pytest.mark.parametrize(
    ("worst_ms", "peak_mib", "time_passed", "memory_passed"),
    [(20.0, 0.5, True, True), (999.0, 99.0, True, True), (1000.0, 0.5, False, True), (20.0, 256.0, True, False)],
)
def test_every_bad_input_must_be_refused_under_a_second_and_100_mb(
    worst_ms: float, peak_mib: float, time_passed: bool, memory_passed: bool
) -> None:
    figures = [hostile("hostile_baseline", 80.0, 0.5, exit_code=0), hostile("hostile_a", 5.0, 0.1)]
    figures.append(hostile("hostile_b", worst_ms, peak_mib))
    assert check(figures, "hostile_ms").passed is time_passed
    assert check(figures, "hostile_mib").passed is memory_passed
    assert check(figures, "hostile_ms").value == max(worst_ms, 5.0)


@pytest.mark.parametrize(("exit_code", "one_line", "passed"), [(2, True, True), (1, True, False), (2, False, False)])
def test_every_bad_input_must_exit_2_with_one_line(exit_code: int, one_line: bool, passed: bool) -> None:
    figures = [hostile("hostile_baseline", 80.0, 0.5, exit_code=0, one_line=False)]
    figures += [hostile("hostile_a", 5.0, 0.1), hostile("hostile_b", 5.0, 0.1, exit_code, one_line)]
    refused = check(figures, "hostile_refused")
    assert refused.passed is passed
    assert refused.value == (2 if passed else 1) and refused.unit == "of 2"


def test_bad_input_is_not_measured_when_no_case_ran() -> None:
    assert check([], "hostile_ms").passed is None


def test_a_refusal_is_compared_with_scoring_a_good_mapping() -> None:
    figures = [hostile("hostile_baseline", 80.0, 0.5, exit_code=0), hostile("hostile_a", 20.0, 0.1)]
    fill_page_ratios(figures)
    assert figures[1].values["vs_good"] == pytest.approx(0.25)
    assert "vs_good" not in figures[0].values
