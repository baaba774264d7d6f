"""A course's structure and one learner's place in it, in a fixed number of queries.

`load_outlines` reads the live modules and lessons of any number of courses
with two queries (lesson bodies are not loaded); `learner_course_view` adds
the learner's progress with two more. Pages and the dashboard build on these,
so no page issues a query per lesson or per learner.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from courses import tree_cache
from courses.models import (
    CourseCompletion,
    CourseIndexPage,
    CoursePage,
    JournalEntry,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuestionAnswer,
)
from courses.rules import (
    LESSON_STATE_LABELS,
    Progress,
    checks_needed,
    course_progress,
    lesson_state,
    neighbours,
    recorded_by,
)
from matrix.models import CompletionRecord


@dataclass
class Outline:
    course: CoursePage
    modules: list[tuple[ModulePage, list[LessonPage]]] = field(default_factory=list)

    @property
    def lessons(self) -> list[LessonPage]:
        return [lesson for _, lessons in self.modules for lesson in lessons]


def load_outlines(courses: list[CoursePage]) -> dict[int, Outline]:
    """Live modules and the live lessons inside live modules, in tree order.

    The shape of each course is cached until a page changes (`tree_cache`);
    for the courses not in the cache, two queries load them all."""
    by_path = {c.path: c for c in courses}
    shapes = tree_cache.cached_many("outline", list(by_path), _load_shapes)
    return {by_path[path].pk: Outline(by_path[path], shapes[path]) for path in by_path}


def _load_shapes(paths: list[str]) -> dict[str, list[tuple[ModulePage, list[LessonPage]]]]:
    shapes: dict[str, list[tuple[ModulePage, list[LessonPage]]]] = {path: [] for path in paths}
    if not paths:
        return shapes
    under_courses = reduce(operator.or_, (Q(path__startswith=path) for path in paths))
    depth = len(paths[0]) // ModulePage.steplen
    modules = list(ModulePage.objects.live().public().filter(under_courses, depth=depth + 1).order_by("path"))
    lessons = list(LessonPage.objects.live().public().filter(under_courses).defer_streamfields().order_by("path"))
    by_module: dict[str, list[LessonPage]] = {m.path: [] for m in modules}
    for lesson in lessons:
        bucket = by_module.get(lesson.path[: -LessonPage.steplen])
        if bucket is not None:
            bucket.append(lesson)
    for module in modules:
        shape = shapes.get(module.path[: -ModulePage.steplen])
        if shape is not None:
            shape.append((module, by_module[module.path]))
    return shapes


def course_of(page: Page) -> CoursePage | None:
    """The live or draft course a module or lesson is in (cached until a page changes)."""
    return tree_cache.cached("course-of", page.path, lambda: CoursePage.objects.ancestor_of(page).first())


def breadcrumbs_of(page: Page) -> list[Page]:
    """The page's ancestors below the root, for its breadcrumbs (cached until a page changes)."""
    return tree_cache.cached("crumbs", page.path, lambda: list(page.get_ancestors().filter(depth__gt=1)))


def load_outline(course: CoursePage) -> Outline:
    return load_outlines([course])[course.pk]


@dataclass
class LessonItem:
    page: LessonPage
    url: str
    state: str

    @property
    def state_label(self) -> str:
        return LESSON_STATE_LABELS[self.state]


@dataclass
class ModuleItem:
    page: ModulePage
    url: str
    lessons: list[LessonItem]

    @property
    def done(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.state == "complete")


@dataclass
class CourseView:
    course: CoursePage
    url: str
    modules: list[ModuleItem]
    progress: Progress
    completion: CourseCompletion | None
    continue_url: str | None
    ordered_ids: list[int]
    urls: dict[int, str]
    titles: dict[int, str]
    # The course's training completed some other way (recorded by the training
    # team, imported): the course counts as done, but can still be taken.
    recorded: CompletionRecord | None = None

    @property
    def certificate(self) -> Any:
        return getattr(self.completion, "certificate", None) if self.completion else None

    @property
    def recorded_note(self) -> str:
        return recorded_by(self.recorded.source) if self.recorded is not None else ""

    @property
    def done(self) -> bool:
        return self.completion is not None or self.recorded is not None

    @property
    def renewing(self) -> bool:
        """Completed before and being done again: lessons cleared for a renewal."""
        return self.completion is not None and self.progress.done < self.progress.total


