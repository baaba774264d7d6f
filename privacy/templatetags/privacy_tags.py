"""Show exported data as readable text: labels from keys, values in words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def label(key: str) -> str:
    return str(key).replace("_", " ").capitalize()


@register.filter
def in_words(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "None"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%-d %B %Y, %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%-d %B %Y")
    if isinstance(value, dict):
        return "; ".join(f"{label(key)}: {in_words(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(in_words(item) for item in value)
    return str(value)


@register.filter
def is_rows(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)
