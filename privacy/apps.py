from __future__ import annotations

from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    label = "privacy"
    verbose_name = "Privacy and audit"
    default_auto_field = "django.db.models.BigAutoField"