def _page_url(page: Any, request: HttpRequest | None) -> str:
    return page.get_url(request) or ""


def _url_below(course_url: str, course: CoursePage, page: Page, request: HttpRequest | None) -> str:
    """A module's or lesson's URL from its course's: no page under a course
    routes itself, so the URL is the course's followed by the page's own part
    of the URL path (one `get_url` a course instead of one a page)."""
    if course_url.endswith("/") and page.url_path.startswith(course.url_path):
        return course_url + page.url_path[len(course.url_path) :]
    return _page_url(page, request)


def learner_course_views(
    outlines: list[Outline],
    user: Any,
    request: HttpRequest | None,
    rows: list[tuple[int, Any, Any]] | None = None,
    with_completions: bool = True,
) -> list[CourseView]:
    """The learner's state in each course: three queries whatever the number of courses or lessons.

    `rows`, when given, are the learner's progress rows in these courses,
    already read (the lesson page reads them to save the learner's place).
    Without `with_completions` the course's completion and recorded
    completion are not read (a lesson page shows neither)."""
    course_ids = [o.course.pk for o in outlines]
    preloaded = rows is not None
    rows = list(rows or [])
    completions: dict[int, CourseCompletion] = {}
    records: dict[int, CompletionRecord] = {}
    # Admin previews are served without a learner: show the page with no progress.
    signed_in = getattr(user, "is_authenticated", False)
    if signed_in and not preloaded:
        rows = list(
            LessonProgress.objects.filter(user=user, course_id__in=course_ids).values_list(
                "lesson_id", "completed_at", "last_opened_at"
            )
        )
    if signed_in and with_completions:
        completions = {
            c.course_id: c
            # Oldest first, so the latest completion of each course wins.
            for c in CourseCompletion.objects.filter(user=user, course_id__in=course_ids)
            .select_related("certificate")
            .order_by("completed_on", "pk")
        }
        training_ids = {o.course.training_id for o in outlines if o.course.training_id} - {
            o.course.training_id for o in outlines if o.course.pk in completions
        }
        if training_ids:
            # Oldest first, so the latest record for each training wins.
            current = CompletionRecord.objects.filter(user=user, training_id__in=training_ids).exclude(
                expires_on__lt=timezone.localdate()
            )
            for record in current.order_by("completed_on", "pk"):
                records[record.training_id] = record
    completed = {lesson_id for lesson_id, done_at, _ in rows if done_at is not None}
    opened = {lesson_id for lesson_id, _, _ in rows}
    last_opened_at = {lesson_id: when for lesson_id, _, when in rows}
    views = []
    for outline in outlines:
        ordered = [lesson.pk for lesson in outline.lessons]
        candidates = [lesson_id for lesson_id in ordered if lesson_id in last_opened_at]
        last = max(candidates, key=lambda lesson_id: last_opened_at[lesson_id]) if candidates else None
        progress = course_progress(ordered, completed, opened, last)
        course_url = _page_url(outline.course, request)
        urls = {lesson.pk: _url_below(course_url, outline.course, lesson, request) for lesson in outline.lessons}
        modules = [
            ModuleItem(
                page=module,
                url=_url_below(course_url, outline.course, module, request),
                lessons=[
                    LessonItem(lesson, urls[lesson.pk], lesson_state(lesson.pk, completed, opened))
                    for lesson in lessons
                ],
            )
            for module, lessons in outline.modules
        ]
        views.append(
            CourseView(
                course=outline.course,
                url=course_url,
                modules=modules,
                progress=progress,
                completion=completions.get(outline.course.pk),
                recorded=(records.get(outline.course.training_id) if outline.course.pk not in completions else None),
                continue_url=urls.get(progress.continue_id) if progress.continue_id else None,
                ordered_ids=ordered,
                urls=urls,
                titles={lesson.pk: lesson.title for lesson in outline.lessons},
            )
        )
    return views


