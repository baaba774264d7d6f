"""Which pages show other people's records, and whose.

The middleware in `middleware.py` writes an `AuditEvent` when one of these
pages is answered 200 to a signed-in user, so the apps that own the pages
need no change. A page that shows one person's record names a resolver that
finds that person from the URL; viewing your own record is not logged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from privacy.models import AuditAction


def _attempt_owner(kwargs: dict[str, Any]) -> Any:
    from scenarios.models import Attempt

    attempt = Attempt.objects.select_related("user").filter(pk=kwargs.get("pk")).first()
    return attempt.user if attempt else None


def _user_by_pk(kwargs: dict[str, Any]) -> Any:
    from people.models import User

    key = kwargs.get("pk") or kwargs.get("user_id")
    return User.objects.filter(pk=key).first() if str(key or "").isdigit() else None


def _owner_of(model_path: str) -> Callable[[dict[str, Any]], Any]:
    """The person a record in the admin belongs to (its `user`), by the URL's pk."""

    def find(kwargs: dict[str, Any]) -> Any:
        from django.apps import apps

        key = str(kwargs.get("pk") or "")
        if not key.isdigit():
            return None
        record = apps.get_model(model_path).objects.select_related("user").filter(pk=key).first()
        return record.user if record else None

    return find


SubjectFinder = Callable[[dict[str, Any]], Any]

# The admin's screens for people's records (Wagtail snippets): lists, and one
# record opened to read or edit.
_ADMIN_RECORDS = {
    "people_learnerprofile": "people.LearnerProfile",
    "matrix_completionrecord": "matrix.CompletionRecord",
    "matrix_exemption": "matrix.Exemption",
}

# URL name -> (action, how to find the one person shown, or None for a list).
AUDITED: dict[str, tuple[str, SubjectFinder | None]] = {
    "matrix:people": (AuditAction.VIEW, None),
    "matrix:person": (AuditAction.VIEW, _user_by_pk),
    "matrix:summary": (AuditAction.VIEW, None),
    "matrix:board": (AuditAction.VIEW, None),
    "matrix:people_export": (AuditAction.EXPORT, None),
    "matrix:summary_export": (AuditAction.EXPORT, None),
    "matrix:import_preview": (AuditAction.VIEW, None),
    "training:roster": (AuditAction.VIEW, None),
    "training:attendance": (AuditAction.VIEW, None),
    "training:sign_in_sheet": (AuditAction.VIEW, None),
    "training:roster_csv": (AuditAction.EXPORT, None),
    "training:lead_report": (AuditAction.VIEW, None),
    "training:approvals": (AuditAction.VIEW, None),
    "scenarios:result": (AuditAction.VIEW, _attempt_owner),
    "scenarios:report": (AuditAction.VIEW, None),
    "scenarios:reviews": (AuditAction.VIEW, None),
    "scenarios:review": (AuditAction.VIEW, _attempt_owner),
    "privacy:person": (AuditAction.VIEW, _user_by_pk),
    "impact:event_evaluation": (AuditAction.VIEW, None),
    "impact:cohort": (AuditAction.VIEW, None),
    "impact:evaluation": (AuditAction.VIEW, None),
    "impact:observations": (AuditAction.VIEW, None),
    "privacy:requests": (AuditAction.VIEW, None),
    # Reading the audit log shows who looked at whose records.
    "privacy:audit_log": (AuditAction.VIEW, None),
    # The people a line manager or administrator may place on an event.
    "training:place_people": (AuditAction.VIEW, None),
    # Profile changes proposed by the people someone manages.
    "people:changes": (AuditAction.VIEW, None),
    "wagtailusers_users:edit": (AuditAction.VIEW, _user_by_pk),
    "wagtailusers_users:index": (AuditAction.VIEW, None),
    "wagtailusers_users:index_results": (AuditAction.VIEW, None),
    **{f"wagtailusers_users:{view}": (AuditAction.VIEW, _user_by_pk) for view in ("history", "delete", "usage")},
    "wagtailsnippets_outbox_outboundemail:list": (AuditAction.VIEW, None),
    **{
        f"wagtailsnippets_outbox_{model}:{view}": (AuditAction.VIEW, None)
        for model in ("outboundemail", "outboundstatement")
        for view in ("list", "list_results", "edit", "inspect", "history", "history_results", "delete", "usage")
    },
    **{
        f"wagtailsnippets_training_bookingauditentry:{view}": (AuditAction.VIEW, None)
        for view in ("list", "list_results", "inspect", "history", "history_results", "delete", "usage")
    },
    **{
        f"wagtailsnippets_{name}:{view}": (AuditAction.VIEW, None)
        for name in _ADMIN_RECORDS
        for view in ("list", "list_results")
    },
    **{
        f"wagtailsnippets_{name}:{view}": (AuditAction.VIEW, _owner_of(model))
        for name, model in _ADMIN_RECORDS.items()
        for view in ("edit", "history", "history_results", "delete", "usage")
    },
}
