"""Values cached until the data they were computed from changes.

Each cached value's key holds a *version*: one integer in the cache that
`bump()` moves on whenever that data could have changed. A change is
therefore seen on the next read, which asks for a key nobody has written
yet. Old keys are never deleted; they simply expire.

With several app servers the cache must be the shared one (`REDIS_URL`):
with the per-process memory cache, another process sees a bump only when
its own copies expire.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar, cast

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")
MISSING = object()


def _fresh_start() -> int:
    # A cache that lost the version (restart, eviction) must never hand back
    # values stored under an old number, so start from the clock.
    return int(time.time() * 1000)


class VersionedCache:
    def __init__(self, prefix: str, timeout: int) -> None:
        self.prefix = prefix
        self.timeout = timeout
        self.version_key = f"{prefix}:version"

    def version(self) -> int:
        current = cache.get(self.version_key)
        if current is None:
            cache.add(self.version_key, _fresh_start(), timeout=None)
            current = cache.get(self.version_key, _fresh_start())
        return int(current)

    def _incr(self) -> None:
        try:
            cache.incr(self.version_key)
        except ValueError:
            cache.set(self.version_key, _fresh_start(), timeout=None)

    def bump(self) -> None:
        """Make every cached value stale: now, and again when the transaction
        commits, so a read between the two cannot keep values from before
        the commit."""
        self._incr()
        transaction.on_commit(self._incr)

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        """`compute()` once per version for `key` (None is a value too)."""
        full_key = f"{self.prefix}:{self.version()}:{key}"
        found = cache.get(full_key, MISSING)
        if found is not MISSING:
            # The cache hands back what compute() stored under this key.
            return cast(T, found)
        value = compute()
        cache.set(full_key, value, self.timeout)
        return value

    def cached_many(self, keys: list[str], compute: Callable[[list[str]], dict[str, T]]) -> dict[str, T]:
        """Like `cached` for several keys at once: one cache read, and one
        `compute()` for all the keys that were missing."""
        current = self.version()
        full = {key: f"{self.prefix}:{current}:{key}" for key in keys}
        found = cache.get_many(list(full.values()))
        values = {key: found[full_key] for key, full_key in full.items() if full_key in found}
        missing = [key for key in keys if key not in values]
        if missing:
            computed = compute(missing)
            cache.set_many({full[key]: value for key, value in computed.items()}, self.timeout)
            values.update(computed)
        return values
