"""Wagtail wiring: what a learner sees on the course pages, saving their place
when they open a lesson, and the "Course statistics" view for content editors
and training administrators."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from courses.models.pages import LEARNER_CONTEXT_HOOK
from courses.outline import course_of, page_context
from courses.services import may_renew, open_lesson
from courses.statistics import course_statistics
from people.access import can_see_course_statistics
from people.models import User

if TYPE_CHECKING:
    from home.dashboard import DashboardSection


def can_see_statistics(user: object) -> bool:
    return can_see_course_statistics(user)


def statistics_view(request: HttpRequest) -> HttpResponse:
    if not can_see_statistics(request.user):
        raise PermissionDenied
    return render(request, "courses/admin/statistics.html", {"stats": course_statistics()})


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_see_statistics(request.user)


@hooks.register("register_admin_urls")
def register_statistics_url() -> list:
    return [path("course-statistics/", statistics_view, name="course_statistics")]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item() -> MenuItem:
    return StatisticsMenuItem("Course statistics", reverse("course_statistics"), icon_name="table", order=350)


hooks.register(LEARNER_CONTEXT_HOOK, page_context)


@hooks.register(LEARNER_CONTEXT_HOOK)
def renewal_context(page: Page, request: HttpRequest) -> dict[str, Any]:
    """On a course page: whether the learner completed it before and the matrix says it is due for renewal."""
    user = getattr(request, "user", None)
    if isinstance(page, CoursePage) and page.pk is not None and isinstance(user, User) and user.is_authenticated:
        return {"renewal_due": may_renew(user, page)}
    return {}


# After Wagtail's own checks (view restrictions), so a lesson the learner may
# not see is never recorded as opened. Previews do not pass through here.
@hooks.register("before_serve_page", order=100)
def open_lesson_on_view(page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> None:
    if isinstance(page, LessonPage) and request.user.is_authenticated:
        course = course_of(page)
        if course is not None:
            open_lesson(request.user, page, course)


@hooks.register("register_privacy_provider", order=10)
def privacy_provider() -> ModuleType:
    """What courses keeps about a person, for the data export and erasure (privacy.registry)."""
    from courses import privacy

    return privacy


@hooks.register("register_demo_content", order=20)
def demo_content() -> ModuleType:
    """courses's part of the demo partnership, for `load_demo` (home.demo_loader)."""
    from courses import demo

    return demo


@hooks.register("register_dashboard_section")
def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    """courses's block of the signed-in home page (courses/dashboard.py), or None when it has nothing to show."""
    from courses.dashboard import dashboard_section as section

    return section(request)
