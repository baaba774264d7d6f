"""Emails that ask learners for what impact needs: the mapping before day one, each
day's feedback, the mapping after the course and the three-month follow-up.

Each message has a stable outbox key (kind, event, person, day), so running the
daily job twice, or on a day when nothing changed, sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from impact import services
from outbox.models import OutboundEmail
from outbox.services import queue_email

SUBJECTS = {
    "before": "Before your training: map a case",
    "feedback": "How was day {day} of your training?",
    "after": "After your training: map a case",
    "follow_up": "Three months on: have you used it?",
}
LOOK_AHEAD_DAYS = 14  # ask for the mapping before day one this far ahead


def people_to_ask(now: dt.datetime) -> list[Any]:
    """Learners with a confirmed place on an event that starts soon or ended within the follow-up window."""
    from people.models import User

    today = timezone.localdate(now)
    earliest = today - dt.timedelta(days=120 + services.FOLLOW_UP_OPEN_DAYS)
    latest = today + dt.timedelta(days=LOOK_AHEAD_DAYS)
    return list(
        User.objects.filter(
            is_active=True,
            training_bookings__status="confirmed",
            training_bookings__event__days__date__range=(earliest, latest),
        ).distinct()
    )


def send_prompts(now: dt.datetime | None = None) -> Counter[str]:
    now = now or timezone.now()
    sent: Counter[str] = Counter()
    for person in people_to_ask(now):
        for task in services.tasks_for(person, now):
            if task.kind == "before" and task.event.first_start > now + dt.timedelta(days=LOOK_AHEAD_DAYS):
                continue
            key = f"impact-{task.kind}:{task.event.pk}:{person.pk}:{task.day or 0}"
            if OutboundEmail.objects.filter(key=key).exists():
                continue
            context = {"person": person, "task": task, "url": f"{settings.SITE_URL}{task.url}"}
            queue_email(
                key,
                [person.email],
                SUBJECTS[task.kind].format(day=task.day),
                render_to_string(f"impact/emails/{task.kind}.txt", context),
            )
            sent[task.kind] += 1
    return sent
