"""Pure privacy rules: when an account is past keeping, and what an erased
person is called. No Django here, so the rules are easy to test and read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ERASED_DOMAIN = "erased.invalid"


@dataclass(frozen=True)
class Placeholder:
    first_name: str
    last_name: str
    email: str
    username: str


def placeholder_for(user_id: int) -> Placeholder:
    """What replaces an erased person's name and addresses. `.invalid` can
    never receive mail, and the number keeps each placeholder unique."""
    return Placeholder(
        first_name="Erased",
        last_name=f"person {user_id}",
        email=f"erased-{user_id}@{ERASED_DOMAIN}",
        username=f"erased-{user_id}",
    )


def is_erased_email(email: str) -> bool:
    return email.lower().endswith("@" + ERASED_DOMAIN)


def last_active(last_login: dt.datetime | None, joined: dt.datetime, last_learning: dt.datetime | None) -> dt.datetime:
    """The latest sign of life: a sign-in, any learning, or joining."""
    return max(moment for moment in (last_login, joined, last_learning) if moment is not None)


def retention_cutoff(now: dt.datetime, inactive_days: int) -> dt.datetime:
    if inactive_days < 1:
        raise ValueError("The retention period must be at least one day.")
    return now - dt.timedelta(days=inactive_days)


def is_past_retention(last_seen: dt.datetime, now: dt.datetime, inactive_days: int) -> bool:
    return last_seen < retention_cutoff(now, inactive_days)
