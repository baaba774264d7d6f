"""The test suite: fast hashing, mail kept in memory, no HTTPS redirects."""

from __future__ import annotations

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-5d2b9a7e1c3f4a6b")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DEMO_CONTENT_ALLOWED", "true")

from elearning.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ACCOUNT_RATE_LIMITS = False
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The admin MFA gate has its own tests, which switch it back on.
ADMIN_MFA_REQUIRED = False
# Each test process keeps its own cache, so parallel tests never share one.
# Email is sent as soon as the transaction commits; the tests that need the
# real worker switch the outbox back to the database backend.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["email"]},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
