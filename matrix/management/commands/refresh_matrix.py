from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from matrix.services import refresh_due, refresh_people


class Command(BaseCommand):
    help = (
        "Bring training matrix statuses up to date for today: deadlines passed, expiries near. "
        "Run nightly; pages also do this for whoever is due."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Recompute everyone, not only those due today.")

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            changed = refresh_people() if options["all"] else refresh_due()
        self.stdout.write(f"{changed:,} matrix rows changed.")
