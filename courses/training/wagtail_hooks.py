"""Admin screens for training administrators: courses, events, licences, bookings and the audit trail."""

from __future__ import annotations

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.training.models import BookingAuditEntry, ClassroomCourse, Event, TrainerLicence


class ClassroomCourseViewSet(SnippetViewSet):
    model = ClassroomCourse
    icon = "group"
    menu_label = "Classroom courses"
    list_display = ["title", "kind", "requires_manager_approval", "late_cancellation_days"]


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = "Events"
    list_display = ["__str__", "status", "capacity", "venue_name"]
    list_filter = ["status", "course"]


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
