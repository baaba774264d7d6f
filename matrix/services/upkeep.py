"""Writing completions, and keeping the matrix up to date.

Every app that completes training calls `record_completion`; apps that start
or book training call `mark_started`, `mark_booked` and `clear_booked`. Each
of those changes the person's matrix row at once (see signals.py).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Max, Min
from django.utils import timezone

from matrix import cache as matrix_cache
from matrix import status as status_rules
from matrix.models import (
    ActivityKind,
    CompletionRecord,
    CompletionSource,
    Exemption,
    Requirement,
    RequirementAssignment,
    Training,
    TrainingActivity,
)
from people.models import LearnerProfile, User


def record_completion(
    user: User,
    training: Training,
    completed_on: dt.date,
    source: CompletionSource | str,
    source_ref: str = "",
    expires_on: dt.date | None = None,
) -> CompletionRecord:
    """Record that `user` completed `training`. Recording the same thing twice
    returns the first record and changes nothing."""
    lookup = {"user": user, "training": training, "source": source, "source_ref": source_ref}
    existing = CompletionRecord.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return CompletionRecord.objects.create(completed_on=completed_on, expires_on=expires_on, **lookup)
    except IntegrityError:
        return CompletionRecord.objects.get(**lookup)


def mark_started(user: User, training: Training, on: dt.date) -> None:
    """The learner has begun `training` (first lesson opened, first attempt saved)."""
    TrainingActivity.objects.get_or_create(
        user=user, training=training, kind=ActivityKind.STARTED, defaults={"since": on}
    )


def mark_booked(user: User, training: Training, first_day: dt.date) -> None:
    """The learner holds a confirmed place on an event of `training` starting `first_day`."""
    TrainingActivity.objects.update_or_create(
        user=user, training=training, kind=ActivityKind.BOOKED, defaults={"since": first_day}
    )


def clear_booked(user: User, training: Training) -> None:
    """The learner no longer holds a confirmed place (cancelled, or the event is over)."""
    TrainingActivity.objects.filter(user=user, training=training, kind=ActivityKind.BOOKED).delete()


# --- Keeping the matrix up to date ----------------------------------------------------------------
#
# `RequirementAssignment` holds each person's status for each requirement that
# applies to them. It is rewritten for a person whenever something it depends
# on changes (signals.py), and for everyone whose `recheck_on` has arrived
# before any matrix page is shown (`refresh_due`) and nightly by
# `manage.py refresh_matrix`.

CHUNK = 900  # below SQLite's 999 bound variables, for `user_id IN (...)`


@dataclass(frozen=True)
class _Req:
    id: int
    training_id: int
    rule: status_rules.Rule


def requirements_by_role() -> dict[tuple[int, int | None], dict[int, _Req]]:
    """(role, agency or None) -> {training: requirement}."""
    table: dict[tuple[int, int | None], dict[int, _Req]] = defaultdict(dict)
    for row in Requirement.objects.values(
        "id", "training_id", "role_id", "agency_id", "due_within", "due_unit", "due_from", "renewal_months"
    ):
        rule = status_rules.Rule(
            due_within=row["due_within"],
            due_unit=status_rules.DueUnit(row["due_unit"]),
            due_from=status_rules.DueFrom(row["due_from"]),
            renewal_months=row["renewal_months"],
        )
        table[(row["role_id"], row["agency_id"])][row["training_id"]] = _Req(row["id"], row["training_id"], rule)
    return table


def applying_requirements(
    table: dict[tuple[int, int | None], dict[int, _Req]], role_id: int | None, agency_id: int | None
) -> list[_Req]:
    """The requirements for a role in an agency: the agency's own override the every-agency ones."""
    if role_id is None:
        return []
    merged = dict(table.get((role_id, None), {}))
    if agency_id is not None:
        merged.update(table.get((role_id, agency_id), {}))
    return list(merged.values())


_DERIVED = [
    "status",
    "due_on",
    "completed_on",
    "expires_on",
    "booked_on",
    "started_on",
    "exemption_reason",
    "status_on",
    "recheck_on",
    "agency_id",
    "team_id",
    "role_id",
    "training_id",
]


def refresh_people(user_ids: Iterable[int] | None = None, today: dt.date | None = None) -> int:
    """Bring the assignments of these people (everyone when None) up to date
    for `today`. Returns how many assignment rows were written or removed."""
    today = today or timezone.localdate()
    table = requirements_by_role()
    profiles = LearnerProfile.objects.order_by("user_id")
    if user_ids is not None:
        wanted = sorted(set(user_ids))
        if not wanted:
            return 0
        chunks = [wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)]
    else:
        everyone = list(profiles.values_list("user_id", flat=True))
        chunks = [everyone[i : i + 4 * CHUNK] for i in range(0, len(everyone), 4 * CHUNK)]
    changed = 0
    for chunk in chunks:
        if user_ids is None:
            # A range needs no bound variable per person.
            people: dict[str, Any] = {"user_id__gte": chunk[0], "user_id__lte": chunk[-1]}
        else:
            people = {"user_id__in": chunk}
        changed += _refresh_chunk(table, people, today)
    # Always, even when no status changed: a second completion of the same
    # training still counts in the chart.
    matrix_cache.bump()
    return changed


