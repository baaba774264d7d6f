from __future__ import annotations

from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    label = "courses"
    verbose_name = "E-learning courses"

    def ready(self) -> None:
        from courses import signals

        signals.connect()
