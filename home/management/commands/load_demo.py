from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from home.demo_loader import DEMO_ACCOUNTS_HEADER, load_all


class Command(BaseCommand):
    help = (
        "Load the demo partnership: agencies, teams, roles, demo accounts, courses, scenarios, "
        "training events and requirements. Running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Also create a synthetic partnership of this many learners with realistic completions.",
        )
        parser.add_argument(
            "--show-accounts",
            action="store_true",
            help="Print the demo accounts and their password (development only).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "The demo accounts share one published password, so load_demo runs only where nobody "
                "real signs in. Set DEMO_CONTENT_ALLOWED=true for a development or training copy."
            )
        if options["show_accounts"] and not settings.DEBUG:
            raise CommandError("Demo passwords are only shown in development (DEBUG on).")
        if options["scale"] < 0:
            raise CommandError("--scale must be 0 or more.")
        accounts = load_all(self.stdout, scale=options["scale"])
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        if options["show_accounts"]:
            self.stdout.write(DEMO_ACCOUNTS_HEADER)
            for account in accounts:
                self.stdout.write(f"  {account.description:<34} {account.email}")
