from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core import mail
from django.core.management.base import BaseCommand, CommandError, CommandParser

from home.demo_loader import DEMO_ACCOUNTS_HEADER, load_all
from outbox.models import EmailStatus, OutboundEmail
from outbox.services import send_one


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
        parser.add_argument(
            "--show-emails",
            action="store_true",
            default=os.environ.get("DEMO_SHOW_EMAILS", "").lower() in ("1", "true", "yes"),
            help="Send the demo's emails (booking confirmations and the like) as the site would, for example "
            "to the console in development. Without it they are counted, not sent. Also DEMO_SHOW_EMAILS=true.",
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
        with quiet_demo(keep_emails=not options["show_emails"]) as kept:
            accounts = load_all(self.stdout, scale=options["scale"])
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        if kept:
            self.stdout.write(
                f"{len(kept)} demo email{'' if len(kept) == 1 else 's'} (bookings, waiting lists, approvals) "
                "were made but not sent: run with --show-emails or DEMO_SHOW_EMAILS=true to see them."
            )
        if options["show_accounts"]:
            self.stdout.write(DEMO_ACCOUNTS_HEADER)
            for account in accounts:
                self.stdout.write(f"  {account.description:<34} {account.email}")


@contextmanager
def quiet_demo(*, keep_emails: bool) -> Iterator[list[Any]]:
    """Keep the demo's own noise out of the console: Wagtail's line per page created, and (unless
    asked) the demo's emails, which the development mail backend would print in full with their
    calendar files: about 2,400 lines that buried the accounts and "Serving on"."""
    wagtail_log = logging.getLogger("wagtail")
    level = wagtail_log.level
    wagtail_log.setLevel(logging.WARNING)
    backend = settings.EMAIL_BACKEND
    kept: list[Any] = []
    outbox = getattr(mail, "outbox", None)
    queued_before = OutboundEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    if keep_emails:
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        mail.outbox = kept
    try:
        yield kept
        if keep_emails:
            # The demo's emails were queued for the email worker, which `make run` starts next: deliver
            # them here, into the list, so the worker finds them sent and the console stays quiet.
            for pk in OutboundEmail.objects.filter(pk__gt=queued_before, status=EmailStatus.PENDING).values_list(
                "pk", flat=True
            ):
                send_one(pk)
    finally:
        wagtail_log.setLevel(level)
        settings.EMAIL_BACKEND = backend
        if keep_emails:
            if outbox is None:
                del mail.outbox
            else:
                mail.outbox = outbox
