"""Privacy workflows: export, deletion requests, erasure, retention, audit."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from lib.client_ip import client_ip
from people.groups import Capability
from people.models import User
from privacy import registry, rules
from privacy.models import AuditAction, AuditEvent, DeletionRequest, DeletionStatus

EXPORT_FORMAT_VERSION = 1


class PrivacyError(Exception):
    """A request that cannot be carried out, with a message for the person."""


def record(
    action: str,
    *,
    actor: Any,
    what: str,
    subject: Any = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=_label(actor) if actor is not None else "The system",
        action=action,
        subject=subject,
        subject_label=_label(subject) if subject is not None else "",
        what=what[:120],
        path=request.get_full_path()[:500] if request is not None else "",
        ip_address=client_ip(request) if request is not None else None,
    )


def _label(user: Any) -> str:
    return f"{user.display_name} <{user.email}>" if getattr(user, "pk", None) else "Signed out"


def export_user_data(user: User) -> dict[str, Any]:
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now(),
        "site": settings.WAGTAIL_SITE_NAME,
        **registry.export_user_data(user),
    }


def export_json(user: User) -> str:
    return json.dumps(export_user_data(user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def request_deletion(user: User, reason: str, request: HttpRequest | None = None) -> DeletionRequest:
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        open_request = DeletionRequest.objects.filter(user=user, status=DeletionStatus.REQUESTED).first()
        if open_request is not None:
            return open_request
        deletion = DeletionRequest.objects.create(user=user, reason=reason.strip()[:5000])
        record(AuditAction.DELETION_REQUESTED, actor=user, subject=user, what="privacy:delete", request=request)
    return deletion


def withdraw_deletion(user: User) -> int:
    return DeletionRequest.objects.filter(user=user, status=DeletionStatus.REQUESTED).update(
        status=DeletionStatus.WITHDRAWN, handled_at=timezone.now()
    )


def erase_person(person: User, by: Any, request: HttpRequest | None = None, action: str = AuditAction.ERASED) -> None:
    """Remove everything that names the person; keep their learning records,
    unnamed, so every count and statistic stays the same."""
    if person.is_superuser:
        raise PrivacyError("A superuser cannot be erased here: take away their superuser status first.")
    if by is not None and not getattr(by, "is_superuser", False) and is_administrator(person):
        raise PrivacyError(
            "Only a superuser can erase an administrator. Ask a superuser to erase this person, "
            "or to take away their administrator role first."
        )
    if rules.is_erased_email(person.email):
        raise PrivacyError("This person has already been erased.")
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=person.pk)
        record(action, actor=by, subject=person, what="privacy:erase", request=request)
        registry.anonymise_user(person)
        DeletionRequest.objects.filter(user=person, status=DeletionStatus.REQUESTED).update(
            status=DeletionStatus.ERASED,
            handled_by=by if getattr(by, "pk", None) else None,
            handled_at=timezone.now(),
        )


ADMINISTRATOR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("people", Capability.MANAGE_TRAINING.value),
)


def is_administrator(person: User) -> bool:
    """Can enter the admin or manage training: read from the groups and the
    person's own permissions, so a deactivated account (for which has_perm is
    always False) still counts."""
    if person.is_staff or person.is_superuser:
        return True
    wanted = Q()
    for app_label, codename in ADMINISTRATOR_PERMISSIONS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(wanted).filter(Q(group__user=person) | Q(user=person)).exists()


@dataclass(frozen=True)
class RetentionResult:
    erased: list[int]
    dry_run: bool
    cutoff: dt.datetime


def inactive_people(now: dt.datetime, inactive_days: int) -> list[User]:
    """People with no sign-in, no learning and no booking since the cutoff."""
    from courses.models import LessonProgress
    from scenarios.models import Attempt
    from training.models import Booking

    cutoff = rules.retention_cutoff(now, inactive_days)
    quiet = (
        User.objects.filter(is_superuser=False, date_joined__lt=cutoff)
        .filter(Q(last_login__isnull=True) | Q(last_login__lt=cutoff))
        .exclude(email__iendswith="@" + rules.ERASED_DOMAIN)
    )
    busy = set(LessonProgress.objects.filter(last_opened_at__gte=cutoff).values_list("user_id", flat=True))
    busy |= set(Attempt.objects.filter(updated_at__gte=cutoff).values_list("user_id", flat=True))
    busy |= set(Booking.objects.filter(updated_at__gte=cutoff).values_list("learner_id", flat=True))
    return [person for person in quiet.order_by("pk") if person.pk not in busy]


def apply_retention(
    now: dt.datetime | None = None, inactive_days: int | None = None, dry_run: bool = False
) -> RetentionResult:
    now = now or timezone.now()
    days = inactive_days if inactive_days is not None else settings.RETENTION_INACTIVE_DAYS
    people = inactive_people(now, days)
    if not dry_run:
        for person in people:
            erase_person(person, by=None, action=AuditAction.RETENTION)
    return RetentionResult(
        erased=[person.pk for person in people], dry_run=dry_run, cutoff=rules.retention_cutoff(now, days)
    )
