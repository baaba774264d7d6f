"""Changing who a person is on record: their team, role, line manager and
start date.

The organisation owns these facts. Training administrators (and the staff
import, and the sign-in provider's claims) set them at once with
`set_profile`; a learner can only `propose_change`, which their line manager
or a training administrator then decides with `decide_change`. The matrix and
every approval read the profile, so a proposal changes nothing until it is
approved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from outbox.services import send_templated
from people.access import is_training_admin
from people.models import ChangeStatus, LearnerProfile, ProfileChange, Role, Team, User, line_manager_problem


class ChangeRefused(Exception):
    """The change cannot be made; the message says why in plain words."""


@dataclass(frozen=True)
class Proposal:
    team: Team | None = None
    role: Role | None = None
    line_manager: User | None = None
    start_date: dt.date | None = None
    reason: str = ""


def may_decide(decider: Any, change: ProfileChange) -> bool:
    """A proposal is decided by the person's current line manager or a training
    administrator, never by the person who proposed it."""
    if not getattr(decider, "is_authenticated", False) or decider.pk == change.user_id:
        return False
    if is_training_admin(decider):
        return True
    return LearnerProfile.objects.filter(user_id=change.user_id, line_manager_id=decider.pk).exists()


def deciders_for(user: User) -> list[User]:
    """Who is asked to decide `user`'s proposal: their line manager if they have one."""
    profile = LearnerProfile.objects.select_related("line_manager").filter(user=user).first()
    manager = profile.line_manager if profile else None
    return [manager] if manager is not None and manager.is_active else []


def propose_change(user: User, proposal: Proposal) -> ProfileChange:
    """Record a learner's proposed change, replacing any proposal still waiting,
    and ask their line manager. Nothing on the profile changes."""
    profile = LearnerProfile.objects.get(user=user)
    changes = {
        "team": proposal.team if proposal.team and proposal.team.pk != profile.team_id else None,
        "role": proposal.role if proposal.role and proposal.role.pk != profile.role_id else None,
        "line_manager": (
            proposal.line_manager
            if proposal.line_manager and proposal.line_manager.pk != profile.line_manager_id
            else None
        ),
        "start_date": proposal.start_date if proposal.start_date != profile.start_date else None,
    }
    if not any(changes.values()):
        raise ChangeRefused("Nothing would change: what you chose is already on record.")
    problem = line_manager_problem(profile, changes["line_manager"])
    if problem:
        raise ChangeRefused(problem)
    with transaction.atomic():
        ProfileChange.objects.select_for_update().filter(user=user, status=ChangeStatus.PENDING).update(
            status=ChangeStatus.WITHDRAWN, decided_at=timezone.now(), decision_note="Replaced by a newer proposal."
        )
        change = ProfileChange.objects.create(user=user, reason=proposal.reason[:500], **changes)
        for decider in deciders_for(user):
            send_templated(
                f"profile-change:{change.pk}:ask:{decider.pk}",
                [decider.email],
                "people/emails/change_proposed",
                {"change": change, "person": user, "decider": decider, "link": reverse("people:changes")},
            )
    return change


def withdraw_change(user: User, change_id: int) -> None:
    ProfileChange.objects.filter(pk=change_id, user=user, status=ChangeStatus.PENDING).update(
        status=ChangeStatus.WITHDRAWN, decided_at=timezone.now()
    )


def decide_change(decider: User, change_id: int, approve: bool, note: str = "") -> ProfileChange:
    """Approve (the profile takes the proposed values at once) or refuse a
    proposal. Deciding twice, or a proposal already withdrawn, changes nothing."""
    with transaction.atomic():
        change = ProfileChange.objects.select_for_update().select_related("user").get(pk=change_id)
        if not may_decide(decider, change):
            raise ChangeRefused("You cannot decide this change.")
        if not change.is_pending:
            raise ChangeRefused(f"This change has already been dealt with ({change.get_status_display().lower()}).")
        if approve:
            profile = LearnerProfile.objects.select_for_update().get(user_id=change.user_id)
            problem = line_manager_problem(profile, change.line_manager)
            if problem:
                raise ChangeRefused(problem)
            _apply(profile, change)
        change.status = ChangeStatus.APPROVED if approve else ChangeStatus.REFUSED
        change.decided_by = decider
        change.decided_at = timezone.now()
        change.decision_note = note[:500]
        change.save()
        send_templated(
            f"profile-change:{change.pk}:decided",
            [change.user.email],
            "people/emails/change_decided",
            {"change": change, "person": change.user, "decider": decider, "link": reverse("people:profile")},
        )
    return change


def _apply(profile: LearnerProfile, change: ProfileChange) -> None:
    if change.team_id:
        profile.team_id = change.team_id
    if change.role_id:
        profile.role_id = change.role_id
    if change.line_manager_id:
        profile.line_manager_id = change.line_manager_id
    if change.start_date:
        profile.start_date = change.start_date
    profile.save()


def set_profile(profile: LearnerProfile, **values: Any) -> LearnerProfile:
    """What the organisation says (a training administrator, the staff import,
    the sign-in provider): takes effect at once."""
    problem = line_manager_problem(profile, values.get("line_manager"))
    if problem:
        raise ChangeRefused(problem)
    for name, value in values.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def pending_for(decider: User) -> list[ProfileChange]:
    """The proposals waiting for `decider`: their direct reports', or everyone's
    for a training administrator."""
    waiting = ProfileChange.objects.filter(status=ChangeStatus.PENDING).select_related(
        "user__profile__team", "user__profile__role", "user__profile__line_manager", "team", "role", "line_manager"
    )
    if not is_training_admin(decider):
        waiting = waiting.filter(user__profile__line_manager=decider)
    return list(waiting.exclude(user=decider).order_by("requested_at"))
