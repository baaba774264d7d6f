"""Two-step sign-in for every administrative function, wherever its URL is.

The Wagtail admin has always needed an authenticator app (`AdminMFAMiddleware`
checks every path under /admin/). The same functions also live on the
platform's own pages: exports, erasure, the audit log, imports, approvals,
rosters, attendance and results. Each of those pages is named here, once, by
its URL name, and the same middleware sends anyone holding an administrative
role (any of the platform's roles, admin access, or superuser) who has no
authenticator to set one up before the page answers. allauth then asks for a
code at every sign-in, so such a session has always passed two steps.

People with no role (a learner, a line manager with no other role answering
their own staff's requests) are not asked: they can reach nothing beyond
themselves and their own staff. `tests/security/test_two_step_everywhere.py`
fails if a page the access table keeps from learners is missing here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from people.groups import Capability

ADMINISTRATIVE_VIEWS = frozenset(
    {
        # Training records of other people, their exports and imports
        "matrix:people",
        "matrix:person",
        "matrix:summary",
        "matrix:board",
        "matrix:people_export",
        "matrix:summary_export",
        "matrix:import_upload",
        "matrix:import_preview",
        # Personal data: deletion requests, erasure, the audit log
        "privacy:requests",
        "privacy:person",
        "privacy:audit_log",
        # Approvals (bookings and profile changes), placing people, the leads' report
        "training:approvals",
        "training:decide",
        "training:approval_link",
        "people:changes",
        "training:place_people",
        "training:lead_report",
        # Running events: rosters, attendance, sign-in sheets, emails, cancelling
        "training:my_events",
        "training:event_create",
        "training:event_edit",
        "training:roster",
        "training:roster_csv",
        "training:sign_in_sheet",
        "training:attendance",
        "training:email_everyone",
        "training:cancel_event",
        # Results: scenario results, reviews, overrides, reports
        "scenarios:result",
        "scenarios:override",
        "scenarios:reviews",
        "scenarios:review",
        "scenarios:comment",
        "scenarios:report",
        "scenarios:accept",
        # Evaluation and observation of other people
        "impact:events",
        "impact:event_evaluation",
        "impact:cohort",
        "impact:plan",
        "impact:evaluation",
        "impact:observations",
        "impact:observe",
    }
)

TWO_STEP_MESSAGE = (
    "To use this page you need two-step sign-in, because your account can see other people's records. "
    "Set up an authenticator app, then go back to the page."
)
# Where to go back to once the app is set up (a path on this site, kept in the session).
NEXT_KEY = "two_step_next"

_ROLE_PERMISSIONS = ("wagtailadmin.access_admin", *(f"people.{c.value}" for c in Capability))


def holds_administrative_role(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser) or any(user.has_perm(p) for p in _ROLE_PERMISSIONS)


def has_authenticator(user: Any) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def required() -> bool:
    return bool(getattr(settings, "ADMIN_MFA_REQUIRED", True))


def needs_setting_up(user: Any, view_name: str | None) -> bool:
    """True when this page is administrative and this person must set up an authenticator first."""
    return (
        required()
        and view_name in ADMINISTRATIVE_VIEWS
        and holds_administrative_role(user)
        and not has_authenticator(user)
    )
