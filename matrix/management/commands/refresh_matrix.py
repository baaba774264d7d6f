from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from matrix.reminders import send_reminders
from matrix.services import refresh_due, refresh_people


class Command(BaseCommand):
    help = (
        "Bring training matrix statuses up to date for today: deadlines passed, expiries near. "
        "Then send the reminders due today (due soon, overdue, expiring; the practice leads' weekly digest). "
        "Run daily; pages also refresh whoever is due. Safe to run more than once a day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Recompute everyone, not only those due today.")
        parser.add_argument("--no-reminders", action="store_true", help="Only refresh statuses; send nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            changed = refresh_people() if options["all"] else refresh_due()
        self.stdout.write(f"{changed:,} matrix rows changed.")
        if not options["no_reminders"]:
            report = send_reminders()
            self.stdout.write(
                f"{report.sent:,} reminders queued, {report.copies:,} copies to line managers, "
                f"{report.digests:,} weekly digests."
            )
