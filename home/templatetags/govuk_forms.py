"""Render Django form widgets with GOV.UK Frontend classes and hint/error links."""

from __future__ import annotations

import copy

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def govuk_widget(field: BoundField, css_class: str) -> SafeString:
    classes = [css_class]
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        classes.append(f"{css_class}--error")
        described_by.append(f"{field.auto_id}-error")
    attrs = {"class": " ".join(classes)}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    widget = field.field.widget
    if "placeholder" in widget.attrs:
        # GOV.UK uses labels and hints, never placeholders: they vanish as soon as someone types.
        widget = copy.copy(widget)
        widget.attrs = {k: v for k, v in widget.attrs.items() if k != "placeholder"}
    return field.as_widget(widget=widget, attrs=attrs)


@register.filter
def progress_step(percent: float | int | None) -> int:
    """Round a percentage to the nearest 5 for the `app-progress__fill--N` classes."""
    value = max(0, min(100, int(round(float(percent or 0) / 5.0)) * 5))
    return value
