from __future__ import annotations

from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "impact"
    label = "impact"
    verbose_name = "Impact: evaluation, before and after, observation, writing coach"
