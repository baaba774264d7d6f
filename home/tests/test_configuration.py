"""Configuration comes from the environment and is checked when the process starts.

Each case runs Python in a fresh process with a clean environment, as a
server would start, because settings are read once at import.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_PRODUCTION = {
    "SECRET_KEY": "k" * 60,
    "ALLOWED_HOSTS": "learning.example.org",
    "DATABASE_URL": "sqlite:////tmp/never-opened.sqlite3",
    "EMAIL_HOST": "smtp.example.org",
    "DEFAULT_FROM_EMAIL": "Learning <learning@example.org>",
}
READ_SETTINGS = (
    "from django.conf import settings; print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)"
)


def _run(settings_module: str, env: dict[str, str], code: str = READ_SETTINGS) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": settings_module, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_start_with_everything_set():
    result = _run("elearning.settings.production", GOOD_PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "BoundedFileCache" in result.stdout


@pytest.mark.parametrize("name", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_HOST", "DEFAULT_FROM_EMAIL"])
def test_production_settings_refuse_to_start_without_a_required_variable(name):
    env = {k: v for k, v in GOOD_PRODUCTION.items() if k != name}
    result = _run("elearning.settings.production", env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name in result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SECRET_KEY", "too-short", "at least 50 characters"),
        ("EMAIL_PORT", "twenty-five", "EMAIL_PORT must be a whole number"),
        ("SECURE_SSL_REDIRECT", "maybe", "SECURE_SSL_REDIRECT must be true or false"),
        ("SESSION_COOKIE_AGE", "10", "SESSION_COOKIE_AGE must be at least 300"),
        ("REDIS_URL", "localhost:6379", "REDIS_URL must start with redis://"),
    ],
)
def test_a_malformed_value_stops_the_start_with_a_message_naming_it(name, value, message):
    result = _run("elearning.settings.production", {**GOOD_PRODUCTION, name: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_redis_url_switches_the_cache_to_redis_and_sessions_to_cached_db():
    result = _run("elearning.settings.production", {**GOOD_PRODUCTION, "REDIS_URL": "redis://cache.internal:6379/1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
    ]


def test_single_sign_on_needs_its_secret_and_tenant_once_switched_on():
    result = _run("elearning.settings.production", {**GOOD_PRODUCTION, "ENTRA_CLIENT_ID": "abc"})
    assert result.returncode != 0
    assert "ENTRA_CLIENT_SECRET" in result.stderr
    code = "from django.conf import settings; print(settings.ENTRA_ENABLED, settings.SOCIALACCOUNT_PROVIDERS['microsoft']['APPS'][0]['settings'])"
    env = {**GOOD_PRODUCTION, "ENTRA_CLIENT_ID": "abc", "ENTRA_CLIENT_SECRET": "s", "ENTRA_TENANT_ID": "t-1"}
    result = _run("elearning.settings.production", env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True {'tenant': 't-1'}"


def test_production_serves_static_files_with_whitenoise():
    code = (
        "from django.conf import settings; "
        "print('whitenoise.middleware.WhiteNoiseMiddleware' in settings.MIDDLEWARE, "
        "settings.STORAGES['staticfiles']['BACKEND'], settings.DEBUG, settings.SECURE_HSTS_SECONDS)"
    )
    result = _run("elearning.settings.production", GOOD_PRODUCTION, code)
    assert result.stdout.split() == [
        "True",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "False",
        "31536000",
    ]


def test_development_needs_no_configuration_at_all():
    result = _run("elearning.settings.dev", {})
    assert result.returncode == 0, result.stderr


DEPLOY_CHECK = (
    "import django; django.setup(); from django.core import checks; "
    "print([e.id for e in checks.run_checks(include_deployment_checks=True, tags=['caches'])])"
)


def test_the_deploy_check_refuses_several_app_servers_without_redis():
    result = _run("elearning.settings.production", {**GOOD_PRODUCTION, "APP_SERVERS": "3"}, DEPLOY_CHECK)
    assert result.returncode == 0, result.stderr
    assert "home.E001" in result.stdout


@pytest.mark.parametrize(
    "extra", [{}, {"APP_SERVERS": "3", "REDIS_URL": "redis://127.0.0.1:6379/9"}], ids=["one server", "redis"]
)
def test_the_deploy_check_accepts_one_server_or_a_shared_redis(extra):
    result = _run("elearning.settings.production", {**GOOD_PRODUCTION, **extra}, DEPLOY_CHECK)
    assert result.returncode == 0, result.stderr
    assert "home.E001" not in result.stdout
