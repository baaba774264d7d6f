"""Caching the matrix's counted figures (summary grid, headline, chart) per scope.

Every cached value's key holds the matrix *version*, one integer in the cache
that `bump()` moves on whenever an assignment, completion or label could have
changed (see services.refresh_people and signals.py, and
`lib.versioned_cache`). A completion therefore shows at once: the next
page view asks for a key nobody has written yet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.utils import timezone

from lib.versioned_cache import VersionedCache

T = TypeVar("T")

TIMEOUT = 60 * 60
_figures = VersionedCache("matrix", TIMEOUT)
version = _figures.version
bump = _figures.bump


def cached(parts: tuple[object, ...], compute: Callable[[], T]) -> T:
    """`compute()` once per matrix version, day and `parts` (the scope and what is asked)."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return _figures.cached(f"figures:{timezone.localdate():%Y%m%d}:{digest}", compute)
