from __future__ import annotations

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    label = "people"
    verbose_name = "People and organisations"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from people import signals  # noqa: F401
        from people.groups import ensure_groups

        post_migrate.connect(ensure_groups, sender=self)
