"""Admin screens for training administrators: courses, licences, and (read only) events and the audit trail.

Events are listed and inspected here but changed on the platform's own pages
(`training:event_edit`, `training:cancel_event`), because those go through
`services.update_event` and `services.cancel_event`: the capacity rule, the
emails and calendar updates, and the audit entry. The booking history is
written by the services only. Both models get a permission policy that
refuses add, change and delete to everyone, superusers included, whatever
their groups say; the policies are registered before any viewset asks for one.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSetGroup

from lib.admin_export import SafeExportIndexView
from people.admin_views import ReadOnlyPermissionPolicy, SnippetViewSet
from training.models import BookingAuditEntry, ClassroomCourse, Event, EventStatus, TrainerLicence

if TYPE_CHECKING:
    from home.dashboard import DashboardSection

register_permission_policy(Event, ReadOnlyPermissionPolicy(Event), exact_class=True)
register_permission_policy(BookingAuditEntry, ReadOnlyPermissionPolicy(BookingAuditEntry), exact_class=True)


def _platform_links(event: Event) -> list[tuple[str, str, str]]:
    """(label, url, icon) for the platform pages that change an event through the services."""
    links = [("Roster on the platform", reverse("training:roster", args=[event.pk]), "group")]
    if event.status != EventStatus.CANCELLED:
        links += [
            ("Change on the platform", reverse("training:event_edit", args=[event.pk]), "edit"),
            ("Cancel on the platform", reverse("training:cancel_event", args=[event.pk]), "cross"),
        ]
    return links


class EventIndexView(SafeExportIndexView):
    @cached_property
    def header_buttons(self) -> list[HeaderButton]:
        return [HeaderButton("Create an event on the platform", url=reverse("training:event_create"), icon_name="plus")]

    def get_list_more_buttons(self, instance: Event) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        for priority, (label, url, icon) in enumerate(_platform_links(instance), start=40):
            buttons.append(MenuItem(label, url=url, icon_name=icon, priority=priority))
        return buttons


class EventInspectView(InspectView):
    @cached_property
    def header_more_buttons(self) -> list[Button]:
        return super().header_more_buttons + [
            Button(label, url=url, icon_name=icon, priority=priority)
            for priority, (label, url, icon) in enumerate(_platform_links(self.object), start=40)
        ]


class ClassroomCourseViewSet(SnippetViewSet):
    model = ClassroomCourse
    icon = "group"
    menu_label = "Classroom courses"
    list_display = ["title", "kind", "requires_manager_approval", "late_cancellation_days"]


class EventViewSet(SnippetViewSet):
    """Read only: changes go through the platform's event pages (see the module docstring)."""

    model = Event
    icon = "date"
    menu_label = "Events"
    list_display = ["__str__", "status", "capacity", "venue_name"]
    list_filter = ["status", "course"]
    index_view_class = EventIndexView
    inspect_view_class = EventInspectView
    inspect_view_enabled = True


class TrainerLicenceViewSet(SnippetViewSet):
    model = TrainerLicence
    icon = "pick"
    menu_label = "Trainer licences"
    list_display = ["trainer", "course", "course_kind", "reference", "valid_until"]


class AuditViewSet(SnippetViewSet):
    """Read the audit trail here; it is written only by the booking services."""

    model = BookingAuditEntry
    icon = "history"
    menu_label = "Booking history"
    list_display = ["at", "actor", "action", "event", "booking"]
    list_filter = ["action"]
    inspect_view_enabled = True


class TrainingGroup(SnippetViewSetGroup):
    items = (ClassroomCourseViewSet, EventViewSet, TrainerLicenceViewSet, AuditViewSet)
    menu_icon = "group"
    menu_label = "Classroom training"
    menu_name = "classroom-training"
    menu_order = 300


register_snippet(TrainingGroup)


@hooks.register("register_privacy_provider", order=20)
def privacy_provider() -> ModuleType:
    """What training keeps about a person, for the data export and erasure (privacy.registry)."""
    from training import privacy

    return privacy


@hooks.register("register_demo_content", order=30)
def demo_content() -> ModuleType:
    """training's part of the demo partnership, for `load_demo` (home.demo_loader)."""
    from training import demo

    return demo


@hooks.register("register_dashboard_section")
def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    """training's block of the signed-in home page (training/dashboard.py), or None when it has nothing to show."""
    from training.dashboard import dashboard_section as section

    return section(request)
