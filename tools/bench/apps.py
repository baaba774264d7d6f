from __future__ import annotations

from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The `bench` command and its baseline view; installed only by `elearning.settings.bench`."""

    name = "tools.bench"
    label = "bench"
    verbose_name = "Benchmarks"
