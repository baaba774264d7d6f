"""The bounded file cache lists its folder once every CULL_EVERY writes and stays near its limit."""

from __future__ import annotations

import os

from lib.file_cache import BoundedFileCache


class CountingCache(BoundedFileCache):
    listings = 0

    def _list_cache_files(self) -> list[str]:
        CountingCache.listings += 1
        return super()._list_cache_files()


def make(tmp_path, **options) -> CountingCache:
    CountingCache.listings = 0
    return CountingCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 20, "CULL_FREQUENCY": 2, **options}})


def test_it_lists_the_folder_once_every_cull_every_writes(tmp_path):
    cache = make(tmp_path, CULL_EVERY=10)
    for n in range(200):
        cache.set(f"key-{n}", n)
    assert CountingCache.listings == 20


def test_it_stays_within_its_limit_plus_one_round_of_writes(tmp_path):
    cache = make(tmp_path, CULL_EVERY=10)
    for n in range(500):
        cache.set(f"key-{n}", n)
    entries = [name for name in os.listdir(tmp_path) if name.endswith(".djcache")]
    assert len(entries) <= 20 + 10
    assert cache.get("key-499") == 499


def test_values_read_back_as_from_the_plain_file_cache(tmp_path):
    cache = make(tmp_path)
    cache.set("a", {"figures": [1, 2, 3]})
    assert cache.get("a") == {"figures": [1, 2, 3]}
    assert cache.add("a", "other") is False
    cache.delete("a")
    assert cache.get("a") is None
