"""A file cache whose writes do not slow down as it fills.

Django's `FileBasedCache` lists the whole cache folder on every write to
decide whether to cull: about 0.5 ms at 100 entries and 30 ms at 10,000.
This one looks only once every `CULL_EVERY` writes of a process (an option,
default 100, and on its first write), so the folder holds at most
`MAX_ENTRIES` plus about `CULL_EVERY` entries for each process writing to it
before a cull brings it back under the limit. Used when `REDIS_URL` is not set
(one server); several servers share Redis instead.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.filebased import FileBasedCache


class BoundedFileCache(FileBasedCache):
    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        self._cull_every = max(1, int(options.pop("CULL_EVERY", 100)))
        super().__init__(dir, {**params, "OPTIONS": options})
        self._writes = 0

    def _cull(self) -> None:
        self._writes += 1
        if (self._writes - 1) % self._cull_every:
            return
        # FileBasedCache._cull is private, so django-stubs do not declare it.
        super()._cull()  # type: ignore[misc]
