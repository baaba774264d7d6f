from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from outbox import statements
from outbox.services import send_pending


class Command(BaseCommand):
    help = (
        "Send queued email and xAPI statements that are due, retrying earlier failures. "
        "Run from cron every few minutes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent, failed = send_pending()
        self.stdout.write(f"Sent {sent} message(s); {failed} failed and will be retried.")
        if statements.enabled():
            sent, failed = statements.send_pending()
            self.stdout.write(
                f"Sent {sent} xAPI statement(s) to the learning record store"
                + ("; the store did not take the next one, so the rest wait for the next run." if failed else ".")
            )
