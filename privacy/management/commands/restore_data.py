from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError, CommandParser

from privacy.backup import RestoreRefused, restore


class Command(BaseCommand):
    help = "Load a backup_data file into a freshly migrated database, then rebuild the search indexes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--force", action="store_true", help="Replace the data already in this database.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restore(options["file"], self.stdout, force=options["force"])
        except RestoreRefused as refused:
            raise CommandError(str(refused)) from refused
        # Cached figures and pages were worked out from the data just replaced.
        cache.clear()
        self.stdout.write(f"Restored {options['file']}.")
