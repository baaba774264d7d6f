"""Production settings for the load test on 127.0.0.1, which has no TLS.

Only what plain HTTP on one machine needs changes: cookies without the
Secure flag (or the load generator could not send them back), no HTTPS
redirect, static files collected under var/ so the repository stays clean.
"""

from __future__ import annotations

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("ADMIN_MFA_REQUIRED", "false")
os.environ.setdefault("DEMO_CONTENT_ALLOWED", "true")  # the load test signs in as the demo learners

from elearning.settings.production import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STATIC_ROOT = BASE_DIR / "var" / "loadtest" / "static"  # noqa: F405
