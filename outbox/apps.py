from __future__ import annotations

from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "outbox"
    label = "outbox"
    verbose_name = "Outgoing email"
