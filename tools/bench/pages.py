"""In-process page cases: server time with Django's test client, and queries.

Each case knows how to find its page in the benchmark database and who looks
at it. A case whose page does not exist yet (its app has not landed, or the
demo content lacks it) is skipped with the reason, never faked.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.test import Client

from tools.bench.report import Figure
from tools.bench.stats import time_interleaved

LEARNER_EMAIL = "sam.okafor@northbridge.gov.uk"
ADMIN_EMAIL = "alex.morgan@northbridge.gov.uk"
PLAIN_PAGE_SLUG = "bench-plain-page"


class Skip(Exception):
    """The case cannot be measured in this database; the message says why."""


@dataclass(frozen=True)
class Target:
    url: str
    user_email: str | None


@dataclass(frozen=True)
class PageCase:
    id: str
    title: str
    locate: Callable[[], Target]
    # Also loaded over HTTP under gunicorn.
    http: bool = False
    # Run before every request, outside the timing's subject: for a page
    # measured as it is just after the data changed (nothing cached).
    before_each: Callable[[], None] | None = None

    def fetch(self, client: Client, url: str) -> Any:
        if self.before_each is not None:
            self.before_each()
        return client.get(url)


@dataclass
class QueryCounter:
    """Counts every statement the connection executes. Unlike
    CaptureQueriesContext it does not read `connection.queries`, which the
    request_started signal empties half-way through a test-client request."""

    count: int = 0

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def counting_queries() -> Iterator[QueryCounter]:
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        yield counter


def _import(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise Skip(f"{module}.{name} does not exist yet") from exc


def _user(email: str) -> Any:
    from people.models import User

    user = User.objects.filter(email=email).first()
    if user is None:
        raise Skip(f"the demo account {email} is missing")
    return user


# --- Baselines -----------------------------------------------------------------------

PLAIN_BODY = [
    ("heading", "What this page is for"),
    (
        "paragraph",
        "<p>This page is the benchmark's plain Wagtail page. It has a title, headings and "
        "paragraphs of rich text, like a lesson without its interactive parts, so the cost of a "
        "lesson can be compared with the cost of Wagtail serving an ordinary page.</p>",
    ),
    ("heading", "Working with families"),
    (
        "paragraph",
        "<p>Practitioners talk with families about what is going well, what they are worried about "
        "and what needs to happen next. They write in <strong>plain words</strong> that the family "
        "understands, and they ask the family and their network to build the plan with them.</p>"
        "<ul><li>Worries are described by what happened and what might happen.</li>"
        "<li>Strengths are not the same as safety shown over time.</li>"
        "<li>Goals say what people will do, not only what they will stop.</li></ul>",
    ),
    ("heading", "Scaling"),
    (
        "paragraph",
        "<p>A scaling question asks everyone to put a number on how safe the child is now, from "
        "0 to 10, and to say why. The differences between the numbers start the conversation about "
        "what would move the number up by one.</p>",
    ),
]


def locate_bare() -> Target:
    return Target("/bench/bare/", None)


def ensure_plain_page() -> Any:
    from home.models import HomePage, StandardPage

    home = HomePage.objects.first()
    if home is None:
        raise Skip("there is no home page (load_demo has not run)")
    page = StandardPage.objects.child_of(home).filter(slug=PLAIN_PAGE_SLUG).first()
    if page is None:
        page = StandardPage(title="A plain page", slug=PLAIN_PAGE_SLUG, body=PLAIN_BODY)
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def locate_plain() -> Target:
    # Asked for by the same signed-in learner as the lesson, so the ratio is
    # the lesson's own cost, not the cost of a session.
    _user(LEARNER_EMAIL)
    return Target(ensure_plain_page().url, LEARNER_EMAIL)


# --- E-learning ----------------------------------------------------------------------


def _new_staff_course() -> Any:
    course_page = _import("courses.models", "CoursePage")
    course = course_page.objects.live().filter(audience="new_staff").order_by("path").first()
    if course is None:
        raise Skip("there is no live course for new staff in the demo content")
    return course


def locate_lesson() -> Target:
    lesson_page = _import("courses.models", "LessonPage")
    course = _new_staff_course()
    lessons = list(lesson_page.objects.live().descendant_of(course).order_by("path"))
    if not lessons:
        raise Skip("the new-staff course has no lessons")
    # A lesson with a knowledge check, the heaviest kind a learner meets.
    with_check = [lesson for lesson in lessons if lesson.knowledge_checks()]
    lesson = (with_check or lessons)[0]
    _user(LEARNER_EMAIL)
    return Target(lesson.url, LEARNER_EMAIL)


def locate_course() -> Target:
    lesson_page = _import("courses.models", "LessonPage")
    open_lesson = _import("courses.services", "open_lesson")
    complete_lesson = _import("courses.services", "complete_lesson")
    course = _new_staff_course()
    learner = _user(LEARNER_EMAIL)
    # Some progress to show: the first lessons done, the next one opened.
    lessons = list(lesson_page.objects.live().descendant_of(course).order_by("path")[:4])
    for lesson in lessons[:3]:
        if not lesson.knowledge_checks():
            open_lesson(learner, lesson, course)
            complete_lesson(learner, lesson, course)
    if lessons:
        open_lesson(learner, lessons[-1], course)
    return Target(course.url, LEARNER_EMAIL)


# --- Scenarios -------------------------------------------------------------------------


SCENARIO_SLUG = "hollins-family"


def locate_scenario_result() -> Target:
    """The learner's submitted attempt at the worked example, scored from the
    imperfect learner mapping kept with the scenario content, so the page has
    feedback lines to show."""
    import json

    from django.urls import NoReverseMatch, reverse

    scenario_page = _import("scenarios.models", "ScenarioPage")
    attempt_model = _import("scenarios.models", "Attempt")
    start_attempt = _import("scenarios.services", "start_attempt")
    submit_attempt = _import("scenarios.services", "submit_attempt")
    page = scenario_page.objects.live().filter(slug=SCENARIO_SLUG).first() or scenario_page.objects.live().first()
    if page is None:
        raise Skip("there is no live scenario in the demo content")
    learner = _user(LEARNER_EMAIL)
    attempt = attempt_model.objects.filter(user=learner, scenario=page, submitted_at__isnull=False).first()
    if attempt is None:
        mapping_file = settings.BASE_DIR / "scenarios" / "content" / "mappings" / f"{page.slug}.learner.json"
        if not mapping_file.exists():
            raise Skip(f"no learner mapping {mapping_file.name} to submit")
        attempt = start_attempt(learner, page)
        submit_attempt(attempt, json.loads(mapping_file.read_text(encoding="utf-8")))
    try:
        return Target(reverse("scenarios:result", kwargs={"pk": attempt.pk}), LEARNER_EMAIL)
    except NoReverseMatch as exc:
        raise Skip("the URL scenarios:result does not exist yet") from exc


# --- The matrix ------------------------------------------------------------------------


def _matrix_url(name: str, query: str = "", **kwargs: str) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, kwargs=kwargs or None) + query
    except NoReverseMatch as exc:
        raise Skip(f"the URL {name} does not exist yet") from exc


def locate_matrix_summary() -> Target:
    _user(ADMIN_EMAIL)
    return Target(_matrix_url("matrix:summary"), ADMIN_EMAIL)


def matrix_changed() -> None:
    """What a new completion does to the cached matrix figures: they go stale."""
    _import("matrix.cache", "bump")()


def locate_matrix_people() -> Target:
    _user(ADMIN_EMAIL)
    return Target(_matrix_url("matrix:people"), ADMIN_EMAIL)


def locate_export() -> Target:
    _user(ADMIN_EMAIL)
    return Target(_matrix_url("matrix:people_export", fmt="csv"), ADMIN_EMAIL)


CASES: list[PageCase] = [
    PageCase("bare_view", "Bare Django view (baseline)", locate_bare, http=True),
    PageCase("plain_page", "Plain Wagtail page, rich text (baseline)", locate_plain, http=True),
    PageCase("lesson_page", "Lesson page, signed in", locate_lesson, http=True),
    PageCase("course_page", "Course page with progress", locate_course, http=True),
    PageCase("scenario_result_page", "Scenario result page", locate_scenario_result, http=True),
    PageCase("matrix_summary", "Matrix summary, every learner", locate_matrix_summary),
    PageCase(
        "matrix_summary_fresh",
        "Matrix summary, every learner, just after a completion (nothing cached)",
        locate_matrix_summary,
        before_each=matrix_changed,
    ),
    PageCase("matrix_people", "Matrix person view, one page of 50", locate_matrix_people),
]


# --- Measuring -----------------------------------------------------------------------


def signed_in_client(email: str | None) -> Client:
    client = Client()
    if email is not None:
        client.force_login(_user(email), backend=settings.AUTHENTICATION_BACKENDS[0])
    return client


def session_cookie(client: Client) -> str:
    morsel = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return "" if morsel is None else f"{settings.SESSION_COOKIE_NAME}={morsel.value}"


def fetch_ok(client: Client, url: str) -> Any:
    response = client.get(url)
    if response.status_code != 200:
        where = f" to {response['Location']}" if response.has_header("Location") else ""
        raise Skip(f"{url} answered {response.status_code}{where}, not 200")
    return response


def count_page_queries(client: Client, url: str, before: Callable[[], None] | None = None) -> int:
    if before is not None:
        before()
    with counting_queries() as counter:
        fetch_ok(client, url)
    return counter.count


def measure_page(case: PageCase, *, runs: int, warmup: int) -> tuple[Figure, Target | None, Client | None]:
    return measure_pages([case], runs=runs, warmup=warmup)[0]


def measure_pages(
    cases: list[PageCase], *, runs: int, warmup: int
) -> list[tuple[Figure, Target | None, Client | None]]:
    """Each case's page checked, its queries counted, then all of them timed
    in turn within each run (`time_interleaved`), so the pages' ratios to the
    baselines compare requests made under the same load."""
    results: list[tuple[Figure, Target | None, Client | None]] = []
    ready: list[tuple[PageCase, Figure, Target, Client]] = []
    for case in cases:
        figure = Figure(case.id, case.title, "page")
        try:
            target = case.locate()
            client = signed_in_client(target.user_email)
            response = fetch_ok(client, target.url)
            queries = count_page_queries(client, target.url, case.before_each)
        except Skip as skip:
            figure.skipped = str(skip)
            results.append((figure, None, None))
            continue
        except Exception as exc:  # noqa: BLE001 - one broken page must not lose the whole run
            figure.skipped = failure(exc)
            results.append((figure, None, None))
            continue
        figure.values.update(
            {
                "url": target.url,
                "signed_in_as": target.user_email or "anonymous",
                "queries": queries,
                "bytes": len(response.content) if not response.streaming else None,
            }
        )
        ready.append((case, figure, target, client))
        results.append((figure, target, client))

    def fetcher(case: PageCase, client: Client, url: str) -> Callable[[], Any]:
        return lambda: case.fetch(client, url)

    summaries = time_interleaved(
        [fetcher(case, client, target.url) for case, _, target, client in ready], runs=runs, warmup=warmup
    )
    for (_, figure, _, _), summary in zip(ready, summaries, strict=True):
        figure.values.update(
            {
                "median_ms": summary.median,
                "p90_ms": summary.p90,
                "min_ms": summary.minimum,
                "max_ms": summary.maximum,
                "runs": summary.runs,
            }
        )
    return results


def count_only(case: PageCase) -> tuple[str, int | None, str]:
    """The query count of one case, for the small-scale database."""
    try:
        target = case.locate()
        client = signed_in_client(target.user_email)
        fetch_ok(client, target.url)
        return case.id, count_page_queries(client, target.url, case.before_each), ""
    except Skip as skip:
        return case.id, None, str(skip)
    except Exception as exc:  # noqa: BLE001 - one broken page must not lose the whole run
        return case.id, None, failure(exc)


def failure(exc: BaseException) -> str:
    return f"failed with {type(exc).__name__}: {str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ''}"
