from __future__ import annotations

from django.apps import AppConfig


class MatrixConfig(AppConfig):
    name = "matrix"
    label = "matrix"
    verbose_name = "Training matrix"

    def ready(self) -> None:
        from matrix import signals  # noqa: F401 - connects the receivers
