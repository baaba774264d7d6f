"""Changes to people's records waiting for this person's decision, on the
signed-in home page (line managers and training administrators)."""

from __future__ import annotations

from django.http import HttpRequest

from home.dashboard import DashboardSection
from people.services import pending_for


def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    user = request.user
    if not user.is_authenticated:
        return None
    waiting = pending_for(user)
    if not waiting:
        return None
    return DashboardSection(
        title="Changes to approve",
        template="people/dashboard_section.html",
        context={"waiting": waiting[:5], "count": len(waiting)},
        order=15,
    )
