"""The course tree's shape, cached: which modules and lessons a course has,
which course a page is in, a page's breadcrumbs, the page at a URL and the
view restrictions that apply to it.

Every learner's lesson and course page needs these, and they change only
when an editor saves, publishes, unpublishes, moves or deletes a page or
changes who may see it: each of those bumps the tree's version (see
`courses.signals` and `lib.versioned_cache`), so a change is seen on
the next request. The learner's own progress is never cached here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from lib.versioned_cache import VersionedCache

T = TypeVar("T")

TIMEOUT = 5 * 60
_tree = VersionedCache("courses:tree", TIMEOUT)
bump = _tree.bump


def cached(kind: str, key: object, compute: Callable[[], T]) -> T:
    """`compute()` once per tree version for (kind, key)."""
    return _tree.cached(f"{kind}:{key}", compute)


def cached_many(kind: str, keys: list[str], compute: Callable[[list[str]], dict[str, T]]) -> dict[str, T]:
    """Like `cached` for several keys at once: one cache read, one `compute()` for the missing ones."""
    found = _tree.cached_many([f"{kind}:{key}" for key in keys], lambda missing: _computed(kind, missing, compute))
    return {key: found[f"{kind}:{key}"] for key in keys}


def _computed(kind: str, full_keys: list[str], compute: Callable[[list[str]], dict[str, T]]) -> dict[str, T]:
    plain = [full_key[len(kind) + 1 :] for full_key in full_keys]
    return {f"{kind}:{key}": value for key, value in compute(plain).items()}
