"""Readable field-level changes from django-simple-history's tables: for each
saved version of a record, who, when, why, and each field from what to what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import models

ACTIONS = {"+": "Created", "~": "Changed", "-": "Removed"}
SYSTEM = "The platform"


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """One saved version of one record."""

    when: dt.datetime
    who: str
    record: str
    action: str
    reason: str
    fields: list[FieldChange] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "when": self.when,
            "who": self.who,
            "record": self.record,
            "action": self.action,
            "reason": self.reason,
            "fields": [{"field": c.field, "from": c.old, "to": c.new} for c in self.fields],
        }


def display(version: Any, name: str) -> str:
    """A field's value as a person reads it: the related record's name, the
    choice's label, a date in words, or "(empty)"."""
    model_field = version._meta.get_field(name)
    if isinstance(model_field, models.ForeignKey):
        if getattr(version, model_field.attname) is None:
            return "(empty)"
        try:
            return str(getattr(version, name))
        except ObjectDoesNotExist:
            return "(a record since removed)"
    value = getattr(version, name)
    if value is None or value == "":
        return "(empty)"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, dt.datetime):
        return f"{value:%-d %B %Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    return str(value)


def _editor(version: Any) -> str:
    user = version.history_user
    if user is None:
        return SYSTEM
    return str(user.get_full_name() or user.get_username())


def changes(versions: Iterable[Any], label: Any, skip: Iterable[str] = ("id",)) -> list[Change]:
    """`versions` of any number of records (with `history_user` selected),
    oldest first within each record; `label(version)` names the record."""
    skipped = set(skip)
    previous: dict[Any, Any] = {}
    found: list[Change] = []
    # In the order they were written (a clock can be set back, an id cannot).
    for version in sorted(versions, key=lambda v: v.history_id):
        names = [n for n in _fields(version) if n not in skipped]
        before = previous.get(version.id)
        if version.history_type == "+" or before is None:
            fields = [FieldChange(_verbose(version, n), "", display(version, n)) for n in names]
        elif version.history_type == "-":
            fields = []
        else:
            fields = [
                FieldChange(_verbose(version, n), display(before, n), display(version, n))
                for n in names
                if display(before, n) != display(version, n)
            ]
        previous[version.id] = version
        if version.history_type == "~" and not fields and not version.history_change_reason:
            continue  # saved without a change and without a word: nothing to tell
        found.append(
            Change(
                when=version.history_date,
                who=_editor(version),
                record=label(version),
                action=ACTIONS.get(version.history_type, version.history_type),
                reason=version.history_change_reason or "",
                fields=fields,
            )
        )
    return found


def _fields(version: Any) -> list[str]:
    history_names = {"history_id", "history_date", "history_change_reason", "history_type", "history_user"}
    return [f.name for f in version._meta.fields if f.name not in history_names and f.attname not in history_names]


def _verbose(version: Any, name: str) -> str:
    return str(version._meta.get_field(name).verbose_name).capitalize()
