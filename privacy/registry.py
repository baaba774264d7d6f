"""Every app that keeps data about a person says how to export and anonymise it.

Each module listed in `PROVIDERS` has `export_user_data(user) -> dict` and
`anonymise_user(user) -> None`. The export is the union of their dicts under
the module's `SECTION`; erasure runs them in order, people last, so an app
can still read the person's details while it clears its own records.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

PROVIDERS = [
    "courses.privacy",
    "training.privacy",
    "scenarios.privacy",
    "matrix.privacy",
    "impact.privacy",
    "privacy.core",
    "people.privacy",
]


def providers() -> list[ModuleType]:
    return [importlib.import_module(name) for name in PROVIDERS]


def export_user_data(user: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for module in providers():
        data[module.SECTION] = module.export_user_data(user)
    return data


def anonymise_user(user: Any) -> None:
    for module in providers():
        module.anonymise_user(user)
