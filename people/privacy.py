"""A person's account and profile (see privacy.registry).

Erasure keeps the user row, so every learning record still points at someone
and the counts by agency, team and role stay right, but nothing in it names
or reaches the person any more.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount

from outbox.about import emails_with_keys, export_emails
from people.history import ERASURE, erase_profile_history, profile_changes
from people.models import LearnerProfile, ProfileChange
from privacy.rules import placeholder_for

SECTION = "account"


def emails_about(user: Any) -> Any:
    """The requests to decide the person's proposed profile changes, sent to
    their line manager or the training administrators (`people.services`)."""
    ids = ProfileChange.objects.filter(user=user).values_list("pk", flat=True)
    return emails_with_keys(prefixes=[f"profile-change:{pk}:ask:" for pk in ids])


def export_user_data(user: Any) -> dict[str, Any]:
    profile = LearnerProfile.objects.select_related("agency", "team", "role", "line_manager").filter(user=user).first()
    return {
        "name": user.get_full_name(),
        "email": user.email,
        "email_addresses": list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)),
        "joined": user.date_joined,
        "last_sign_in": user.last_login,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "profile": None
        if profile is None
        else {
            "agency": str(profile.agency or ""),
            "team": profile.team.name if profile.team else "",
            "role": str(profile.role or ""),
            "start_date": profile.start_date,
            "line_manager": profile.line_manager.display_name if profile.line_manager else "",
            "leads_agency": str(profile.leads_agency or ""),
            "leads_teams": sorted(profile.leads_teams.values_list("name", flat=True)),
        },
        "profile_history": [change.as_dict() for change in profile_changes(user)],
        "emails_about_you": export_emails(emails_about(user)),
    }


def anonymise_user(user: Any) -> None:
    emails_about(user).delete()
    placeholder = placeholder_for(user.pk)
    user.first_name = placeholder.first_name
    user.last_name = placeholder.last_name
    user.email = placeholder.email
    user.username = placeholder.username
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    erase_profile_history(user)
    # Agency, team, role and start date stay: the statistics are counted by them.
    profile = LearnerProfile.objects.filter(user=user).first()
    if profile is not None:
        profile.line_manager = None
        profile.leads_agency = None
        profile._change_reason = ERASURE  # type: ignore[attr-defined]  # read by django-simple-history
        profile.save(update_fields=["line_manager", "leads_agency", "updated_at"])
        profile.leads_teams.clear()
