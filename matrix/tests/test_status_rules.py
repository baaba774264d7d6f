"""The status rules, without the database: a table of cases and some invariants."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matrix import models
from matrix.status import (
    DueFrom,
    DueUnit,
    Facts,
    Rule,
    Status,
    add_months,
    evaluate,
)

TODAY = dt.date(2027, 3, 15)
D = dt.date
WITHIN_30_DAYS = Rule(due_within=30)
WITHIN_6_MONTHS = Rule(due_within=6, due_unit=DueUnit.MONTHS)
EVERY_2_YEARS = Rule(due_within=6, due_unit=DueUnit.MONTHS, renewal_months=24)
FROM_ASSIGNMENT = Rule(due_within=30, due_from=DueFrom.ASSIGNMENT_DATE)


@pytest.mark.parametrize(
    ("rule", "facts", "expected", "due_on"),
    [
        # Nothing done yet.
        (
            WITHIN_30_DAYS,
            Facts(assigned_on=D(2027, 3, 1), start_date=D(2027, 3, 1)),
            Status.NOT_STARTED,
            D(2027, 3, 31),
        ),
        (
            WITHIN_30_DAYS,
            Facts(assigned_on=D(2027, 3, 1), start_date=D(2027, 2, 13)),
            Status.NOT_STARTED,
            D(2027, 3, 15),
        ),
        (WITHIN_30_DAYS, Facts(assigned_on=D(2027, 3, 1), start_date=D(2027, 2, 12)), Status.OVERDUE, D(2027, 3, 14)),
        # Deadline from the assignment date, or from it when no start date is known.
        (
            FROM_ASSIGNMENT,
            Facts(assigned_on=D(2027, 3, 1), start_date=D(2020, 1, 1)),
            Status.NOT_STARTED,
            D(2027, 3, 31),
        ),
        (WITHIN_30_DAYS, Facts(assigned_on=D(2027, 3, 1)), Status.NOT_STARTED, D(2027, 3, 31)),
        (
            WITHIN_6_MONTHS,
            Facts(assigned_on=D(2026, 9, 30), start_date=D(2026, 9, 30)),
            Status.NOT_STARTED,
            D(2027, 3, 30),
        ),
        # Under way.
        (
            WITHIN_30_DAYS,
            Facts(assigned_on=D(2027, 3, 1), started_on=D(2027, 3, 2)),
            Status.IN_PROGRESS,
            D(2027, 3, 31),
        ),
        (WITHIN_6_MONTHS, Facts(assigned_on=D(2027, 1, 1), booked_on=D(2027, 4, 2)), Status.BOOKED, D(2027, 7, 1)),
        (
            WITHIN_6_MONTHS,
            Facts(assigned_on=D(2027, 1, 1), booked_on=D(2027, 4, 2), started_on=D(2027, 3, 1)),
            Status.BOOKED,
            D(2027, 7, 1),
        ),
        # Overdue wins over booked and in progress.
        (WITHIN_30_DAYS, Facts(assigned_on=D(2027, 1, 1), booked_on=D(2027, 4, 2)), Status.OVERDUE, D(2027, 1, 31)),
        (WITHIN_30_DAYS, Facts(assigned_on=D(2027, 1, 1), started_on=D(2027, 1, 5)), Status.OVERDUE, D(2027, 1, 31)),
        # Done.
        (WITHIN_30_DAYS, Facts(assigned_on=D(2027, 1, 1), completed_on=D(2027, 3, 1)), Status.COMPLETE, D(2027, 1, 31)),
        (
            EVERY_2_YEARS,
            Facts(assigned_on=D(2025, 1, 1), completed_on=D(2025, 5, 1)),
            Status.EXPIRING_SOON,
            D(2025, 7, 1),
        ),
        (EVERY_2_YEARS, Facts(assigned_on=D(2024, 1, 1), completed_on=D(2025, 3, 15)), Status.EXPIRED, D(2024, 7, 1)),
        (EVERY_2_YEARS, Facts(assigned_on=D(2024, 1, 1), completed_on=D(2026, 3, 15)), Status.COMPLETE, D(2024, 7, 1)),
        (
            WITHIN_30_DAYS,
            Facts(assigned_on=D(2020, 1, 1), completed_on=D(2020, 1, 5), recorded_expiry=D(2027, 3, 1)),
            Status.EXPIRED,
            D(2020, 1, 31),
        ),
        (
            WITHIN_30_DAYS,
            Facts(assigned_on=D(2027, 1, 1), completed_on=D(2027, 3, 16)),
            Status.OVERDUE,
            D(2027, 1, 31),
        ),
        # Exemptions win over everything while they last.
        (
            WITHIN_30_DAYS,
            Facts(assigned_on=D(2027, 1, 1), exemption_reason="Did it elsewhere"),
            Status.EXEMPT,
            D(2027, 1, 31),
        ),
        (
            WITHIN_30_DAYS,
            Facts(assigned_on=D(2027, 1, 1), exemption_reason="Long-term leave", exemption_until=D(2027, 3, 15)),
            Status.EXEMPT,
            D(2027, 1, 31),
        ),
        (
            WITHIN_30_DAYS,
            Facts(assigned_on=D(2027, 1, 1), exemption_reason="Long-term leave", exemption_until=D(2027, 3, 14)),
            Status.OVERDUE,
            D(2027, 1, 31),
        ),
    ],
)
def test_it_gives_each_situation_its_status(rule, facts, expected, due_on):
    result = evaluate(rule, facts, TODAY)
    assert result.status == expected
    assert result.due_on == due_on


def test_it_says_not_required_when_no_requirement_applies():
    assert evaluate(None, None, TODAY).status == Status.NOT_REQUIRED


def test_an_exemption_carries_its_reason():
    result = evaluate(WITHIN_30_DAYS, Facts(assigned_on=TODAY, exemption_reason="Equivalent course in 2025"), TODAY)
    assert result.reason == "Equivalent course in 2025"
    assert result.label == "Exempt"


def test_overdue_keeps_the_booking_so_the_cell_can_say_so():
    result = evaluate(WITHIN_30_DAYS, Facts(assigned_on=D(2027, 1, 1), booked_on=D(2027, 4, 2)), TODAY)
    assert result.status == Status.OVERDUE
    assert result.booked_on == D(2027, 4, 2)


def test_the_warning_window_is_configurable():
    facts = Facts(assigned_on=D(2025, 1, 1), completed_on=D(2025, 5, 1))
    assert evaluate(EVERY_2_YEARS, facts, TODAY, warning_days=30).status == Status.COMPLETE
    assert evaluate(EVERY_2_YEARS, facts, TODAY, warning_days=60).status == Status.EXPIRING_SOON


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2027, 1, 31), 1, D(2027, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 9, 30), 6, D(2027, 3, 30)),
        (D(2026, 11, 15), 24, D(2028, 11, 15)),
        (D(2026, 12, 1), 1, D(2027, 1, 1)),
    ],
)
def test_adding_months_keeps_the_day_or_uses_the_last_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


# --- Invariants -------------------------------------------------------------------------------------

dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))
rules = st.builds(
    Rule,
    due_within=st.integers(min_value=1, max_value=400),
    due_unit=st.sampled_from(list(DueUnit)),
    due_from=st.sampled_from(list(DueFrom)),
    renewal_months=st.one_of(st.none(), st.integers(min_value=1, max_value=60)),
)
facts_strategy = st.builds(
    Facts,
    assigned_on=dates,
    start_date=st.one_of(st.none(), dates),
    completed_on=st.one_of(st.none(), dates),
    recorded_expiry=st.one_of(st.none(), dates),
    started_on=st.one_of(st.none(), dates),
    booked_on=st.one_of(st.none(), dates),
    exemption_reason=st.one_of(st.none(), st.just("Exempt for a reason")),
    exemption_until=st.one_of(st.none(), dates),
)


@given(rules, facts_strategy, dates)
def test_a_status_stays_the_same_until_its_recheck_day(rule, facts, today):
    result = evaluate(rule, facts, today)
    if result.recheck_on is not None:
        assert result.recheck_on > today
        the_day_before = result.recheck_on - dt.timedelta(days=1)
        assert evaluate(rule, facts, the_day_before).status == result.status
    else:
        later = today + dt.timedelta(days=3000)
        assert evaluate(rule, facts, later).status == result.status


@given(rules, facts_strategy, dates)
def test_a_completion_in_force_is_never_overdue_and_an_exemption_always_wins(rule, facts, today):
    result = evaluate(rule, facts, today)
    exempt_now = facts.exemption_reason is not None and (
        facts.exemption_until is None or facts.exemption_until >= today
    )
    if exempt_now:
        assert result.status == Status.EXEMPT
    elif facts.completed_on is not None and facts.completed_on <= today:
        assert result.status in {Status.COMPLETE, Status.EXPIRING_SOON, Status.EXPIRED}
    else:
        assert result.status in {Status.OVERDUE, Status.BOOKED, Status.IN_PROGRESS, Status.NOT_STARTED}
        assert (result.status == Status.OVERDUE) == (today > result.due_on)


@given(rules, facts_strategy, dates)
def test_completing_the_training_never_makes_things_worse(rule, facts, today):
    order = [Status.OVERDUE, Status.EXPIRED, Status.NOT_STARTED, Status.IN_PROGRESS, Status.BOOKED]
    before = evaluate(rule, facts, today)
    after = evaluate(rule, Facts(**{**facts.__dict__, "completed_on": today}), today)
    assert after.status in {Status.COMPLETE, Status.EXPIRING_SOON, Status.EXEMPT, Status.EXPIRED} or before == after
    if before.status in order and after.status != Status.EXPIRED:
        assert after.status in {Status.COMPLETE, Status.EXPIRING_SOON}


def test_the_rules_module_imports_nothing_from_django_or_wagtail():
    source = Path(models.__file__).with_name("status.py").read_text()
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert not {name for name in imported if name.split(".")[0] in {"django", "wagtail", "elearning"}}


def test_the_stored_choices_match_the_rules():
    assert {c.value for c in models.MatrixStatus} == {s.value for s in Status} - {Status.NOT_REQUIRED}
    assert {c.value for c in models.DueFrom} == {d.value for d in DueFrom}
    assert {c.value for c in models.DueUnit} == {u.value for u in DueUnit}
