"""The baseline every page is compared with: Django doing as little as it can."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
