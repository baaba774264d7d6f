"""Where one person stands with one training requirement. Pure Python.

Precedence, first match wins:

1. not required: no requirement applies to the person;
2. exempt: an exemption is in force today (it carries its reason);
3. a valid completion: expired on or after the expiry date, expiring soon
   within the warning window before it, otherwise complete;
4. overdue: past the deadline with no completion. An overdue person who is
   booked or has started stays overdue: the booking or start date is kept in
   the result so the cell can say "Overdue - booked 12 Jan";
5. booked: holds a place on an event;
6. in progress: has started;
7. not started.

The deadline is counted from the person's start date, or from the day the
requirement first applied to them (`assigned_on`); without a start date the
assignment date is used. A completion's expiry is the later of a recorded
expiry and the completion date plus the renewal period.

`evaluate` also says when its answer could next change with nothing else
changing (`recheck_on`), so a stored status can be refreshed on that day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass
from typing import TypedDict


class Status(enum.StrEnum):
    NOT_REQUIRED = "not_required"
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    BOOKED = "booked"
    COMPLETE = "complete"
    EXPIRING_SOON = "expiring_soon"
    EXPIRED = "expired"
    OVERDUE = "overdue"
    EXEMPT = "exempt"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS: dict[Status, str] = {
    Status.NOT_REQUIRED: "Not required",
    Status.NOT_STARTED: "Not started",
    Status.IN_PROGRESS: "In progress",
    Status.BOOKED: "Booked",
    Status.COMPLETE: "Complete",
    Status.EXPIRING_SOON: "Expiring soon",
    Status.EXPIRED: "Expired",
    Status.OVERDUE: "Overdue",
    Status.EXEMPT: "Exempt",
}

# The requirement is met today: these count as "complete" in every figure.
SATISFIED = frozenset({Status.COMPLETE, Status.EXPIRING_SOON})
# Needs action now.
BEHIND = frozenset({Status.OVERDUE, Status.EXPIRED})

DEFAULT_EXPIRY_WARNING_DAYS = 60


class DueFrom(enum.StrEnum):
    START_DATE = "start_date"
    ASSIGNMENT_DATE = "assignment_date"


class DueUnit(enum.StrEnum):
    DAYS = "days"
    MONTHS = "months"


@dataclass(frozen=True)
class Rule:
    """What a requirement asks: a deadline and, optionally, renewal."""

    due_within: int
    due_unit: DueUnit = DueUnit.DAYS
    due_from: DueFrom = DueFrom.START_DATE
    renewal_months: int | None = None


@dataclass(frozen=True)
class Facts:
    """What is known about one person and one training."""

    assigned_on: dt.date
    start_date: dt.date | None = None
    completed_on: dt.date | None = None
    recorded_expiry: dt.date | None = None
    started_on: dt.date | None = None
    booked_on: dt.date | None = None
    exemption_reason: str | None = None
    exemption_until: dt.date | None = None


class _Dates(TypedDict, total=False):
    """The dates a `Result` carries, gathered once and passed on by keyword."""

    due_on: dt.date | None
    expires_on: dt.date | None
    completed_on: dt.date | None
    booked_on: dt.date | None
    started_on: dt.date | None


@dataclass(frozen=True)
class Result:
    status: Status
    due_on: dt.date | None = None
    expires_on: dt.date | None = None
    completed_on: dt.date | None = None
    booked_on: dt.date | None = None
    started_on: dt.date | None = None
    reason: str = ""
    recheck_on: dt.date | None = None

    @property
    def label(self) -> str:
        return self.status.label

    @property
    def is_satisfied(self) -> bool:
        return self.status in SATISFIED


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(rule: Rule, facts: Facts) -> dt.date:
    base = facts.start_date if rule.due_from == DueFrom.START_DATE and facts.start_date else facts.assigned_on
    if rule.due_unit == DueUnit.MONTHS:
        return add_months(base, rule.due_within)
    return base + dt.timedelta(days=rule.due_within)


def expiry_date(rule: Rule, facts: Facts) -> dt.date | None:
    if facts.completed_on is None:
        return None
    candidates = [facts.recorded_expiry] if facts.recorded_expiry else []
    if rule.renewal_months:
        candidates.append(add_months(facts.completed_on, rule.renewal_months))
    return max(candidates) if candidates else None


def evaluate(
    rule: Rule | None,
    facts: Facts | None,
    today: dt.date,
    warning_days: int = DEFAULT_EXPIRY_WARNING_DAYS,
) -> Result:
    if rule is None or facts is None:
        return Result(Status.NOT_REQUIRED)
    due_on = due_date(rule, facts)
    detail = _Dates(booked_on=facts.booked_on, started_on=facts.started_on, due_on=due_on)

    if facts.exemption_reason is not None and (facts.exemption_until is None or facts.exemption_until >= today):
        recheck = facts.exemption_until + dt.timedelta(days=1) if facts.exemption_until else None
        return Result(Status.EXEMPT, reason=facts.exemption_reason, recheck_on=recheck, **detail)

    # A completion dated in the future is a data error, not a completion yet.
    completed_on = facts.completed_on if facts.completed_on and facts.completed_on <= today else None
    if completed_on is not None:
        expires_on = expiry_date(rule, facts)
        done = _Dates(completed_on=completed_on, expires_on=expires_on, **detail)
        if expires_on is None:
            return Result(Status.COMPLETE, **done)
        if today >= expires_on:
            return Result(Status.EXPIRED, **done)
        warn_from = expires_on - dt.timedelta(days=warning_days)
        if today >= warn_from:
            return Result(Status.EXPIRING_SOON, recheck_on=expires_on, **done)
        return Result(Status.COMPLETE, recheck_on=warn_from, **done)

    future_completion = facts.completed_on if facts.completed_on and facts.completed_on > today else None
    if today > due_on:
        return Result(Status.OVERDUE, recheck_on=future_completion, **detail)
    recheck = min(filter(None, [due_on + dt.timedelta(days=1), future_completion]))
    if facts.booked_on is not None:
        return Result(Status.BOOKED, recheck_on=recheck, **detail)
    if facts.started_on is not None:
        return Result(Status.IN_PROGRESS, recheck_on=recheck, **detail)
    return Result(Status.NOT_STARTED, recheck_on=recheck, **detail)
