"""Keep each person's matrix row current the moment anything it depends on changes.

Completions, started/booked activity and exemptions are written by several
apps; the matrix listens here rather than asking each app to remember.
Bulk writes (imports, demo data) bypass signals and call
`services.refresh_people` themselves.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from matrix import cache as matrix_cache
from matrix import services
from matrix.models import CompletionRecord, Exemption, Requirement, Training, TrainingActivity
from people.models import Agency, LearnerProfile, Role, Team


def _deleted_directly(sender: type[Model], origin: Any) -> bool:
    """True when this model's rows were deleted on purpose, not swept away by
    deleting the person (whose rows are about to disappear anyway)."""
    return getattr(origin, "model", type(origin)) is sender


@receiver(post_save, sender=CompletionRecord)
@receiver(post_save, sender=TrainingActivity)
@receiver(post_save, sender=Exemption)
def person_record_saved(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        services.refresh_people([instance.user_id])


@receiver(post_delete, sender=CompletionRecord)
@receiver(post_delete, sender=TrainingActivity)
@receiver(post_delete, sender=Exemption)
def person_record_deleted(sender: type[Model], instance: Any, origin: Any = None, **kwargs: Any) -> None:
    if _deleted_directly(sender, origin):
        services.refresh_people([instance.user_id])


@receiver(post_save, sender=LearnerProfile)
def profile_saved(sender: type[Model], instance: LearnerProfile, **kwargs: Any) -> None:
    """A new role, agency or start date changes what applies and when it is due."""
    if not kwargs.get("raw"):
        services.refresh_people([instance.user_id])


@receiver(post_save, sender=Requirement)
def requirement_saved(sender: type[Model], instance: Requirement, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        services.refresh_role(instance.role_id)


@receiver(post_delete, sender=Requirement)
def requirement_deleted(sender: type[Model], instance: Requirement, origin: Any = None, **kwargs: Any) -> None:
    if _deleted_directly(sender, origin):
        services.refresh_role(instance.role_id)


@receiver(post_save, sender=Agency)
@receiver(post_save, sender=Team)
@receiver(post_save, sender=Role)
@receiver(post_save, sender=Training)
@receiver(post_delete, sender=Agency)
@receiver(post_delete, sender=Team)
@receiver(post_delete, sender=Role)
@receiver(post_delete, sender=Training)
def label_changed(sender: type[Model], **kwargs: Any) -> None:
    """Cached summaries carry agency, team, role and training names."""
    matrix_cache.bump()
