"""Writing completions. Every app that completes training calls `record_completion`."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from elearning.matrix.models import ActivityKind, CompletionRecord, CompletionSource, Training, TrainingActivity
from elearning.people.models import User


def record_completion(
    user: User,
    training: Training,
    completed_on: dt.date,
    source: CompletionSource | str,
    source_ref: str = "",
    expires_on: dt.date | None = None,
) -> CompletionRecord:
    """Record that `user` completed `training`. Recording the same thing twice
    returns the first record and changes nothing."""
    lookup = {"user": user, "training": training, "source": source, "source_ref": source_ref}
    existing = CompletionRecord.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return CompletionRecord.objects.create(completed_on=completed_on, expires_on=expires_on, **lookup)
    except IntegrityError:
        return CompletionRecord.objects.get(**lookup)


def mark_started(user: User, training: Training, on: dt.date) -> None:
    """The learner has begun `training` (first lesson opened, first attempt saved)."""
    TrainingActivity.objects.get_or_create(
        user=user, training=training, kind=ActivityKind.STARTED, defaults={"since": on}
    )


def mark_booked(user: User, training: Training, first_day: dt.date) -> None:
    """The learner holds a confirmed place on an event of `training` starting `first_day`."""
    TrainingActivity.objects.update_or_create(
        user=user, training=training, kind=ActivityKind.BOOKED, defaults={"since": first_day}
    )


def clear_booked(user: User, training: Training) -> None:
    """The learner no longer holds a confirmed place (cancelled, or the event is over)."""
    TrainingActivity.objects.filter(user=user, training=training, kind=ActivityKind.BOOKED).delete()
