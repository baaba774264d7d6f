"""A small per-person limit on actions a script could repeat (booking).

Counted in the shared cache, per signed-in person and sign-in session, in
fixed one-minute windows. A person who goes over the limit is answered 429
with a page saying when to try again; nothing is booked or cancelled.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

WINDOW_SECONDS = 60


def limit_per_minute() -> int:
    return int(getattr(settings, "BOOKING_ACTIONS_PER_MINUTE", 20))


def over_limit(request: HttpRequest, scope: str) -> bool:
    user = getattr(request, "user", None)
    if request.method != "POST" or user is None or not user.is_authenticated:
        return False
    window = int(time.time() // WINDOW_SECONDS)
    session = getattr(request, "session", None)
    key = f"throttle:{scope}:{user.pk}:{getattr(session, 'session_key', '') or ''}:{window}"
    if cache.add(key, 1, timeout=WINDOW_SECONDS * 2):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=WINDOW_SECONDS * 2)
            count = 1
    return count > limit_per_minute()


def limit_bookings(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if over_limit(request, "booking"):
            response = render(request, "privacy/too_many_requests.html", {"limit": limit_per_minute()}, status=429)
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        return view(request, *args, **kwargs)

    return wrapped
