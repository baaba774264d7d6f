"""The database's choices and the pure rule modules' enums name the same values.

The rules (Django-free) own the values; the models' choices add the labels people
read. A value added to one and not the other would be stored but never matched.
"""

from __future__ import annotations

import pytest

from matrix import models as matrix_models
from matrix import status
from scenarios.domain import Framework
from scenarios.models.pages import FrameworkChoice
from training import models as training_models
from training import rules

PAIRS = [
    (training_models.EventStatus, rules.Status, set()),
    (training_models.AttendanceStatus, rules.Mark, set()),
    (matrix_models.MatrixStatus, status.Status, {status.Status.NOT_REQUIRED}),
    (matrix_models.DueFrom, status.DueFrom, set()),
    (matrix_models.DueUnit, status.DueUnit, set()),
    (FrameworkChoice, Framework, set()),
]


@pytest.mark.parametrize(("choices", "enum", "never_stored"), PAIRS, ids=lambda p: getattr(p, "__name__", ""))
def test_choices_and_rules_name_the_same_values(choices, enum, never_stored):
    assert {member.name: member.value for member in choices} == {
        member.name: member.value for member in enum if member not in never_stored
    }


def test_every_placement_the_rules_give_is_a_booking_status():
    assert {p.value for p in rules.Placement} <= set(training_models.BookingStatus.values)
