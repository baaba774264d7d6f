"""Log views of other people's records without touching the apps that show them."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from privacy.audit import AUDITED
from privacy.services import record

log = logging.getLogger(__name__)


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if (
            match is None
            or response.status_code != 200
            or match.view_name not in AUDITED
            or not getattr(user, "is_authenticated", False)
        ):
            return response
        action, find_subject = AUDITED[match.view_name]
        subject = find_subject(match.kwargs) if find_subject else None
        if subject is not None and subject.pk == user.pk:
            return response
        record(action, actor=user, subject=subject, what=match.view_name, request=request)
        return response


class NoStoreForSignedInMiddleware:
    """Pages answered to a signed-in person carry their records (a journal,
    their data, a dashboard, an export): no browser or proxy may keep a copy,
    so the back button on a shared computer cannot show them after sign-out.
    A response that already says no-store is left as it is."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if getattr(user, "is_authenticated", False) and "no-store" not in response.get("Cache-Control", ""):
            patch_cache_control(response, no_store=True, private=True)
        return response
