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


NUL_MESSAGE = (
    "What you sent contains a null character, which cannot be stored. "
    "It does not come from typing: paste your text again as plain text, or type it, and try again."
)


class NullCharacterMiddleware:
    """Answer 400 to a request carrying a NUL character in a form field, the
    query string or a text body. PostgreSQL cannot store NUL in text, so such
    a value would otherwise fail deep inside whichever view saves it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._has_nul(request):
            from django.shortcuts import render

            return render(request, "privacy/bad_request.html", {"message": NUL_MESSAGE}, status=400)
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if any("\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values + [key]):
            return True
        if request.method not in ("POST", "PUT", "PATCH"):
            return False
        if (request.content_type or "").startswith("multipart/"):
            # Uploaded files may hold NUL bytes; their text fields may not.
            return any("\x00" in key or "\x00" in value for key, values in request.POST.lists() for value in values)
        body = request.body
        if b"\x00" in body or b"\\u0000" in body:
            return True
        # In a form-encoded body a literal "%" is sent as %25, so %00 can only mean NUL.
        return request.content_type == "application/x-www-form-urlencoded" and b"%00" in body


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
