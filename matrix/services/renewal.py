"""Renewal, as the matrix sees it: whether a person's training is due to be
done again, and how long a new completion stays current. The apps that run
training ask here, so the dashboard, the course page and the certificate all
follow the same requirement."""

from __future__ import annotations

import datetime as dt

from matrix.models import MatrixStatus, RequirementAssignment, Training
from matrix.status import add_months
from people.models import User

RENEWABLE = frozenset({MatrixStatus.EXPIRING_SOON, MatrixStatus.EXPIRED})


def _assignment(user: User, training: Training | None) -> RequirementAssignment | None:
    if training is None:
        return None
    return (
        RequirementAssignment.objects.filter(user=user, training=training)
        .select_related("requirement")
        .order_by("-requirement__renewal_months")
        .first()
    )


def renewal_due(user: User, training: Training | None) -> bool:
    """The person's requirement for `training` is running out or has run out."""
    assignment = _assignment(user, training)
    return assignment is not None and assignment.status in RENEWABLE


def valid_until(user: User, training: Training | None, completed_on: dt.date) -> dt.date | None:
    """When a completion on `completed_on` must be renewed, under the
    requirement that applies to the person; None when it never expires."""
    assignment = _assignment(user, training)
    months = assignment.requirement.renewal_months if assignment is not None else None
    return add_months(completed_on, months) if months else None
