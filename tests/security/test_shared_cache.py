"""Production's cache is shared by every worker: what one gunicorn process
learns (a completion bumping the matrix, an editor's change, a rate-limit
count) the others see. Checked with two separate processes."""

from __future__ import annotations

import subprocess
import sys

from django.conf import settings


def _production(code: str, tmp_path, **extra: str) -> str:
    env = {
        "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
        "SECRET_KEY": "shared-cache-test-" + "k" * 40,
        "ALLOWED_HOSTS": "learning.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "EMAIL_HOST": "smtp.example.org",
        "DEFAULT_FROM_EMAIL": "Learning <learning@example.org>",
        "CACHE_DIR": str(tmp_path / "cache"),
        "PATH": "/usr/bin:/bin",
        **extra,
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); from django.core.cache import cache; {code}"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_a_value_one_worker_stores_is_read_by_another(tmp_path):
    _production("cache.set('matrix:version', 41, None); cache.incr('matrix:version')", tmp_path)
    assert _production("print(cache.get('matrix:version'))", tmp_path) == "42"


def test_another_database_does_not_read_the_same_keys(tmp_path):
    _production("cache.set('courses:tree:version', 7, None)", tmp_path)
    other = _production(
        "print(cache.get('courses:tree:version'))", tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'other.sqlite3'}"
    )
    assert other == "None"