def learner_course_view(
    outline: Outline,
    user: Any,
    request: HttpRequest | None,
    rows: list[tuple[int, Any, Any]] | None = None,
    with_completions: bool = True,
) -> CourseView:
    return learner_course_views([outline], user, request, rows, with_completions)[0]


def course_cards(courses: list[CoursePage], user: Any, request: HttpRequest | None = None) -> list[CourseView]:
    outlines = load_outlines(courses)
    return learner_course_views([outlines[c.pk] for c in courses], user, request)


def learner_lesson_context(lesson: LessonPage, request: HttpRequest) -> dict[str, Any]:
    """Everything a lesson page shows besides its body: place in the course,
    previous and next, the learner's answers and journal entries."""
    user = request.user
    if lesson.pk is None:
        # An admin preview of a lesson not saved yet: it has no place or answers.
        return {"course": None}
    course = getattr(lesson, "_course", None) or course_of(lesson)
    context: dict[str, Any] = {"course": course}
    if course is None:
        return context
    view = learner_course_view(
        load_outline(course), user, request, getattr(lesson, "_progress_rows", None), with_completions=False
    )
    previous_id, next_id = neighbours(view.ordered_ids, lesson.pk)
    module = next((m for m in view.modules if any(item.page.pk == lesson.pk for item in m.lessons)), None)
    signed_in = getattr(user, "is_authenticated", False)
    checks = lesson.knowledge_checks()
    has_reflection = any(child.block_type == "reflection" for child in lesson.body)
    answers = (
        {a.question_id: a for a in QuestionAnswer.objects.filter(user=user, lesson=lesson)}
        if signed_in and checks
        else {}
    )
    correct = sum(1 for question_id, _ in checks if question_id in answers and answers[question_id].correct)
    position = view.ordered_ids.index(lesson.pk) + 1 if lesson.pk in view.ordered_ids else None
    context.update(
        {
            "course_view": view,
            "module": module,
            "position": position,
            "previous": {"url": view.urls[previous_id], "title": view.titles[previous_id]} if previous_id else None,
            "next": {"url": view.urls[next_id], "title": view.titles[next_id]} if next_id else None,
            "learner_answers": answers,
            "learner_journal": (
                {e.prompt_id: e for e in JournalEntry.objects.filter(user=user, lesson=lesson)}
                if signed_in and has_reflection
                else {}
            ),
            "checks_total": len(checks),
            "checks_correct": correct,
            "checks_needed": checks_needed(len(checks), course.pass_mark),
            "lesson_complete": lesson.pk
            in {item.page.pk for m in view.modules for item in m.lessons if item.state == "complete"},
            "breadcrumbs": breadcrumbs_of(lesson),
        }
    )
    return context


def page_context(page: Page, request: HttpRequest) -> dict[str, Any]:
    """What a course page adds to its template's context for the learner viewing it.

    Registered as the pages' `courses_learner_context` hook. A page not saved
    yet (an admin preview) has nothing under it and no progress.
    """
    if isinstance(page, LessonPage):
        return learner_lesson_context(page, request)
    if page.pk is None:
        return {}
    if isinstance(page, CourseIndexPage):
        courses = list(CoursePage.objects.live().public().child_of(page).order_by("path"))
        return {"cards": course_cards(courses, request.user, request)}
    if isinstance(page, CoursePage):
        return {
            "course_view": learner_course_view(load_outline(page), request.user, request),
            "breadcrumbs": breadcrumbs_of(page),
        }
    if isinstance(page, ModulePage):
        course = course_of(page)
        course_view = learner_course_view(load_outline(course), request.user, request) if course else None
        module_view = next((m for m in course_view.modules if m.page.pk == page.pk), None) if course_view else None
        return {
            "course": course,
            "course_view": course_view,
            "module_view": module_view,
            "breadcrumbs": breadcrumbs_of(page),
        }
    return {}
