"""Accounts nobody has used for the retention period lose their personal data."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from people.models import User
from privacy.models import AuditAction, AuditEvent
from privacy.services import apply_retention

pytestmark = pytest.mark.django_db

JOINED = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def people(make_person):
    with time_machine.travel(JOINED, tick=False):
        quiet = make_person("Quinn", "Quiet")
        signs_in = make_person("Sina", "Signsin")
        learner = make_person("Lee", "Learner")
    return quiet, signs_in, learner


def test_it_erases_only_accounts_inactive_beyond_the_setting(people, settings):
    quiet, signs_in, _ = people
    settings.RETENTION_INACTIVE_DAYS = 1095
    User.objects.filter(pk=signs_in.pk).update(last_login=dt.datetime(2025, 6, 1, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), tick=False):
        result = apply_retention()
    assert result.erased == [pk for pk in sorted([quiet.pk, people[2].pk])]
    signs_in.refresh_from_db()
    quiet.refresh_from_db()
    assert signs_in.first_name == "Sina" and quiet.first_name == "Erased"
    assert AuditEvent.objects.filter(action=AuditAction.RETENTION, subject=quiet, actor=None).exists()


def test_recent_learning_keeps_an_account_even_without_a_sign_in(people, settings, records):
    # records.user (Sam) joined "now" in the fixture; move everything back first.
    settings.RETENTION_INACTIVE_DAYS = 1095
    User.objects.filter(pk=records.user.pk).update(date_joined=JOINED)
    with time_machine.travel(timezone.now() + dt.timedelta(days=30), tick=False):
        result = apply_retention()
    assert records.user.pk not in result.erased


def test_nobody_is_erased_before_the_period_is_over(people, settings):
    settings.RETENTION_INACTIVE_DAYS = 1095
    with time_machine.travel(JOINED + dt.timedelta(days=1094), tick=False):
        assert apply_retention().erased == []


def test_the_dry_run_lists_people_and_changes_nothing(people, settings):
    settings.RETENTION_INACTIVE_DAYS = 1095
    out = io.StringIO()
    with time_machine.travel(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), tick=False):
        call_command("apply_retention", "--dry-run", stdout=out)
    assert "Would erase 3 account(s)" in out.getvalue()
    assert not User.objects.filter(first_name="Erased").exists()
    assert not AuditEvent.objects.exists()


def test_the_command_erases_and_reports(people, settings):
    out = io.StringIO()
    with time_machine.travel(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), tick=False):
        call_command("apply_retention", "--days", "1000", stdout=out)
    assert "Erased 3 account(s)" in out.getvalue()
    assert User.objects.filter(first_name="Erased").count() == 3


def test_superusers_are_never_erased_by_the_rule(people, settings):
    quiet = people[0]
    User.objects.filter(pk=quiet.pk).update(is_superuser=True)
    with time_machine.travel(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), tick=False):
        assert quiet.pk not in apply_retention(inactive_days=1000).erased
