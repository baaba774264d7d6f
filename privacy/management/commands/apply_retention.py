from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from privacy.services import apply_retention


class Command(BaseCommand):
    help = "Erase the personal data of accounts inactive for longer than RETENTION_INACTIVE_DAYS (run daily from cron)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List who would be erased; change nothing.")
        parser.add_argument("--days", type=int, default=None, help="Override RETENTION_INACTIVE_DAYS for this run.")

    def handle(self, *args: Any, **options: Any) -> None:
        result = apply_retention(inactive_days=options["days"], dry_run=options["dry_run"])
        verb = "Would erase" if result.dry_run else "Erased"
        self.stdout.write(f"{verb} {len(result.erased)} account(s) inactive since before {result.cutoff:%d %B %Y}.")
        for pk in result.erased:
            self.stdout.write(f"  person {pk}")
