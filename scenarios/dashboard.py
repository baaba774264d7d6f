"""The dashboard section: scenarios in progress, recent results, progress towards each scenario set
the training matrix requires of the person, and for trainers a link to each scenario's statistics.

A scenario set counts ("0 of 2 scenarios passed") and the person is asked to practise only when the
matrix requires the set's training of them (`matrix.duties`). Their own drafts and results always show.
The section is left out when there is nothing in it."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from home.dashboard import DashboardSection
from matrix.duties import duties_for_request
from matrix.models import MatrixStatus, TrainingKind
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


def set_progress(user: object, training_ids: set[int] | None = None) -> list[SetProgress]:
    """Per scenario set (only those for `training_ids` when given): how many different scenarios the
    user has passed (attempts that count), of how many needed. Two queries."""
    sets = ScenarioSet.objects.prefetch_related("scenarios").order_by("title")
    if training_ids is not None:
        if not training_ids:
            return []
        sets = sets.filter(training_id__in=training_ids)
    passed_ids = set(Attempt.objects.counting().filter(user=user).values_list("scenario_id", flat=True).distinct())
    progress = []
    for scenario_set in sets:
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
    # Exempt people are asked nothing; everyone else required to pass a set sees how far they are.
    duties = {
        pk: duty
        for pk, duty in duties_for_request(request).items()
        if duty.kind == TrainingKind.SCENARIO_SET and duty.status != MatrixStatus.EXEMPT
    }
    counted = set(duties)
    context = {
        "drafts": drafts,
        "results": results,
        "sets": set_progress(request.user, counted),
        "practise": any(duties[pk].to_do for pk in counted),
        "reports": list(ScenarioPage.objects.live().order_by("path")) if reviewing else [],
    }
    if not any(context.values()):
        return None
    return DashboardSection(
        title="Case scenarios", template="scenarios/dashboard_section.html", context=context, order=40
    )
