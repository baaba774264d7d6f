"""A backup restored into a fresh database holds every record.

The backup is taken in-process from the test database; the restore runs in
a separate process into a new SQLite file migrated from nothing, exactly as
an operator would do it (docs/security.md, "Backups").
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from privacy.backup import EXCLUDED
from tests.security.world import give_records, small_world

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

COUNT_SCRIPT = """
import json
from django.apps import apps
from wagtail.models import Page
from courses.models import Certificate
from scenarios.models import Attempt
excluded = set(json.loads('%(excluded)s'))
counts = {}
for model in apps.get_models():
    label = model._meta.label_lower
    if label in excluded or model._meta.app_label in excluded or model._meta.proxy:
        continue
    counts[label] = model.objects.count()
print(json.dumps({
    "counts": counts,
    "pages": sorted(Page.objects.values_list("url_path", flat=True)),
    "certificate": Certificate.objects.filter(code='%(code)s').values_list("learner_name", flat=True).first(),
    "attempt": Attempt.objects.filter(pk=%(attempt)s).values_list("score", "status").first(),
    "mapping": Attempt.objects.get(pk=%(attempt)s).mapping,
}, default=str))
"""


def counts_here() -> dict[str, int]:
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in EXCLUDED or model._meta.app_label in EXCLUDED or model._meta.proxy:
            continue
        counts[label] = model.objects.count()
    return counts


def run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_a_backup_restores_into_a_fresh_database_with_every_record(
    tmp_path, home_page, trainer, new_staff, make_person
):
    from wagtail.models import Page

    world = small_world(home_page, trainer)
    records = give_records(new_staff, course=world["course"], scenario=world["scenario"], event=world["event"])
    give_records(
        make_person("Olu", "Bankole"), course=world["course"], scenario=world["scenario"], event=world["event"]
    )
    backup_file = tmp_path / "backup.json.gz"
    call_command("backup_data", "-o", str(backup_file), stdout=io.StringIO())
    assert backup_file.stat().st_size > 1000
    expected = counts_here()
    pages = sorted(Page.objects.values_list("url_path", flat=True))

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
    }
    run(["migrate", "--no-input", "-v0"], env)
    run(["restore_data", str(backup_file)], env)
    script = COUNT_SCRIPT % {
        "excluded": json.dumps(EXCLUDED),
        "code": records.certificate.code,
        "attempt": records.attempt.pk,
    }
    restored = json.loads(run(["shell", "-c", script], env).strip().splitlines()[-1])

    differences = {
        label: (count, restored["counts"].get(label))
        for label, count in expected.items()
        if restored["counts"].get(label) != count
    }
    assert not differences, f"(here, restored) per model: {differences}"
    assert restored["pages"] == pages
    assert restored["certificate"] == "Sam Okafor"
    assert restored["attempt"] == [records.attempt.score, "submitted"]
    assert restored["mapping"] == records.attempt.mapping


def test_restore_refuses_to_overwrite_a_database_that_has_people(tmp_path, new_staff):
    from django.core.management.base import CommandError

    backup_file = tmp_path / "backup.json"
    call_command("backup_data", "-o", str(backup_file), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already has people"):
        call_command("restore_data", str(backup_file), stdout=io.StringIO())


def test_restore_explains_a_missing_file(tmp_path, db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no backup file"):
        call_command("restore_data", str(tmp_path / "nothing.json"), stdout=io.StringIO())
