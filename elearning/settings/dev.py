"""Local development: `make run`. Not for a server."""

from __future__ import annotations

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-7c1f3e0a9b8d4c2e")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DEMO_CONTENT_ALLOWED", "true")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("ADMIN_MFA_REQUIRED", "false")

from elearning.settings.base import *  # noqa: F403

DEBUG = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
LOGGING["formatters"]["json"] = {"format": "%(levelname)s %(name)s: %(message)s"}  # noqa: F405
