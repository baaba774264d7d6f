from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from outbox.services import send_pending


class Command(BaseCommand):
    help = "Send queued email that is due, retrying earlier failures. Run from cron every few minutes."

    def handle(self, *args: Any, **options: Any) -> None:
        sent, failed = send_pending()
        self.stdout.write(f"Sent {sent} message(s); {failed} failed and will be retried.")
