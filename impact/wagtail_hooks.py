"""How impact adds itself to other apps' pages (lib.page_sections) without them importing it."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail import hooks

from impact import services
from impact.models import MODEL_PARTS

if TYPE_CHECKING:
    from home.dashboard import DashboardSection


@hooks.register("training_roster_sections")
def roster_section(request: Any, event: Any) -> str:
    figures = services.cohort_figures(event)
    context = {"event": event, "figures": figures, "min_group": services.min_group()}
    return render_to_string("impact/includes/roster_section.html", context, request=request)


@hooks.register("matrix_board_sections")
def board_section(request: Any) -> str | None:
    figures = services.board_figures(request.user)
    if figures is None:
        return None
    context = {
        "figures": figures,
        "overall_and_agencies": (figures.overall, *figures.by_agency) if figures.overall else (),
        "responses_text": f"{figures.responses} answers",
        "parts": MODEL_PARTS,
        "min_group": services.min_group(),
    }
    return render_to_string("impact/includes/board_section.html", context, request=request)


@hooks.register("matrix_mine_sections")
def observed_in_practice(request: Any) -> str | None:
    observation = services.last_observed(request.user)
    if observation is None:
        return None
    return render_to_string("impact/includes/observed_in_practice.html", {"observation": observation}, request=request)


@hooks.register("register_privacy_provider", order=50)
def privacy_provider() -> ModuleType:
    """What impact keeps about a person, for the data export and erasure (privacy.registry)."""
    from impact import privacy

    return privacy


@hooks.register("register_dashboard_section")
def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    """impact's block of the signed-in home page (impact/dashboard.py), or None when it has nothing to show."""
    from impact.dashboard import dashboard_section as section

    return section(request)
