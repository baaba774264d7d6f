from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from training.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Send reminders before classroom events, chase line managers for approvals, and pass expired "
        "waitlist offers to the next person, lapse approval requests not answered before their event started "
        "(telling the learner), and mark events whose days are over as finished. Safe to run "
        "more than once a day."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = send_reminders()
        self.stdout.write(
            f"Reminders checked for {report.reminded} bookings, {report.chased} approval requests chased, "
            f"{report.expired} offers expired and passed on, {report.lapsed} approval requests lapsed, "
            f"{report.finished} events finished, "
            f"{report.licences} licence warnings."
        )
