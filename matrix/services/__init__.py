"""The matrix's services, the contract every app writes to.

- `upkeep`: writing completions (`record_completion`, the one place they are
  written), started and booked activity, and keeping each person's
  requirement statuses current;
- `imports`: spreadsheet imports of staff and of earlier completions;
- `renewal`: whether a person's training is due again, and until when a completion is current.

Every public name is re-exported here, so callers write `services.record_completion(...)`.
"""

from __future__ import annotations

from matrix.services.imports import (
    ImportRefused,
    check_batch,
    completion_lookups,
    run_import,
    staff_lookups,
)
from matrix.services.renewal import renewal_due, valid_until
from matrix.services.upkeep import (
    _DERIVED,
    CHUNK,
    applying_requirements,
    clear_booked,
    mark_booked,
    mark_started,
    record_completion,
    refresh_due,
    refresh_people,
    refresh_role,
    requirements_by_role,
)

__all__ = [
    "record_completion",
    "mark_started",
    "mark_booked",
    "clear_booked",
    "CHUNK",
    "requirements_by_role",
    "applying_requirements",
    "_DERIVED",
    "refresh_people",
    "refresh_due",
    "refresh_role",
    "staff_lookups",
    "completion_lookups",
    "check_batch",
    "ImportRefused",
    "run_import",
    "renewal_due",
    "valid_until",
]
