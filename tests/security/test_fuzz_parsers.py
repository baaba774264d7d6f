"""Property-based fuzzing of the pure readers: arbitrary input never raises
anything but the reader's own, explained error."""

from __future__ import annotations

import datetime as dt
import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matrix import tabular
from scenarios.scenario_file import ScenarioFileError, mapping_from_data, parse_scenario
from tests.security.world import SCENARIO_FIXTURE
from training import rules

EXAMPLE = SCENARIO_FIXTURE.read_text()
SCENARIO = parse_scenario(EXAMPLE, SCENARIO_FIXTURE.name)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@FAST
@given(st.text(max_size=2000))
def test_any_text_is_a_scenario_or_a_scenario_file_error(text):
    try:
        parse_scenario(text, "fuzz.md")
    except ScenarioFileError as error:
        assert str(error)


@FAST
@given(json_values)
def test_any_yaml_front_matter_is_a_scenario_or_a_scenario_file_error(data):
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\nSome narrative."
    try:
        parse_scenario(text, "fuzz.md")
    except ScenarioFileError as error:
        assert str(error)


@FAST
@given(st.integers(min_value=0, max_value=len(EXAMPLE)), st.text(max_size=30))
def test_a_damaged_real_scenario_file_fails_cleanly(position, noise):
    try:
        parse_scenario(EXAMPLE[:position] + noise + EXAMPLE[position:], "fuzz.md")
    except ScenarioFileError:
        pass


@FAST
@given(json_values)
def test_any_answer_data_is_a_mapping_or_a_scenario_file_error(data):
    try:
        mapping_from_data(data, SCENARIO, "your answer")
    except ScenarioFileError as error:
        assert str(error)


@FAST
@given(
    st.dictionaries(
        st.sampled_from(["scenario", "placements", "statements", "goals", "scaling", "extra"]), json_values, max_size=6
    )
)
def test_answers_shaped_almost_right_fail_cleanly(data):
    data = {"scenario": SCENARIO.slug, **data} if "scenario" not in data else data
    try:
        mapping_from_data(json.loads(json.dumps(data, default=str)), SCENARIO, "your answer")
    except ScenarioFileError:
        pass


LOOKUPS = tabular.StaffLookups(
    agencies={"health": 1}, teams={(1, "health visiting"): 1}, roles={"nurse": 1}, existing_emails=frozenset()
)


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["staff.csv", "staff.xlsx", "staff.txt", "STAFF.CSV", ""]))
def test_any_uploaded_bytes_are_a_table_or_a_file_problem(content, name):
    try:
        table = tabular.read_table(name, content)
    except tabular.FileProblem as problem:
        assert str(problem)
    else:
        tabular.check_staff(table, LOOKUPS)
        tabular.check_completions(table, tabular.CompletionLookups(users={}, trainings={}), dt.date(2026, 11, 1))


@FAST
@given(st.lists(st.lists(st.text(max_size=20), max_size=8), max_size=20))
def test_any_csv_cells_are_checked_without_crashing(rows):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["first name", "last name", "email", "agency", "team", "role", "start date"])
    writer.writerows(rows)
    try:
        table = tabular.read_table("staff.csv", buffer.getvalue().encode("utf-8"))
    except tabular.FileProblem:
        return
    checked = tabular.check_staff(table, LOOKUPS)
    assert isinstance(checked.errors, list)


@FAST
@given(
    st.lists(st.integers(min_value=1, max_value=5), unique=True, max_size=5),
    st.dictionaries(st.integers(min_value=-3, max_value=8), st.text(max_size=12), max_size=8),
)
def test_attendance_is_complete_only_when_every_required_day_is_attended(required, marks):
    result = rules.attendance_result(required, marks)
    attended = {day for day, mark in marks.items() if mark in rules.COUNTS_AS_ATTENDED}
    assert (result.progress == rules.Progress.COMPLETE) == set(required).issubset(attended)
    assert set(result.missing_days) == set(required) - attended


@FAST
@given(st.integers(min_value=-5, max_value=500), st.integers(min_value=-5, max_value=500))
def test_places_left_is_never_negative(capacity, holding):
    assert rules.places_left(capacity, holding) >= 0
