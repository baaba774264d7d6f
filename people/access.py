"""Who may see whom. Every view that shows other people's records asks here.

Practice leads see the people in their teams or agency; training
administrators see everyone; anyone else sees only themselves.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from people.groups import GroupName, in_group
from people.models import LearnerProfile, User


def is_training_admin(user: Any) -> bool:
    return in_group(user, GroupName.TRAINING_ADMIN)


def is_trainer(user: Any) -> bool:
    return in_group(user, GroupName.TRAINER)


def is_content_editor(user: Any) -> bool:
    return in_group(user, GroupName.CONTENT_EDITOR)


def is_practice_lead(user: Any) -> bool:
    return in_group(user, GroupName.PRACTICE_LEAD)


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
