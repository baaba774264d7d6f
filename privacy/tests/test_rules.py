from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacy import rules

NOW = dt.datetime(2027, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("days_ago", "inactive_days", "past"),
    [(0, 1095, False), (1094, 1095, False), (1095, 1095, False), (1096, 1095, True), (31, 30, True)],
)
def test_an_account_is_past_retention_only_after_the_whole_period(days_ago, inactive_days, past):
    last_seen = NOW - dt.timedelta(days=days_ago, seconds=1 if past else 0)
    assert rules.is_past_retention(last_seen, NOW, inactive_days) is past


def test_a_retention_period_under_a_day_is_refused():
    with pytest.raises(ValueError):
        rules.retention_cutoff(NOW, 0)


def test_last_active_is_the_latest_sign_of_life_and_ignores_what_is_missing():
    joined = NOW - dt.timedelta(days=900)
    learning = NOW - dt.timedelta(days=10)
    assert rules.last_active(None, joined, None) == joined
    assert rules.last_active(NOW - dt.timedelta(days=20), joined, learning) == learning


@given(st.integers(min_value=1, max_value=10**9))
def test_every_placeholder_is_unique_undeliverable_and_recognised(user_id):
    placeholder = rules.placeholder_for(user_id)
    assert placeholder.email.endswith(".invalid")
    assert rules.is_erased_email(placeholder.email)
    assert str(user_id) in placeholder.email and str(user_id) in placeholder.username
    assert rules.placeholder_for(user_id + 1).email != placeholder.email


def test_the_rules_module_imports_no_django():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(rules.__file__).read_text())
    names = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    names += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in names if name.startswith(("django", "wagtail"))]
