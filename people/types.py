"""Types for code that only runs for a signed-in person."""

from __future__ import annotations

from django.http import HttpRequest

from people.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """The request a `login_required` view receives: its user is never anonymous.

    Annotating such views with it tells mypy what the decorator guarantees, so
    passing `request.user` to a service that wants a `User` type-checks.
    """

    user: User
