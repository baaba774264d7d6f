"""Back up every record to one portable file, and restore it into a fresh database.

The file is Django's JSON serialisation with natural keys, so it restores
into SQLite or PostgreSQL alike and does not depend on content-type ids.
What the database rebuilds for itself is left out: content types and
permissions (made by `migrate`), sessions (everyone signs in again), and the
search and reference indexes (rebuilt after the restore).
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction

EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "wagtailcore.referenceindex",
]


class RestoreRefused(Exception):
    pass


def backup(path: Path, out: TextIO) -> None:
    call_command(
        "dumpdata",
        "--natural-foreign",
        "--natural-primary",
        *[f"--exclude={label}" for label in EXCLUDED],
        "--indent=0",
        f"--output={path}",
        stdout=out,
    )


def restorable_rows() -> int:
    """Rows that a restore would replace: anything a learner or editor made."""
    from elearning.people.models import User

    return User.objects.count()


def restore(path: Path, out: TextIO, force: bool = False) -> None:
    if not path.exists():
        raise RestoreRefused(f"There is no backup file at {path}.")
    if restorable_rows() and not force:
        raise RestoreRefused(
            "This database already has people in it. Restore into a freshly migrated database, "
            "or pass --force to replace everything in this one."
        )
    with transaction.atomic():
        # Empty every table (migrate's own rows included), then load the backup.
        call_command("flush", "--no-input", stdout=out)
        call_command("loaddata", str(path), stdout=out)
    _reset_sequences(out)
    call_command("rebuild_references_index", stdout=out)
    call_command("update_index", stdout=out)


def _reset_sequences(out: TextIO) -> None:
    """PostgreSQL's id sequences do not move when rows arrive with their ids."""
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
    out.write(f"Reset {len(statements)} id sequences.\n")
