from __future__ import annotations

from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = "Home and site pages"

    def ready(self) -> None:
        from home import checks  # noqa: F401  (registers the deploy checks)
