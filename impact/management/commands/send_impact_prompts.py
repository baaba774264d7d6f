from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from impact.prompts import send_prompts


class Command(BaseCommand):
    help = (
        "Email learners what impact asks of them: the mapping before day one, each day's feedback, the mapping "
        "after the course and the three-month follow-up. Run daily; safe to run more than once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_prompts()
        self.stdout.write(
            f"Sent {sent['before']} before-course, {sent['feedback']} day feedback, {sent['after']} after-course "
            f"and {sent['follow_up']} follow-up emails."
        )
