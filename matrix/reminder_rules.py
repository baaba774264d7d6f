"""Which reminder a requirement calls for on a given day. Pure: no Django.

Three kinds, each sent at most once for the date it is about (a deadline or
an expiry), so a new deadline after a renewal starts the cycle again:

- due soon: the deadline is within `due_soon_days` and nothing is done or booked;
- overdue: the deadline has passed, or the last completion has expired;
- expiring: the completion runs out within `expiring_days`.

"Due soon" and "expiring" are not essential: a person may pause them.
"Overdue" always goes out.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class Kind(enum.StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    EXPIRING = "expiring"


ESSENTIAL = frozenset({Kind.OVERDUE})


@dataclass(frozen=True)
class Policy:
    due_soon_days: int = 14
    expiring_days: int = 30


@dataclass(frozen=True)
class Row:
    """One person's standing with one requirement, as the matrix holds it."""

    status: str
    due_on: dt.date | None
    expires_on: dt.date | None


@dataclass(frozen=True)
class Reminder:
    kind: Kind
    about: dt.date  # the deadline or expiry it is about: the "same reason"
    send_on: dt.date

    @property
    def essential(self) -> bool:
        return self.kind in ESSENTIAL


WAITING = frozenset({"not_started", "in_progress"})


def planned(row: Row, policy: Policy) -> list[Reminder]:
    """Every reminder this row will call for, from its current facts, in date order."""
    out: list[Reminder] = []
    if row.status in WAITING | {"overdue"} and row.due_on is not None:
        if row.status != "overdue":
            out.append(Reminder(Kind.DUE_SOON, row.due_on, row.due_on - dt.timedelta(days=policy.due_soon_days)))
        out.append(Reminder(Kind.OVERDUE, row.due_on, row.due_on + dt.timedelta(days=1)))
    elif row.status in {"complete", "expiring_soon", "expired"} and row.expires_on is not None:
        if row.status != "expired":
            warn = row.expires_on - dt.timedelta(days=policy.expiring_days)
            out.append(Reminder(Kind.EXPIRING, row.expires_on, warn))
        out.append(Reminder(Kind.OVERDUE, row.expires_on, row.expires_on))
    return sorted(out, key=lambda r: r.send_on)


def due_today(row: Row, today: dt.date, policy: Policy) -> list[Reminder]:
    """The reminders that should have gone out by `today` and still apply.

    A reminder whose day was missed (the job did not run) still goes, as long
    as its reason holds: "due soon" until the deadline, "expiring" until the
    expiry, "overdue" while it is."""
    due: list[Reminder] = []
    for reminder in planned(row, policy):
        if reminder.send_on > today:
            continue
        if reminder.kind is Kind.DUE_SOON and today > reminder.about:
            continue
        if reminder.kind is Kind.EXPIRING and today >= reminder.about:
            continue
        if reminder.kind is Kind.OVERDUE and row.status not in {"overdue", "expired"}:
            continue
        due.append(reminder)
    return due
