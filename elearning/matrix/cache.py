"""Caching the matrix's counted figures (summary grid, headline, chart) per scope.

Every cached value's key holds the matrix *version*, one integer in the cache
that `bump()` moves on whenever an assignment, completion or label could have
changed (see services.refresh_people and signals.py). A completion therefore
shows at once: the next page view asks for a key nobody has written yet.
Old keys are never deleted; they simply expire.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

T = TypeVar("T")

VERSION_KEY = "matrix:version"
TIMEOUT = 60 * 60


def _fresh_start() -> int:
    # A cache that lost the version (restart, eviction) must never hand back
    # figures stored under an old number, so start from the clock.
    return int(time.time() * 1000)


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, _fresh_start(), timeout=None)
        current = cache.get(VERSION_KEY, _fresh_start())
    return int(current)


def _incr() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_start(), timeout=None)


def bump() -> None:
    """Make every cached figure stale: now, and again when the transaction
    commits, so a page read between the two cannot keep figures from before
    the commit."""
    _incr()
    transaction.on_commit(_incr)


def cached(parts: tuple[object, ...], compute: Callable[[], T]) -> T:
    """`compute()` once per matrix version, day and `parts` (the scope and what is asked)."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"matrix:figures:{version()}:{timezone.localdate():%Y%m%d}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
