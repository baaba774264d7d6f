"""Reminders about the matrix, run daily by `manage.py refresh_matrix`:
"due soon", "overdue" and "expiring" to each person with a copy to their line
manager, and on one weekday a digest for each practice lead of the changes
among their people.

Every email has an outbox key naming the person, the requirement, the kind and
the date it is about, so running the job twice, or every day for a year,
sends each reminder once (see `reminder_rules`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from matrix.models import CompletionRecord, MatrixStatus, RequirementAssignment
from matrix.reminder_rules import Kind, Policy, Reminder, Row, due_today, planned
from outbox.models import OutboundEmail
from outbox.services import send_templated
from people.access import lead_scope_q
from people.groups import GroupName
from people.models import User

KIND_TEXT = {
    Kind.DUE_SOON: "due soon",
    Kind.OVERDUE: "overdue",
    Kind.EXPIRING: "expiring",
}


def policy() -> Policy:
    return Policy(due_soon_days=settings.REMINDER_DUE_SOON_DAYS, expiring_days=settings.REMINDER_EXPIRING_DAYS)


def _row(assignment: RequirementAssignment) -> Row:
    return Row(status=assignment.status, due_on=assignment.due_on, expires_on=assignment.expires_on)


def reminder_key(assignment: RequirementAssignment, reminder: Reminder, manager: bool = False) -> str:
    key = f"matrix-reminder:{reminder.kind}:{assignment.user_id}:{assignment.training_id}:{reminder.about:%Y-%m-%d}"
    return f"{key}:manager" if manager else key


@dataclass
class ReminderReport:
    sent: int = 0
    copies: int = 0
    digests: int = 0


def _candidates(today: dt.date, rules: Policy) -> Iterator[RequirementAssignment]:
    soon = today + dt.timedelta(days=rules.due_soon_days)
    expiring = today + dt.timedelta(days=rules.expiring_days)
    wanted = (
        Q(status__in=[MatrixStatus.NOT_STARTED, MatrixStatus.IN_PROGRESS], due_on__lte=soon)
        | Q(status=MatrixStatus.OVERDUE)
        | Q(status__in=[MatrixStatus.COMPLETE, MatrixStatus.EXPIRING_SOON], expires_on__lte=expiring)
        | Q(status=MatrixStatus.EXPIRED)
    )
    return (
        RequirementAssignment.objects.filter(wanted, user__is_active=True)
        .select_related("user__profile__line_manager", "training")
        .order_by("user_id", "training_id")
        .iterator(chunk_size=500)
    )


def send_reminders(today: dt.date | None = None) -> ReminderReport:
    """Queue every reminder due by `today` that has not been sent."""
    today = today or timezone.localdate()
    rules = policy()
    report = ReminderReport()
    batch: list[tuple[RequirementAssignment, Reminder]] = []
    for assignment in _candidates(today, rules):
        paused = assignment.user.profile.pause_reminders
        for reminder in due_today(_row(assignment), today, rules):
            if paused and not reminder.essential:
                continue
            batch.append((assignment, reminder))
        if len(batch) >= 500:
            _send(batch, report)
            batch = []
    _send(batch, report)
    if today.weekday() == settings.REMINDER_DIGEST_WEEKDAY:
        report.digests = send_digests(today)
    return report


def _send(batch: list[tuple[RequirementAssignment, Reminder]], report: ReminderReport) -> None:
    # One query for what was sent already, instead of one per reminder.
    keys = [reminder_key(a, r) for a, r in batch]
    sent = set(OutboundEmail.objects.filter(key__in=keys).values_list("key", flat=True))
    for assignment, reminder in batch:
        key = reminder_key(assignment, reminder)
        if key in sent:
            continue
        person = assignment.user
        context = {
            "person": person,
            "training": assignment.training,
            "kind": str(reminder.kind),
            "about": reminder.about,
            "link": assignment.training.start_url,
            "mine": reverse("matrix:mine"),
            "profile": reverse("people:profile"),
        }
        send_templated(key, [person.email], "matrix/emails/reminder", context)
        report.sent += 1
        manager = person.profile.line_manager
        if manager is not None and manager.is_active:
            send_templated(
                reminder_key(assignment, reminder, manager=True),
                [manager.email],
                "matrix/emails/reminder_manager",
                {**context, "manager": manager},
            )
            report.copies += 1


def preview(user: User, today: dt.date | None = None) -> list[dict[str, object]]:
    """What `user` will be sent from today, for their profile page."""
    today = today or timezone.localdate()
    rules = policy()
    profile = getattr(user, "profile", None)
    paused = bool(profile and profile.pause_reminders)
    manager = profile.line_manager if profile and profile.line_manager_id else None
    items: list[dict[str, object]] = []
    for assignment in RequirementAssignment.objects.filter(user=user).select_related("training"):
        coming = [r for r in planned(_row(assignment), rules) if r.send_on >= today]
        coming += [r for r in due_today(_row(assignment), today, rules) if r not in coming]
        for reminder in coming:
            if OutboundEmail.objects.filter(key=reminder_key(assignment, reminder)).exists():
                continue
            items.append(
                {
                    "on": max(reminder.send_on, today),
                    "text": f"{assignment.training.title}: {KIND_TEXT[reminder.kind]}",
                    "copy_to": manager.display_name if manager else "",
                    "paused": paused and not reminder.essential,
                }
            )
    if profile is not None and user.groups.filter(name=GroupName.PRACTICE_LEAD).exists():
        days = (settings.REMINDER_DIGEST_WEEKDAY - today.weekday()) % 7
        items.append(
            {
                "on": today + dt.timedelta(days=days),
                "text": "Weekly digest of your people's training (when anything changed)",
                "copy_to": "",
                "paused": paused,
            }
        )
    return sorted(items, key=lambda item: item["on"])  # type: ignore[arg-type,return-value]


# --- Weekly digest for practice leads ------------------------------------------------------------


@dataclass
class Digest:
    completed: list[CompletionRecord]
    overdue: list[RequirementAssignment]
    expired: list[RequirementAssignment]
    expiring: list[RequirementAssignment]

    def __bool__(self) -> bool:
        return bool(self.completed or self.overdue or self.expired or self.expiring)


def digest_for(lead: User, today: dt.date) -> Digest:
    """What changed among the lead's people in the seven days before `today`."""
    scope = lead_scope_q(lead)
    week_ago = today - dt.timedelta(days=7)
    if scope is None:
        return Digest([], [], [], [])
    rows = RequirementAssignment.objects.filter(scope).exclude(user=lead).select_related("user", "training")
    people = rows.values("user_id")
    completed = list(
        CompletionRecord.objects.filter(user_id__in=people, completed_on__gte=week_ago, completed_on__lt=today)
        .select_related("user", "training")
        .order_by("completed_on", "user__last_name")
    )
    # Each window is the seven days before today, on the day the change happened:
    # overdue the day after the deadline, expired on the expiry date, expiring
    # when the "expiring" reminder went.
    ahead = dt.timedelta(days=settings.REMINDER_EXPIRING_DAYS)
    one = dt.timedelta(days=1)
    return Digest(
        completed=completed,
        overdue=list(rows.filter(status=MatrixStatus.OVERDUE, due_on__gte=week_ago - one, due_on__lt=today - one)),
        expired=list(rows.filter(status=MatrixStatus.EXPIRED, expires_on__gte=week_ago, expires_on__lt=today)),
        expiring=list(
            rows.filter(
                status=MatrixStatus.EXPIRING_SOON, expires_on__gte=week_ago + ahead, expires_on__lt=today + ahead
            )
        ),
    )


def send_digests(today: dt.date) -> int:
    leads = User.objects.filter(is_active=True, groups__name=GroupName.PRACTICE_LEAD).select_related("profile")
    year, week, _ = today.isocalendar()
    sent = 0
    for lead in leads:
        if lead.profile.pause_reminders:
            continue
        digest = digest_for(lead, today)
        if not digest:
            continue
        send_templated(
            f"matrix-digest:{lead.pk}:{year}-W{week:02d}",
            [lead.email],
            "matrix/emails/digest",
            {
                "lead": lead,
                "digest": digest,
                "week_ago": today - dt.timedelta(days=7),
                "today": today,
                "link": reverse("matrix:people"),
            },
        )
        sent += 1
    return sent
