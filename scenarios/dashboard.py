"""The dashboard section: scenarios in progress, recent results, progress towards each scenario set,
and for trainers a link to each scenario's statistics."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from home.dashboard import DashboardSection
from scenarios.models import Attempt, AttemptStatus, ScenarioPage, ScenarioSet
from scenarios.permissions import can_review


@dataclass(frozen=True)
class SetProgress:
    title: str
    passed: int
    needed: int

    @property
    def complete(self) -> bool:
        return self.passed >= self.needed


def set_progress(user: object) -> list[SetProgress]:
    """Per scenario set: how many different scenarios the user has passed (attempts that count), of how
    many needed. Two queries."""
    passed_ids = set(Attempt.objects.counting().filter(user=user).values_list("scenario_id", flat=True).distinct())
    progress = []
    for scenario_set in ScenarioSet.objects.prefetch_related("scenarios").order_by("title"):
        in_set = {page.pk for page in scenario_set.scenarios.all()}
        needed = scenario_set.passes_needed
        progress.append(SetProgress(scenario_set.title, min(len(in_set & passed_ids), needed), needed))
    return progress


def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    if not request.user.is_authenticated:
        return None
    attempts = list(Attempt.objects.filter(user=request.user).select_related("scenario").order_by("-updated_at")[:20])
    drafts = [a for a in attempts if a.status == AttemptStatus.DRAFT][:5]
    results = [a for a in attempts if a.status == AttemptStatus.SUBMITTED][:5]
    reviewing = can_review(request.user)
    return DashboardSection(
        title="Case scenarios",
        template="scenarios/dashboard_section.html",
        context={
            "drafts": drafts,
            "results": results,
            "sets": set_progress(request.user),
            "reports": list(ScenarioPage.objects.live().order_by("path")) if reviewing else [],
        },
        order=40,
    )
