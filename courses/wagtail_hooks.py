"""Admin wiring: the "Course statistics" view for content editors and training administrators."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses.statistics import course_statistics
from people.access import can_see_course_statistics


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
