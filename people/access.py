"""Who may see whom. Every view that shows other people's records asks here.

Practice leads see the people in their teams or agency; training
administrators see everyone; anyone else sees only themselves. Each question
is a permission (`people.groups.Capability`), never a group name, so renaming
a group changes nothing and an inactive account can do nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

from people.groups import Capability
from people.models import LearnerProfile, User


def has_capability(user: Any, capability: Capability) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(f"people.{capability}")


def is_training_admin(user: Any) -> bool:
    return has_capability(user, Capability.MANAGE_TRAINING)


def is_trainer(user: Any) -> bool:
    return has_capability(user, Capability.RUN_TRAINING)


def can_see_course_statistics(user: Any) -> bool:
    return has_capability(user, Capability.SEE_COURSE_STATISTICS)


def is_practice_lead(user: Any) -> bool:
    return has_capability(user, Capability.SEE_TEAM_TRAINING)


def users_with_capability(capability: Capability) -> QuerySet[User]:
    """Active accounts granted a capability through a group or directly (a superuser only if granted it too)."""
    permission = Permission.objects.filter(codename=capability.value, content_type__app_label="people").first()
    if permission is None:
        return User.objects.none()
    granted = Q(groups__permissions=permission) | Q(user_permissions=permission)
    return User.objects.filter(granted, is_active=True).distinct()


def lead_scope_q(user: Any, prefix: str = "") -> Q | None:
    """A filter on `LearnerProfile` (or a model reaching it by `prefix`) for the
    people a practice lead covers; None when the user covers nobody else."""
    if not getattr(user, "is_authenticated", False):
        return None
    if is_training_admin(user):
        return Q()
    if not is_practice_lead(user):
        return None
    profile = getattr(user, "profile", None)
    if profile is None:
        return None
    team_ids = list(profile.leads_teams.values_list("id", flat=True))
    q = Q(pk__in=[])
    if team_ids:
        q |= Q(**{f"{prefix}team_id__in": team_ids})
    if profile.leads_agency_id:
        q |= Q(**{f"{prefix}agency_id": profile.leads_agency_id})
    return q


def visible_profiles(user: Any) -> QuerySet[LearnerProfile]:
    """The learner profiles this user may look at, themselves included."""
    base = LearnerProfile.objects.all()
    scope = lead_scope_q(user)
    if scope is None:
        return base.filter(user_id=getattr(user, "pk", None))
    return base.filter(scope | Q(user_id=user.pk))


def can_view_person(viewer: Any, person: User) -> bool:
    return visible_profiles(viewer).filter(user_id=person.pk).exists()
