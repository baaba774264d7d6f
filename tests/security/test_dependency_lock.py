"""Every Python dependency is pinned with its hashes, and the lock files agree
with the requirements they were made from.

`requirements*.txt` say what the project depends on (and the README says
why); `make lock` writes `requirements*.lock`, which `make run` and
`make test` install with `--require-hashes`. A pin changed in a
requirements file without `make lock` would install something else than
was reviewed: these tests catch it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?==([^\s;\\]+)")


def _name(raw: str) -> str:
    return re.sub(r"[-_.]+", "-", raw).lower()


def pins(path: Path) -> dict[str, str]:
    """`name==version` lines of a requirements or lock file (comments, -r and hashes skipped)."""
    found: dict[str, str] = {}
    for line in path.read_text().splitlines():
        match = PIN.match(line.strip())
        if match:
            found[_name(match.group(1))] = match.group(3)
    return found


def locked_entries(path: Path) -> dict[str, list[str]]:
    """Each locked package with the hashes listed under it."""
    entries: dict[str, list[str]] = {}
    current: str | None = None
    for line in path.read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = _name(match.group(1))
            entries[current] = []
        elif current and "--hash=sha256:" in line:
            entries[current].append(line.strip())
    return entries


@pytest.mark.parametrize(
    ("requirements", "lock"),
    [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")],
)
def test_every_pinned_requirement_is_in_its_lock_file_at_the_same_version(requirements, lock):
    locked = pins(ROOT / lock)
    wanted = pins(ROOT / requirements)
    if requirements == "requirements-dev.txt":
        wanted |= pins(ROOT / "requirements.txt")
    assert wanted, f"{requirements} pins nothing"
    different = {name: (version, locked.get(name)) for name, version in wanted.items() if locked.get(name) != version}
    assert not different, f"run `make lock`: {different}"


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_carries_a_hash(lock):
    entries = locked_entries(ROOT / lock)
    assert len(entries) > 20
    assert not [name for name, hashes in entries.items() if not hashes]


def test_the_runtime_lock_and_the_test_lock_agree_on_every_shared_package():
    runtime = pins(ROOT / "requirements.lock")
    dev = pins(ROOT / "requirements-dev.lock")
    assert {n: (v, dev[n]) for n, v in runtime.items() if n in dev and dev[n] != v} == {}


def test_make_installs_from_the_lock_files_with_their_hashes():
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r requirements.lock" in makefile
    assert "--require-hashes -r requirements-dev.lock" in makefile
    assert not re.search(r"pip install [^\n]*-r requirements(-dev)?\.txt", makefile)
