"""The learner's courses on the signed-in home page: to do, under way and done."""

from __future__ import annotations

from django.http import HttpRequest

from courses.models import CoursePage
from courses.outline import assigned_courses, course_cards
from home.dashboard import DashboardSection


def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    user = request.user
    if not user.is_authenticated:
        return None
    assigned = assigned_courses(user)
    assigned_ids = {course.pk for course in assigned}
    # Courses the learner chose to start themselves show too.
    started = list(
        CoursePage.objects.live()
        .public()
        .filter(lesson_progress__user=user)
        .exclude(pk__in=assigned_ids)
        .distinct()
        .order_by("path")
    )
    cards = course_cards(assigned + started, user, request)
    if not cards:
        return None
    return DashboardSection(
        title="Your e-learning",
        template="courses/includes/dashboard_section.html",
        context={
            "to_do": [c for c in cards if not c.done and not c.progress.started],
            "in_progress": [c for c in cards if not c.done and c.progress.started],
            "completed": [c for c in cards if c.done],
        },
        order=20,
    )
