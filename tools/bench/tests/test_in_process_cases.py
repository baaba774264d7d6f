"""The in-process cases end to end on a tiny synthetic partnership: every page
is found, answers 200 and is timed, and queries are counted."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings

from people.models import User
from tools.bench import engine, export, pages


@pytest.fixture
def demo_partnership(db: Any) -> None:
    from home.demo_loader import load_all

    load_all(io.StringIO(), scale=30)


def test_the_query_counter_sees_every_query_of_a_request(db: Any, home_page: Any) -> None:
    client = Client()
    with pages.counting_queries() as counter:
        client.get("/")
    seen = counter.count
    assert seen > 0
    with pages.counting_queries() as counter:
        client.get("/")
        User.objects.count()
    assert counter.count == seen + 1


def test_the_query_counter_counts_nothing_outside_its_block(db: Any) -> None:
    with pages.counting_queries() as counter:
        pass
    User.objects.count()
    assert counter.count == 0


@override_settings(ROOT_URLCONF="tools.bench.urls")
def test_every_in_process_case_runs_on_a_small_partnership(demo_partnership: None) -> None:
    """One test, because loading the demo partnership is the slow part."""
    figures = {}
    clients = {}
    for case in pages.CASES:
        figure, target, client = pages.measure_page(case, runs=2, warmup=1)
        figures[case.id] = figure
        if not figure.skipped:
            assert target is not None and client is not None
            assert figure.values["median_ms"] > 0
            assert pages.count_only(case) == (case.id, figure.values["queries"], "")
            clients[case.id] = client
    assert figures["bare_view"].values["queries"] == 0
    must_run = {
        "bare_view",
        "plain_page",
        "lesson_page",
        "course_page",
        "matrix_summary",
        "matrix_summary_fresh",
        "matrix_people",
    }
    assert [figures[i].skipped for i in sorted(must_run)] == [""] * len(must_run)
    assert figures["plain_page"].values["queries"] > 0
    # Measured just after a change, the summary computes its figures again.
    assert figures["matrix_summary_fresh"].values["queries"] > figures["matrix_summary"].values["queries"]
    assert figures["lesson_page"].values["signed_in_as"] == pages.LEARNER_EMAIL

    # The session cookie handed to wrk signs the learner in.
    cookie = pages.session_cookie(clients["plain_page"])
    assert cookie.startswith(f"{settings.SESSION_COOKIE_NAME}=")
    fresh = Client()
    fresh.cookies[settings.SESSION_COOKIE_NAME] = cookie.split("=", 1)[1]
    assert fresh.get(pages.ensure_plain_page().url).wsgi_request.user.email == pages.LEARNER_EMAIL

    # The export is read to the end, with its rows and peak memory.
    exported, baseline, traced = export.measure_export(pages.locate_export, runs=1)
    assert not exported.skipped, exported.skipped
    learners = User.objects.filter(profile__isnull=False).count()
    assert 30 <= exported.values["rows"] <= learners
    assert exported.values["peak_mib"] > 0
    assert baseline.values["rows"] == exported.values["rows"]
    assert traced is not None and traced.columns == exported.values["columns"]


def test_a_page_that_redirects_is_skipped_with_the_reason(db: Any, home_page: Any) -> None:
    case = pages.PageCase("mine", "Matrix, my row", lambda: pages.Target("/matrix/mine/", None))
    figure, target, _ = pages.measure_page(case, runs=1, warmup=0)
    assert target is None
    assert "answered 302" in figure.skipped


def test_the_scoring_engine_is_timed_against_json_parsing() -> None:
    scoring, parsing = engine.measure(Path(settings.BASE_DIR) / "scenarios" / "content", iterations=24, repeat=2)
    assert not scoring.skipped, scoring.skipped
    assert scoring.values["median_ms"] > parsing.values["median_ms"] > 0
    assert scoring.values["mappings"] >= 2
