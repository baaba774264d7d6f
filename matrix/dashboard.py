"""The matrix's part of the signed-in home page: "What you must do, by when",
and for practice leads and administrators a one-line summary of their people."""

from __future__ import annotations

from django.http import HttpRequest

from home.dashboard import DashboardSection
from matrix import cache as matrix_cache
from matrix import reports
from matrix.views import my_requirements
from people.access import lead_scope_q
from people.models import LearnerProfile


def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    user = request.user
    if not user.is_authenticated:
        return None
    assignments = my_requirements(user)
    scope = lead_scope_q(user)
    headline = None
    if scope is not None:
        profiles = LearnerProfile.objects.filter(scope)
        # Q() is a training administrator's scope: everyone.
        headline = matrix_cache.cached(("headline", str(scope)), lambda: reports.headline(profiles, everyone=not scope))
    if not assignments and headline is None:
        return None
    return DashboardSection(
        title="What you must do, by when",
        template="matrix/dashboard.html",
        context={"cells": [(a, reports.cell_for(a)) for a in assignments], "headline": headline},
        order=10,
    )
