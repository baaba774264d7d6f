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
