"""The matrix in the Wagtail admin: training administrators edit the training
catalogue, the requirements and exemptions, and can look up completions."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSetGroup

from lib.change_reason import ChangeReasonForm, reason_panel
from matrix.models import CompletionRecord, Exemption, Requirement, Training
from matrix.reminders import preview
from people.admin_views import SnippetViewSet

if TYPE_CHECKING:
    from home.dashboard import DashboardSection


class TrainingViewSet(SnippetViewSet):
    model = Training
    icon = "doc-full"
    menu_label = "Trainings"
    list_display = ["title", "slug", "kind"]
    list_filter = ["kind"]
    search_fields = ["title", "slug"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("link"),
    ]


class RequirementViewSet(SnippetViewSet):
    model = Requirement
    icon = "tasks"
    menu_label = "Requirements"
    list_display = ["training", "role", "agency", "deadline_text"]
    list_filter = ["training", "role", "agency"]
    edit_handler = ObjectList(
        [
            FieldPanel("training"),
            FieldPanel("role"),
            FieldPanel("agency"),
            FieldPanel("due_within"),
            FieldPanel("due_unit"),
            FieldPanel("due_from"),
            FieldPanel("renewal_months"),
            reason_panel(),
        ],
        base_form_class=ChangeReasonForm,
    )


class ExemptionCreateView(CreateView):
    def save_instance(self) -> Any:
        # Who granted it is always the administrator who records it.
        self.form.instance.granted_by = self.request.user
        return super().save_instance()


class ExemptionViewSet(SnippetViewSet):
    model = Exemption
    icon = "pick"
    menu_label = "Exemptions"
    add_view_class = ExemptionCreateView
    list_display = ["user", "training", "reason", "until", "granted_by"]
    list_filter = ["training"]
    search_fields = ["reason"]
    edit_handler = ObjectList(
        [FieldPanel("user"), FieldPanel("training"), FieldPanel("reason"), FieldPanel("until"), reason_panel()],
        base_form_class=ChangeReasonForm,
    )


class CompletionRecordViewSet(SnippetViewSet):
    model = CompletionRecord
    icon = "success"
    menu_label = "Completions"
    list_display = ["user", "training", "completed_on", "source", "expires_on"]
    list_filter = ["training", "source"]
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("training"),
            FieldPanel("completed_on"),
            FieldPanel("source"),
            FieldPanel("source_ref"),
            FieldPanel("expires_on"),
            reason_panel(),
        ],
        base_form_class=ChangeReasonForm,
    )


class MatrixGroup(SnippetViewSetGroup):
    menu_label = "Training matrix"
    menu_icon = "table"
    menu_order = 310
    items = (TrainingViewSet, RequirementViewSet, ExemptionViewSet, CompletionRecordViewSet)


register_snippet(MatrixGroup)


@hooks.register("reminder_preview")
def reminders_planned(user: Any) -> list[dict[str, object]]:
    """The profile page lists what the matrix will send this person."""
    return preview(user)


@hooks.register("register_privacy_provider", order=40)
def privacy_provider() -> ModuleType:
    """What matrix keeps about a person, for the data export and erasure (privacy.registry)."""
    from matrix import privacy

    return privacy


@hooks.register("register_demo_content", order=50)
def demo_content() -> ModuleType:
    """matrix's part of the demo partnership, for `load_demo` (home.demo_loader)."""
    from matrix import demo

    return demo


@hooks.register("register_dashboard_section")
def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    """matrix's block of the signed-in home page (matrix/dashboard.py), or None when it has nothing to show."""
    from matrix.dashboard import dashboard_section as section

    return section(request)
