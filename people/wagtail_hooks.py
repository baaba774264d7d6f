"""People and organisations in the Wagtail admin, for training administrators."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from django.http import HttpRequest
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lib.change_reason import ChangeReasonForm, reason_panel
from people.admin_views import SnippetViewSet, refuse_user_bulk_escalation
from people.models import Agency, LearnerProfile, Role, Team

if TYPE_CHECKING:
    from home.dashboard import DashboardSection


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    list_display = ["name", "agency"]
    list_filter = ["agency"]
    search_fields = ["name"]


class RoleViewSet(SnippetViewSet):
    model = Role
    icon = "user"
    list_display = ["name", "description"]
    search_fields = ["name"]


class LearnerProfileViewSet(SnippetViewSet):
    model = LearnerProfile
    icon = "user"
    menu_label = "Learner profiles"
    list_display = ["user", "agency", "team", "role", "start_date"]
    list_filter = ["agency", "role"]
    edit_handler = ObjectList([*LearnerProfile.panels, reason_panel()], base_form_class=ChangeReasonForm)


class PeopleGroup(SnippetViewSetGroup):
    menu_label = "People"
    menu_icon = "group"
    menu_order = 300
    items = (AgencyViewSet, TeamViewSet, RoleViewSet, LearnerProfileViewSet)


register_snippet(PeopleGroup)

hooks.register("before_bulk_action", refuse_user_bulk_escalation)


@hooks.register("register_privacy_provider", order=100)
def privacy_provider() -> ModuleType:
    """What people keeps about a person, for the data export and erasure (privacy.registry)."""
    from people import privacy

    return privacy


@hooks.register("register_demo_content", order=0)
def demo_content() -> ModuleType:
    """people's part of the demo partnership, for `load_demo` (home.demo_loader)."""
    from people import demo

    return demo


@hooks.register("register_dashboard_section")
def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    """people's block of the signed-in home page (people/dashboard.py), or None when it has nothing to show."""
    from people.dashboard import dashboard_section as section

    return section(request)
