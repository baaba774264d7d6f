from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from privacy.backup import backup


class Command(BaseCommand):
    help = "Write every record to one file (JSON, gzip-compressed when the name ends .gz) for restore_data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", required=True, type=Path, help="The backup file, e.g. backup.json.gz")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["output"]
        backup(path, self.stdout)
        self.stdout.write(f"Backup written to {path} ({path.stat().st_size:,} bytes).")
