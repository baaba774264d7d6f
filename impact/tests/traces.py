"""Where a piece of typed text could be left behind: every table, every session, the cache."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import models


def tables_holding(marker: str) -> list[str]:
    """Every model field (text, JSON or binary) in any table that contains `marker`."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                lookup = {f"{field.attname}__contains": marker}
            elif isinstance(field, models.JSONField):
                # Compare the stored JSON as text, whatever its shape.
                rows = model._default_manager.values_list(field.attname, flat=True)
                if any(marker in str(value) for value in rows):
                    found.append(f"{model._meta.db_table}.{field.column}")
                continue
            else:
                continue
            if model._default_manager.filter(**lookup).exists():
                found.append(f"{model._meta.db_table}.{field.column}")
    for session in Session.objects.all():
        if marker in str(session.get_decoded()):
            found.append(f"session {session.pk}")
    return found


def cache_entries_holding(marker: str) -> list[str]:
    """The keys of cache entries whose stored (pickled) value contains `marker`."""
    found = []
    for alias in caches:
        store: dict[str, Any] = getattr(caches[alias], "_cache", {})
        needle = marker.encode()
        found += [key for key, value in store.items() if needle in bytes(value)]
    return found
