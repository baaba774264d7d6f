from __future__ import annotations

from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    # This module holds two configurations: this one is the people app's.
    default = True
    name = "people"
    label = "people"
    verbose_name = "People and organisations"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from people import signals  # noqa: F401
        from people.groups import ensure_groups

        post_migrate.connect(ensure_groups, sender=self)


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our bounded user editor (see people/admin_views.py)."""

    user_viewset = "people.admin_views.UserViewSet"
