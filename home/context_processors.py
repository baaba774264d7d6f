from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "PARTNERSHIP_NAME": settings.PARTNERSHIP_NAME,
        "ENTRA_ENABLED": settings.ENTRA_ENABLED,
    }