def _refresh_chunk(table: dict[tuple[int, int | None], dict[int, _Req]], people: dict[str, Any], today: dt.date) -> int:
    profiles = LearnerProfile.objects.filter(**people).values_list(
        "user_id", "role_id", "agency_id", "team_id", "start_date"
    )
    existing = {(a.user_id, a.requirement_id): a for a in RequirementAssignment.objects.filter(**people)}
    completions = {
        (row["user_id"], row["training_id"]): (row["last"], row["expiry"])
        for row in CompletionRecord.objects.filter(**people)
        .order_by()
        .values("user_id", "training_id")
        .annotate(last=Max("completed_on"), expiry=Max("expires_on"))
    }
    started: dict[tuple[int, int], dt.date] = {}
    booked: dict[tuple[int, int], dt.date] = {}
    for user_id, training_id, kind, since in TrainingActivity.objects.filter(**people).values_list(
        "user_id", "training_id", "kind", "since"
    ):
        (booked if kind == ActivityKind.BOOKED else started)[(user_id, training_id)] = since
    exemptions = {
        (user_id, training_id): (reason, until)
        for user_id, training_id, reason, until in Exemption.objects.filter(**people).values_list(
            "user_id", "training_id", "reason", "until"
        )
    }

    to_create: list[RequirementAssignment] = []
    to_update: list[RequirementAssignment] = []
    keep: set[tuple[int, int]] = set()
    for user_id, role_id, agency_id, team_id, start_date in profiles:
        for req in applying_requirements(table, role_id, agency_id):
            key = (user_id, req.training_id)
            keep.add((user_id, req.id))
            assignment = existing.get((user_id, req.id))
            assigned_on = assignment.assigned_on if assignment else today
            last, expiry = completions.get(key, (None, None))
            reason, until = exemptions.get(key, (None, None))
            facts = status_rules.Facts(
                assigned_on=assigned_on,
                start_date=start_date,
                completed_on=last,
                recorded_expiry=expiry,
                started_on=started.get(key),
                booked_on=booked.get(key),
                exemption_reason=reason,
                exemption_until=until,
            )
            result = status_rules.evaluate(req.rule, facts, today)
            values = {
                "status": str(result.status),
                "due_on": result.due_on,
                "completed_on": result.completed_on,
                "expires_on": result.expires_on,
                "booked_on": result.booked_on,
                "started_on": result.started_on,
                "exemption_reason": result.reason,
                "status_on": today,
                "recheck_on": result.recheck_on,
                "agency_id": agency_id,
                "team_id": team_id,
                "role_id": role_id,
                "training_id": req.training_id,
            }
            if assignment is None:
                to_create.append(
                    RequirementAssignment(user_id=user_id, requirement_id=req.id, assigned_on=today, **values)
                )
                continue
            # status_on alone changing is not worth a write.
            if any(getattr(assignment, name) != values[name] for name in _DERIVED if name != "status_on"):
                for name, value in values.items():
                    setattr(assignment, name, value)
                to_update.append(assignment)
    stale = [a.pk for key, a in existing.items() if key not in keep]
    if stale:
        RequirementAssignment.objects.filter(pk__in=stale).delete()
    if to_create:
        RequirementAssignment.objects.bulk_create(to_create, batch_size=500, ignore_conflicts=True)
    if to_update:
        RequirementAssignment.objects.bulk_update(to_update, _DERIVED, batch_size=500)
    return len(stale) + len(to_create) + len(to_update)


def _next_recheck_key() -> str:
    return f"matrix:next-recheck:{matrix_cache.version()}"


def refresh_due(today: dt.date | None = None) -> int:
    """Refresh everyone whose status may have changed by `today` (a deadline
    passed, an expiry came near).

    Costs no query when nobody is due: the earliest `recheck_on` is kept in
    the cache under the matrix version, which any refresh moves on."""
    today = today or timezone.localdate()
    key = _next_recheck_key()
    next_recheck = cache.get(key)
    if next_recheck is not None and (next_recheck == "never" or today < next_recheck):
        return 0
    user_ids = list(
        RequirementAssignment.objects.filter(recheck_on__lte=today)
        .order_by()
        .values_list("user_id", flat=True)
        .distinct()
    )
    if not user_ids:
        earliest = RequirementAssignment.objects.aggregate(day=Min("recheck_on"))["day"]
        cache.set(key, earliest or "never", matrix_cache.TIMEOUT)
        return 0
    with transaction.atomic():
        return refresh_people(user_ids, today)


def refresh_role(role_id: int, today: dt.date | None = None) -> int:
    """A requirement for this role changed: refresh everyone in the role."""
    return refresh_people(LearnerProfile.objects.filter(role_id=role_id).values_list("user_id", flat=True), today=today)
