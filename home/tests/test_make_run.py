"""`make run` on a fresh machine: a short summary and the accounts, then "Serving on", in under 60 lines."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_recipe(database_url: str) -> list[str]:
    """The `run` target's commands up to the server, as the Makefile runs them, on the test database
    (already migrated, so this measures what a second `make run` prints plus the demo's first load)."""
    recipe = re.search(r"^run:.*?\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M).group(1)
    # One command per logical line: a line ending in a backslash goes on with the next.
    commands = [line.strip().lstrip("@") for line in recipe.replace("\\\n", " ").splitlines()]
    # The last command starts the email worker and the server, which never return: everything before it runs.
    assert "runserver" in commands[-1] and "db_worker" in commands[-1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.dev",
        "DATABASE_URL": database_url,
        "PY": sys.executable,
    }
    env.pop("REDIS_URL", None)
    script = "\n".join(c.replace("$(PY)", '"$PY"') for c in commands[:-1])
    done = subprocess.run(["bash", "-e", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return (done.stdout + done.stderr).splitlines()


@pytest.mark.django_db(transaction=True)
def test_make_run_prints_a_short_summary_and_the_accounts_before_serving(tmp_path):
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        # The test database is in memory: run on a new file, as on a fresh machine.
        url = f"sqlite:///{tmp_path / 'run.sqlite3'}"
    else:
        url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    lines = run_recipe(url)
    text = "\n".join(lines)
    assert len(lines) < 60, text
    assert lines[-1].startswith("Serving on http://127.0.0.1:8000")
    assert "sam.okafor@northbridge.gov.uk" in text and "Demo content is loaded." in text
    # The demo's emails are counted, not printed, and Wagtail's line per page is gone.
    assert "Subject:" not in text and "BEGIN:VCALENDAR" not in text and "Page created" not in text
    assert re.search(r"\d+ demo emails .* were made but not sent", text)
