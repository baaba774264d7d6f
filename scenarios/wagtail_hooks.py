"""Admin wiring: the jargon list and scenario sets as snippets under 'Case scenarios'."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from django.http import HttpRequest
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from people.admin_views import SnippetViewSet
from scenarios.models import JargonTerm, ScenarioSet

if TYPE_CHECKING:
    from home.dashboard import DashboardSection


class JargonTermViewSet(SnippetViewSet):
    model = JargonTerm
    icon = "warning"
    menu_label = "Jargon list"
    list_display = ["term", "plainer"]
    search_fields = ["term"]


class ScenarioSetViewSet(SnippetViewSet):
    model = ScenarioSet
    icon = "folder-open-inverse"
    menu_label = "Scenario sets"
    list_display = ["title", "training", "passes_needed"]


class ScenarioAdminGroup(SnippetViewSetGroup):
    items = (JargonTermViewSet, ScenarioSetViewSet)
    menu_icon = "clipboard-list"
    menu_label = "Case scenarios"
    menu_name = "case-scenarios"


register_snippet(ScenarioAdminGroup)


@hooks.register("register_privacy_provider", order=30)
def privacy_provider() -> ModuleType:
    """What scenarios keeps about a person, for the data export and erasure (privacy.registry)."""
    from scenarios import privacy

    return privacy


@hooks.register("register_demo_content", order=40)
def demo_content() -> ModuleType:
    """scenarios's part of the demo partnership, for `load_demo` (home.demo_loader)."""
    from scenarios import demo

    return demo


@hooks.register("register_dashboard_section")
def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    """scenarios's block of the signed-in home page (scenarios/dashboard.py), or None when it has nothing to show."""
    from scenarios.dashboard import dashboard_section as section

    return section(request)
