"""Admin menu links to the privacy pages, for training administrators only."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from people.access import is_training_admin


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return is_training_admin(request.user)


@hooks.register("register_admin_menu_item")
def deletion_requests_menu_item() -> MenuItem:
    return AdministratorsMenuItem("Deletion requests", reverse("privacy:requests"), icon_name="bin", order=9100)


@hooks.register("register_admin_menu_item")
def audit_log_menu_item() -> MenuItem:
    return AdministratorsMenuItem(
        "Who looked at records", reverse("privacy:audit_log"), icon_name="history", order=9110
    )


@hooks.register("register_privacy_provider", order=90)
def privacy_provider() -> ModuleType:
    """The privacy app's own records about a person (requests, the audit of who looked)."""
    from privacy import core

    return core
