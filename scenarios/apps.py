from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ScenariosConfig(AppConfig):
    name = "scenarios"
    label = "scenarios"
    verbose_name = "Case scenarios"

    def ready(self) -> None:
        post_migrate.connect(grant_jargon_permissions, sender=self)


def grant_jargon_permissions(**kwargs: Any) -> None:
    """Training administrators keep the jargon list too (content editors have the whole app)."""
    from django.contrib.auth.models import Group, Permission

    from people.groups import GroupName

    group = Group.objects.filter(name=GroupName.TRAINING_ADMIN).first()
    if group is None:
        return
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="scenarios", codename__endswith="_jargonterm")
    )
