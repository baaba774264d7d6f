"""The signed-in home page is made of sections, one from each app.

An app adds its block by registering a function `(request) -> DashboardSection
| None` with the `register_dashboard_section` Wagtail hook in its own
`wagtail_hooks.py` (the function usually lives in the app's `dashboard.py`).
The home page asks each and shows the ones that answer, in each section's
`order`. Adding an app's section needs no change to the home page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from wagtail import hooks

DASHBOARD_SECTION_HOOK = "register_dashboard_section"


@dataclass
class DashboardSection:
    """One block of the dashboard: a heading and a template to render its body."""

    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


def dashboard_sections(request: HttpRequest) -> list[DashboardSection]:
    sections = [section for ask in hooks.get_hooks(DASHBOARD_SECTION_HOOK) if (section := ask(request)) is not None]
    return sorted(sections, key=lambda s: s.order)
