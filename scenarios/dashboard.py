"""The learner's dashboard section: scenarios in progress and recent results."""

from __future__ import annotations

from django.http import HttpRequest

from elearning.home.dashboard import DashboardSection
from scenarios.models import Attempt, AttemptStatus


def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    if not request.user.is_authenticated:
        return None
    attempts = list(Attempt.objects.filter(user=request.user).select_related("scenario").order_by("-updated_at")[:20])
    drafts = [a for a in attempts if a.status == AttemptStatus.DRAFT][:5]
    results = [a for a in attempts if a.status == AttemptStatus.SUBMITTED][:5]
    return DashboardSection(
        title="Case scenarios",
        template="scenarios/dashboard_section.html",
        context={"drafts": drafts, "results": results},
        order=40,
    )
