"""The course tree's shape, cached: which modules and lessons a course has,
which course a page is in, and a page's breadcrumbs.

Every learner's lesson and course page needs these, and they change only
when an editor saves, publishes, unpublishes, moves or deletes a page or
changes who may see it. Each cached value's key holds the tree *version*, one
integer in the cache that every such change bumps (see `courses.signals`),
so a change is seen on the next request. The learner's own progress is never
cached here.

With several app servers the cache must be the shared one (`REDIS_URL`);
with the per-process memory cache, other processes would see a change only
when their copy expires (TIMEOUT).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")

VERSION_KEY = "courses:tree:version"
TIMEOUT = 5 * 60
MISSING = object()


def _fresh_start() -> int:
    # A cache that lost the version (restart, eviction) must never hand back
    # values stored under an old number, so start from the clock.
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
    """Make every cached value stale: now, and again when the transaction
    commits, so a page read between the two cannot keep the old tree."""
    _incr()
    transaction.on_commit(_incr)


def cached(kind: str, key: object, compute: Callable[[], T]) -> T:
    """`compute()` once per tree version for (kind, key)."""
    full_key = f"courses:tree:{version()}:{kind}:{key}"
    value = cache.get(full_key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    return value  # type: ignore[return-value]


def cached_many(kind: str, keys: list[str], compute: Callable[[list[str]], dict[str, T]]) -> dict[str, T]:
    """Like `cached` for several keys at once: one cache read, and one
    `compute()` for all the keys that were missing."""
    current = version()
    full = {key: f"courses:tree:{current}:{kind}:{key}" for key in keys}
    found = cache.get_many(list(full.values()))
    values = {key: found[full_key] for key, full_key in full.items() if full_key in found}
    missing = [key for key in keys if key not in values]
    if missing:
        computed = compute(missing)
        cache.set_many({full[key]: value for key, value in computed.items()}, TIMEOUT)
        values.update(computed)
    return values
