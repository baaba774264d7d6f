"""Spreadsheet imports of staff and of completions from a previous system: check a batch, then run it."""

import datetime as dt
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from matrix import tabular
from matrix.models import (
    CompletionRecord,
    CompletionSource,
    ImportBatch,
    ImportKind,
    Training,
)
from matrix.services.upkeep import refresh_people
from people.groups import GroupName
from people.models import Agency, LearnerProfile, Role, Team, User, manager_facts


def staff_lookups(manager_emails: Iterable[str] = ()) -> tabular.StaffLookups:
    """What the staff check needs from the database; the line-manager facts
    only for the people named as line managers (`manager_emails`)."""
    agencies: dict[str, int] = {}
    agency_names: dict[int, str] = {}
    for pk, name, slug in Agency.objects.values_list("id", "name", "slug"):
        agencies[name.lower()] = agencies[slug.lower()] = pk
        agency_names[pk] = name
    roles: dict[str, int] = {}
    role_names: dict[int, str] = {}
    not_line_managing: set[int] = set()
    for pk, name, slug, may_line_manage in Role.objects.values_list("id", "name", "slug", "may_line_manage"):
        roles[name.lower()] = roles[slug.lower()] = pk
        role_names[pk] = name
        if not may_line_manage:
            not_line_managing.add(pk)
    accepted: dict[int, set[int]] = {}
    for from_id, to_id in Agency.managers_from.through.objects.values_list("from_agency_id", "to_agency_id"):
        accepted.setdefault(from_id, set()).add(to_id)
    wanted = {e.strip().lower() for e in manager_emails if e and str(e).strip()}
    managers = {}
    if wanted:
        profiles = {
            p.user_id: p for p in LearnerProfile.objects.filter(user__email__in=wanted).select_related("role", "agency")
        }
        for user in User.objects.filter(email__in=wanted):
            managers[user.email.lower()] = manager_facts(user, profiles.get(user.pk))
    return tabular.StaffLookups(
        agencies=agencies,
        teams={
            (agency_id, name.lower()): pk for pk, agency_id, name in Team.objects.values_list("id", "agency_id", "name")
        },
        roles=roles,
        existing_emails=frozenset(e.lower() for e in User.objects.values_list("email", flat=True)),
        managers=managers,
        role_names=role_names,
        not_line_managing_roles=frozenset(not_line_managing),
        agency_names=agency_names,
        accepted_managers={k: frozenset(v) for k, v in accepted.items()},
    )


def completion_lookups() -> tabular.CompletionLookups:
    return tabular.CompletionLookups(
        users={email.lower(): pk for pk, email in User.objects.values_list("id", "email")},
        trainings=dict(Training.objects.values_list("slug", "id")),
    )


def batch_table(batch: ImportBatch) -> tabular.Table:
    """The rows read from the batch's file on upload. A batch stored before
    rows were kept is read once more, and its rows kept from then on."""
    if batch.table is None:
        table = tabular.read_table(batch.filename, bytes(batch.content))
        batch.table = table.to_json()
        ImportBatch.objects.filter(pk=batch.pk).update(table=batch.table)
        return table
    return tabular.Table.from_json(batch.table)


def check_batch(batch: ImportBatch, today: dt.date | None = None) -> tabular.Checked:
    """Check an upload's rows against the database as it is now."""
    table = batch_table(batch)
    if batch.kind == ImportKind.STAFF:
        column = table.headers.index("line manager email") if "line manager email" in table.headers else None
        named = [str(r[column]) for r in table.rows if column is not None and column < len(r)]
        return tabular.check_staff(table, staff_lookups(named))
    return tabular.check_completions(table, completion_lookups(), today or timezone.localdate())


class ImportRefused(Exception):
    """The file no longer passes its checks (or was imported already); nothing was imported."""


def run_import(batch_id: int, today: dt.date | None = None) -> int:
    """Import a previewed batch in one transaction: every row, or none."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
        if batch.imported_at is not None:
            raise ImportRefused("This file has already been imported.")
        checked = check_batch(batch, today)
        if not checked.ok:
            raise ImportRefused("The file has problems now that it did not have before. Nothing was imported.")
        if batch.kind == ImportKind.STAFF:
            user_ids = _import_staff(checked.rows)
        else:
            user_ids = _import_completions(checked.rows, batch.pk)
        refresh_people(user_ids, today)
        batch.imported_at = timezone.now()
        batch.imported_rows = len(checked.rows)
        batch.save(update_fields=["imported_at", "imported_rows"])
        return len(checked.rows)


def _import_staff(rows: list[tabular.StaffRow]) -> list[int]:
    users = [
        User(username=row.email[:150], email=row.email, first_name=row.first_name[:150], last_name=row.last_name[:150])
        for row in rows
    ]
    for user in users:
        # They set a password through "forgotten password", or sign in with single sign-on.
        user.set_unusable_password()
    User.objects.bulk_create(users, batch_size=500)
    ids = {u.email: u.pk for u in User.objects.filter(email__in=[r.email for r in rows]).only("id", "email")}
    managers = {
        email.lower(): pk
        for pk, email in User.objects.filter(
            email__in={r.line_manager_email for r in rows if r.line_manager_email}
        ).values_list("id", "email")
    }
    LearnerProfile.objects.bulk_create(
        [
            LearnerProfile(
                user_id=ids[row.email],
                agency_id=row.agency_id,
                team_id=row.team_id,
                role_id=row.role_id,
                start_date=row.start_date,
                line_manager_id=managers.get(row.line_manager_email),
            )
            for row in rows
        ],
        batch_size=500,
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user_id=ids[row.email], email=row.email, primary=True, verified=False) for row in rows],
        batch_size=500,
    )
    learners = Group.objects.filter(name=GroupName.LEARNER).first()
    if learners is not None:
        through = User.groups.through
        through.objects.bulk_create([through(user_id=pk, group_id=learners.pk) for pk in ids.values()], batch_size=500)
    return list(ids.values())


def _import_completions(rows: list[tabular.CompletionRow], batch_id: int) -> list[int]:
    CompletionRecord.objects.bulk_create(
        [
            CompletionRecord(
                user_id=row.user_id,
                training_id=row.training_id,
                completed_on=row.completed_on,
                expires_on=row.expires_on,
                source=CompletionSource.IMPORTED,
                source_ref=f"import:{batch_id}:row{row.row}",
            )
            for row in rows
        ],
        batch_size=500,
        ignore_conflicts=True,
    )
    return sorted({row.user_id for row in rows})
