"""The impact section of the signed-in home page: what the learner is asked to do next."""

from __future__ import annotations

from django.http import HttpRequest

from home.dashboard import DashboardSection
from impact import services


def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    if not request.user.is_authenticated:
        return None
    tasks = services.tasks_for(request.user)
    return DashboardSection(
        title="After your training",
        template="impact/dashboard_section.html",
        context={"tasks": tasks},
        order=60,
    )
