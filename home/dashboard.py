"""The signed-in home page is made of sections, one from each app.

Each app may have a `dashboard.py` module with a function
`dashboard_section(request) -> DashboardSection | None`. The home page asks
each in the order below and shows the ones that answer. Adding an app's
section needs no change to the home page.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest

SECTION_MODULES = [
    "people.dashboard",
    "matrix.dashboard",
    "courses.dashboard",
    "training.dashboard",
    "scenarios.dashboard",
    "impact.dashboard",
]


@dataclass
class DashboardSection:
    """One block of the dashboard: a heading and a template to render its body."""

    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


def dashboard_sections(request: HttpRequest) -> list[DashboardSection]:
    sections: list[DashboardSection] = []
    for module_name in SECTION_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        section = module.dashboard_section(request)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda s: s.order)
