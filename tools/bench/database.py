"""The benchmark's own databases: built once at a given scale, then reused.

A database is reused when its build record (kept in var/bench/, one file per
database URL) says it was built at the same scale from the same migrations and
demo loaders, and it still holds the number of users recorded then. Otherwise
it is dropped and built again and filled by `load_demo --scale N`. On SQLite
the build starts from a copy of a template database that already holds the
migrations and the demo content (`load_demo` at scale 0), made once per schema
and demo content, so the minutes of Wagtail migrations and demo pages are not
paid again for every scale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.db.migrations.loader import MigrationLoader

DEMO_LOADER_FILES = ("people/demo.py", "home/demo.py", "matrix/demo.py")
DEMO_LOADER_DIRS = ("courses", "scenarios")


@dataclass(frozen=True)
class BuildRecord:
    url: str
    scale: int
    fingerprint: str
    users: int
    built_at: str
    build_seconds: float


def _demo_sources() -> list[Path]:
    base = Path(settings.BASE_DIR)
    files = [base / name for name in DEMO_LOADER_FILES]
    for directory in DEMO_LOADER_DIRS:
        files += sorted((base / directory).rglob("demo*.py"))
        files += sorted((base / directory).rglob("content/**/*"))
    return [path for path in files if path.is_file()]


def fingerprint() -> str:
    """Changes whenever a migration or demo content does, so a stale database is rebuilt."""
    digest = hashlib.sha256(migrations_fingerprint().encode())
    for path in _demo_sources():
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def migrations_fingerprint() -> str:
    digest = hashlib.sha256()
    for app_label, name in sorted(MigrationLoader(None, ignore_no_migrations=True).graph.nodes):
        digest.update(f"{app_label}.{name}\n".encode())
    return digest.hexdigest()[:16]


def _record_path(url: str) -> Path:
    return Path(settings.BASE_DIR) / "var" / "bench" / f"{hashlib.sha256(url.encode()).hexdigest()[:12]}.json"


def read_record(url: str) -> BuildRecord | None:
    path = _record_path(url)
    try:
        return BuildRecord(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _write_record(record: BuildRecord) -> None:
    path = _record_path(record.url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(record), indent=2) + "\n", encoding="utf-8")


def _count_users() -> int | None:
    from people.models import User

    try:
        return User.objects.count()
    except Exception:  # noqa: BLE001 - a missing or half-built database is simply not reusable
        return None


def is_sqlite(url: str) -> bool:
    return dj_database_url.parse(url)["ENGINE"] == "django.db.backends.sqlite3"


def sqlite_path(url: str) -> Path:
    return Path(dj_database_url.parse(url)["NAME"])


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def postgres_admin_url(url: str) -> tuple[str, str]:
    """The URL of the server's `postgres` maintenance database, and the database name in `url`."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, parts.fragment)), name


def _postgres(url: str, *statements: str) -> None:
    import psycopg

    admin_url, _ = postgres_admin_url(url)
    with psycopg.connect(
        admin_url.replace("postgres://", "postgresql://", 1), autocommit=True, connect_timeout=3
    ) as conn:
        for statement in statements:
            conn.execute(statement)


def postgres_reachable(url: str) -> str:
    """An empty string when a PostgreSQL server answers at `url`, else why not."""
    try:
        _postgres(url, "SELECT 1")
    except Exception as exc:  # noqa: BLE001 - whatever went wrong is the reason to report
        return f"PostgreSQL at {urlsplit(url).netloc} is not reachable ({type(exc).__name__}: {str(exc).strip()[:120]})"
    return ""


def ensure_postgres_database(url: str) -> None:
    import psycopg

    _, name = postgres_admin_url(url)
    try:
        _postgres(url, f'CREATE DATABASE "{name}"')
    except psycopg.errors.DuplicateDatabase:
        pass


def _reset(url: str) -> None:
    connections.close_all()
    if is_sqlite(url):
        path = sqlite_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_sqlite(path)
        shutil.copyfile(_demo_template(), path)
    else:
        _, name = postgres_admin_url(url)
        _postgres(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')


def _template(name: str, key: str, commands: list[list[str]], start_from: Path | None = None) -> Path:
    """A SQLite database made by running `commands` (manage.py arguments) on an
    empty one, or on a copy of `start_from`; kept as tools/bench/<name>-<key>.sqlite3."""
    directory = Path(settings.BENCH_DIR)
    template = directory / f"{name}-{key}.sqlite3"
    if template.exists():
        return template
    for stale in directory.glob(f"{name}-*.sqlite3"):
        _remove_sqlite(stale)
    partial = directory / f"{name}-{key}.partial.sqlite3"
    _remove_sqlite(partial)
    if start_from is not None:
        shutil.copyfile(start_from, partial)
    env = {
        **os.environ,
        "BENCH_DATABASE_URL": f"sqlite:///{partial}",
        "DJANGO_SETTINGS_MODULE": "elearning.settings.bench",
    }
    for arguments in commands:
        subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    partial.rename(template)
    return template


def _migrated_template() -> Path:
    """An empty database with every migration applied."""
    return _template("migrated", migrations_fingerprint(), [["migrate", "--noinput", "-v0"]])


def _demo_template() -> Path:
    """The migrated database with the demo content (`load_demo`, no synthetic learners)."""
    return _template("demo", fingerprint(), [["load_demo"]], start_from=_migrated_template())


def ensure_database(scale: int, *, rebuild: bool, out: TextIO) -> tuple[BuildRecord, bool]:
    """Make the default database hold the synthetic partnership at `scale`.
    Returns its build record and whether it was reused as it stood."""
    url = settings.BENCH_DATABASE_URL
    current = fingerprint()
    record = read_record(url)
    if (
        not rebuild
        and record is not None
        and record.scale == scale
        and record.fingerprint == current
        and _count_users() == record.users
    ):
        out.write(
            f"Reusing the benchmark database {_display(url)}: scale {scale}, built {record.built_at} "
            f"in {record.build_seconds:.0f} s (pass --rebuild to build it again).\n"
        )
        return record, True
    why = "--rebuild" if rebuild else ("no build record" if record is None else "scale, schema or demo content changed")
    out.write(f"Building the benchmark database {_display(url)} at scale {scale} ({why})...\n")
    out.flush()
    started = time.perf_counter()
    _reset(url)
    # The cache may hold values worked out from the database this replaces.
    cache.clear()
    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo", scale=scale, stdout=out)
    users = _count_users() or 0
    record = BuildRecord(
        url=url,
        scale=scale,
        fingerprint=current,
        users=users,
        built_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        build_seconds=round(time.perf_counter() - started, 1),
    )
    _write_record(record)
    out.write(f"Built in {record.build_seconds:.0f} s: {users:,} users.\n")
    return record, False


def _display(url: str) -> str:
    if is_sqlite(url):
        path = sqlite_path(url)
        try:
            return str(path.relative_to(settings.BASE_DIR))
        except ValueError:
            return str(path)
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.hostname or "", parts.path, "", ""))


def sibling_url(url: str, suffix: str) -> str:
    """Another database next to `url`: `bench.sqlite3` -> `bench-small.sqlite3`, `bench` -> `bench_small`."""
    if is_sqlite(url):
        path = sqlite_path(url)
        return f"sqlite:///{path.with_name(f'{path.stem}-{suffix}{path.suffix}')}"
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"{parts.path}_{suffix}", parts.query, parts.fragment))
