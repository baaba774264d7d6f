from __future__ import annotations

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from people.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from people.models import User

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_running_it_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    first = _counts()
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == first


def test_every_demo_account_can_sign_in(client):
    call_command("load_demo", stdout=io.StringIO())
    for account in DEMO_ACCOUNTS:
        assert User.objects.get(email=account.email).profile.is_complete
        assert client.login(email=account.email, password=DEMO_PASSWORD), account.email
        client.logout()


def test_it_refuses_to_show_passwords_outside_development(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="only shown in development"):
        call_command("load_demo", "--show-accounts", stdout=io.StringIO())


def test_it_refuses_to_run_on_a_live_site_and_creates_nothing(settings):
    from django.core.management.base import CommandError

    settings.DEMO_CONTENT_ALLOWED = False
    before = User.objects.count()
    with pytest.raises(CommandError, match="DEMO_CONTENT_ALLOWED=true"):
        call_command("load_demo", stdout=io.StringIO())
    assert User.objects.count() == before


def test_production_settings_do_not_allow_demo_content():
    import subprocess
    import sys

    from django.conf import settings as django_settings

    env = {
        "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
        "SECRET_KEY": "x" * 20 + "production-like-key-for-a-settings-test-only-7f3a",
        "ALLOWED_HOSTS": "learning.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        "EMAIL_HOST": "smtp.example.org",
        "DEFAULT_FROM_EMAIL": "Learning <learning@example.org>",
        "PATH": "/usr/bin:/bin",
    }
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEMO_CONTENT_ALLOWED)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=django_settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_each_app_adds_its_demo_through_the_hook_people_first():
    from wagtail import hooks

    from home.demo_loader import DEMO_CONTENT_HOOK

    names = [provide().__name__ for provide in hooks.get_hooks(DEMO_CONTENT_HOOK)]
    assert names == ["people.demo", "home.demo", "courses.demo", "training.demo", "scenarios.demo", "matrix.demo"]
