"""What one person must do, as the matrix says: the one source every prompt reads.

`duties_for(user)` gives, for each training the matrix requires of the
person, where they stand today (their stored requirement status). A training
missing from the answer is not required of them, so nothing on the dashboard,
no prompt and no roster flag offers it or holds it against them. The
dashboard sections, the course list, the classroom prompts and the
prerequisite checks all ask here instead of deciding for themselves who a
course is for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from matrix.models import MatrixStatus, RequirementAssignment, Training

# Something still to do: not yet met, or running out.
OPEN = frozenset(
    {
        MatrixStatus.NOT_STARTED,
        MatrixStatus.IN_PROGRESS,
        MatrixStatus.OVERDUE,
        MatrixStatus.EXPIRED,
        MatrixStatus.EXPIRING_SOON,
    }
)
# Met today (an exemption counts: nothing is asked of the person).
MET = frozenset({MatrixStatus.COMPLETE, MatrixStatus.EXPIRING_SOON, MatrixStatus.EXEMPT})
RENEWABLE = frozenset({MatrixStatus.EXPIRING_SOON, MatrixStatus.EXPIRED})


@dataclass(frozen=True)
class Duty:
    """One training required of one person, and where they stand with it."""

    training: Training
    status: str
    due_on: dt.date | None = None
    completed_on: dt.date | None = None
    expires_on: dt.date | None = None
    booked_on: dt.date | None = None

    @property
    def kind(self) -> str:
        return self.training.kind

    @property
    def met(self) -> bool:
        return self.status in MET

    @property
    def booked(self) -> bool:
        """Holds a place that counts towards it (an overdue or expired person who booked stays so)."""
        return self.status == MatrixStatus.BOOKED or (
            self.booked_on is not None and self.status in (MatrixStatus.OVERDUE, MatrixStatus.EXPIRED)
        )

    @property
    def to_do(self) -> bool:
        """The person should act now: start, carry on, book, or renew (and has not booked)."""
        return self.status in OPEN and not self.booked

    @property
    def renewal(self) -> bool:
        return self.status in RENEWABLE


def duties_for(user: Any) -> dict[int, Duty]:
    """The trainings required of `user`, by training id, in due-date order.
    Two queries at most (one when no status needs refreshing)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    from matrix.services import refresh_due

    refresh_due()
    duties: dict[int, Duty] = {}
    rows = (
        RequirementAssignment.objects.filter(user=user)
        .select_related("requirement__training")
        .order_by("due_on", "requirement__training__title", "-requirement__renewal_months")
    )
    for a in rows:
        training = a.requirement.training
        duties.setdefault(
            training.pk,
            Duty(
                training=training,
                status=a.status,
                due_on=a.due_on,
                completed_on=a.completed_on,
                expires_on=a.expires_on,
                booked_on=a.booked_on,
            ),
        )
    return duties


def duties_for_request(request: Any) -> dict[int, Duty]:
    """`duties_for` the signed-in person, read once for all the sections of one page."""
    cached = getattr(request, "_matrix_duties", None)
    if cached is None:
        cached = duties_for(request.user)
        request._matrix_duties = cached
    return cached


def required_training_ids(user_ids: list[int], training_ids: list[int]) -> set[tuple[int, int]]:
    """Which of these trainings the matrix requires of which of these people, as (user id, training id)."""
    if not user_ids or not training_ids:
        return set()
    return set(
        RequirementAssignment.objects.filter(user_id__in=user_ids, requirement__training_id__in=training_ids)
        .exclude(status=MatrixStatus.EXEMPT)
        .values_list("user_id", "requirement__training_id")
    )
