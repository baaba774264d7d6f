"""Back up every record to one portable file, and restore it into a fresh database.

The file is Django's JSON serialisation of every row with its own id, content
types and permissions included, so a restore gives back exactly the same ids
(links, certificates and bookmarks keep working) on SQLite or PostgreSQL.
Natural keys are not used: Wagtail's root collection has an empty one, which
cannot be loaded. Left out is only what rebuilds itself: sessions (everyone
signs in again) and the search and reference indexes (rebuilt after a restore).
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction

EXCLUDED = [
    "sessions",
    "wagtailsearch",
    "wagtailcore.referenceindex",
]


# Django's JSON with timestamps to the microsecond (privacy/backup_json.py);
# the file is plain JSON, so `loaddata` reads it by its .json name.
FORMAT = "json-microseconds"


class RestoreRefused(Exception):
    pass


def backup(path: Path, out: TextIO) -> None:
    serializers.register_serializer(FORMAT, "privacy.backup_json")
    call_command(
        "dumpdata",
        *[f"--exclude={label}" for label in EXCLUDED],
        f"--format={FORMAT}",
        "--indent=0",
        f"--output={path}",
        stdout=out,
    )


def restorable_rows() -> int:
    """Rows that a restore would replace: anything a learner or editor made."""
    from people.models import User

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
        # Empty every table, including the rows migrate made, without letting
        # post_migrate make them again: the backup brings its own, with its ids.
        call_command("flush", "--no-input", inhibit_post_migrate=True, stdout=out)
        _content_types_first(path)
        call_command("loaddata", str(path), stdout=out)
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    _reset_sequences(out)
    call_command("rebuild_references_index", stdout=out)
    call_command("update_index", stdout=out)


def _content_types_first(path: Path) -> None:
    """Put the backup's content types in before anything else: saving other rows
    can look a content type up, which would otherwise create it with a new id."""
    import gzip
    import json

    from django.contrib.contenttypes.models import ContentType

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        rows = [row for row in json.load(handle) if row["model"] == "contenttypes.contenttype"]
    ContentType.objects.bulk_create([ContentType(pk=row["pk"], **row["fields"]) for row in rows])
    ContentType.objects.clear_cache()


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
