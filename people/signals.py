"""Every user gets a profile, whatever created them (sign-up, admin, import)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from people.models import LearnerProfile, User


@receiver(post_save, sender=User)
def create_profile(sender: type[User], instance: User, created: bool, **kwargs: Any) -> None:
    # Not while loading a backup (raw): the backup brings the profile itself.
    if created and not kwargs.get("raw"):
        LearnerProfile.objects.get_or_create(user=instance)
