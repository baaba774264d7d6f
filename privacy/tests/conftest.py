from __future__ import annotations

from typing import Any

import pytest

from tests.security.world import Records, give_records, small_world


@pytest.fixture
def world(home_page: Any, trainer: Any) -> dict[str, Any]:
    return small_world(home_page, trainer)


@pytest.fixture
def records(world: dict[str, Any], new_staff: Any, trainer: Any) -> Records:
    """Sam Okafor with a finished course, a scored and a draft mapping, and a booking."""
    return give_records(
        new_staff, course=world["course"], scenario=world["scenario"], event=world["event"], trainer=trainer
    )


@pytest.fixture
def other_records(world: dict[str, Any], make_person: Any, trainer: Any) -> Records:
    other = make_person("Olu", "Bankole")
    return give_records(
        other, course=world["course"], scenario=world["scenario"], event=world["event"], trainer=trainer
    )
