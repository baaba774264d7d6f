"""Benchmarks: `make bench`. Production-like settings on a database of their own.

DEBUG is off and the middleware, templates, caching and session setup are the
production ones from `base`, so the figures describe what a council would run.
Only what a benchmark on 127.0.0.1 needs differs: no HTTPS redirect, the
benchmark's own database (never `DATABASE_URL`, which may be the test or dev
database), plain static file names (no `collectstatic` manifest to build first)
and the `tools.bench` app with its bare baseline view at /bench/bare/.
"""

from __future__ import annotations

import os
import warnings

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-2b7e4f1a9c3d5e6f")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DEMO_CONTENT_ALLOWED", "true")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("ADMIN_MFA_REQUIRED", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from elearning.settings.base import *  # noqa: F403
from elearning.settings.env import env_str

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "tools.bench"]  # noqa: F405
ROOT_URLCONF = "tools.bench.urls"
# The test client asks for "testserver"; gunicorn is reached as 127.0.0.1.
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Mail is kept in memory here, so it is sent on commit as it was before the worker existed.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["email"]},
}

BENCH_DIR = BASE_DIR / "tools" / "bench"  # noqa: F405
BENCH_DATABASE_URL = env_str("BENCH_DATABASE_URL", f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}")
# The booking burst needs row locks that only PostgreSQL gives.
BENCH_BURST_DATABASE_URL = env_str("BENCH_BURST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench")
DATABASES = {
    "default": dj_database_url.parse(  # noqa: F405
        BENCH_DATABASE_URL, conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# The benchmark's cache is its own, keyed by the database it measures (the
# full and the small one run side by side).
CACHES["default"]["KEY_PREFIX"] = cache_prefix(BENCH_DATABASE_URL)  # noqa: F405
if CACHES["default"]["BACKEND"].endswith("FileCache"):  # noqa: F405
    CACHES["default"]["LOCATION"] = str(BENCH_DIR / "cache")  # noqa: F405

# WhiteNoise warns on every start that STATIC_ROOT (collectstatic's output) is
# missing; the benchmark serves no static files, so the warning is only noise.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
