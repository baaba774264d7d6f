"""Admin wiring: the jargon list and scenario sets as snippets under 'Case scenarios'."""

from __future__ import annotations

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lib.admin_export import ExportingSnippetViewSet
from scenarios.models import JargonTerm, ScenarioSet


class JargonTermViewSet(ExportingSnippetViewSet):
    model = JargonTerm
    icon = "warning"
    menu_label = "Jargon list"
    list_display = ["term", "plainer"]
    search_fields = ["term"]


class ScenarioSetViewSet(ExportingSnippetViewSet):
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
