"""The training matrix's part of a person's data: completions, work under
way, exemptions and requirement statuses (see privacy.registry)."""

from __future__ import annotations

from typing import Any

from matrix.history import record_changes
from matrix.models import CompletionRecord, Exemption, RequirementAssignment, TrainingActivity
from outbox.about import emails_with_keys, export_emails

SECTION = "training_record"
ERASED_REASON = "Reason removed when the person was erased"


def emails_about(user: Any) -> Any:
    """The copies of the person's reminders sent to their line manager
    (`matrix.reminders.reminder_key(..., manager=True)`)."""
    return emails_with_keys(pattern=rf"^matrix-reminder:[^:]+:{int(user.pk)}:.*:manager$")


def export_user_data(user: Any) -> dict[str, Any]:
    return {
        "completions": [
            {
                "training": row.training.title,
                "completed_on": row.completed_on,
                "source": row.get_source_display(),
                "expires_on": row.expires_on,
            }
            for row in CompletionRecord.objects.filter(user=user).select_related("training").order_by("completed_on")
        ],
        "activity": [
            {"training": row.training.title, "kind": row.get_kind_display(), "since": row.since}
            for row in TrainingActivity.objects.filter(user=user).select_related("training").order_by("since")
        ],
        "exemptions": [
            {"training": row.training.title, "reason": row.reason, "until": row.until}
            for row in Exemption.objects.filter(user=user).select_related("training").order_by("id")
        ],
        "requirements": [
            {
                "training": row.requirement.training.title,
                "status": row.get_status_display(),
                "due_on": row.due_on,
                "completed_on": row.completed_on,
                "expires_on": row.expires_on,
            }
            for row in RequirementAssignment.objects.filter(user=user)
            .select_related("requirement__training")
            .order_by("requirement__training__title")
        ],
        "history": [change.as_dict() for change in record_changes(user)],
        "emails_about_you": export_emails(emails_about(user)),
    }


def anonymise_user(user: Any) -> None:
    """Completions and statuses stay, so the matrix counts stay right; the
    reasons for an exemption (often about health or leave) go, and so do
    the copies of their reminders sent to their line manager."""
    emails_about(user).delete()
    Exemption.objects.filter(user=user).update(reason=ERASED_REASON)
    # The history of their records stays (who changed what, when, from what
    # to what), without the exemption reasons or the free-text reasons for changes.
    Exemption.history.filter(user_id=user.pk).update(reason=ERASED_REASON)
    for model in (CompletionRecord, Exemption, RequirementAssignment):
        model.history.filter(user_id=user.pk).exclude(history_change_reason__isnull=True).exclude(
            history_change_reason=""
        ).update(history_change_reason=ERASED_REASON)
    RequirementAssignment.objects.filter(user=user).exclude(exemption_reason="").update(exemption_reason=ERASED_REASON)
