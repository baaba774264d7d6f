"""Fixtures for the scenario tests: the shared worked example and helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.scenario_file import Scenario, parse_scenario

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "hollins-family.md"
EXAMPLE_MAPPING = FIXTURES / "hollins-family.mapping.json"


def load_example() -> Scenario:
    return parse_scenario(EXAMPLE.read_text(), EXAMPLE.name)


@pytest.fixture
def hollins() -> Scenario:
    return load_example()


@pytest.fixture
def scenario_page(home_page):
    """The worked example published as a page under 'Case scenarios'."""
    from scenarios.demo import ensure_index
    from scenarios.importing import import_file

    index = ensure_index()
    outcome = import_file(EXAMPLE, index)
    assert not outcome.error, outcome.error
    from scenarios.models import ScenarioPage

    return ScenarioPage.objects.get(slug="hollins-family")


@pytest.fixture
def practice_set(scenario_page):
    from matrix.models import Training, TrainingKind
    from scenarios.models import ScenarioSet

    training = Training.objects.create(slug="scenario-practice", title="Practice", kind=TrainingKind.SCENARIO_SET)
    scenario_set = ScenarioSet.objects.create(title="Practice", training=training, passes_needed=1)
    scenario_set.scenarios.add(scenario_page)
    scenario_set.save()
    return scenario_set


def model_post(scenario: Scenario, **changes) -> dict:
    """The builder's form data for the model answer, with `changes` applied."""
    data = {f"place-{item.id}": item.category for item in scenario.items}
    data.update({"statement_1": scenario.statements[0].text, "statement_2": "", "statement_3": ""})
    data.update({"goal_1": scenario.goals[0].text, "goal_2": "", "goal_3": ""})
    data.update({"scale": str(scenario.scaling.min), "reason": scenario.scaling.rationale})
    data.update(changes)
    return data


def submitted_attempt(user, page, scenario: Scenario, **changes):
    """An attempt started and submitted with the model answer, changed by `changes` (see model_post)."""
    from scenarios.forms import MappingForm
    from scenarios.services import start_attempt, submit_attempt

    attempt = start_attempt(user, page)
    form = MappingForm(scenario, model_post(scenario, **changes), submitting=True)
    assert form.is_valid(), form.errors
    submit_attempt(attempt, form.mapping_data)
    attempt.refresh_from_db()
    return attempt


@pytest.fixture
def superuser(client, django_user_model):
    """A superuser, signed in on `client`."""
    admin = django_user_model.objects.create_superuser("root", "root@northbridge.gov.uk", "x-long-password-1")
    client.force_login(admin)
    return admin
