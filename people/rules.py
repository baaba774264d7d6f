"""The line-manager rule, on plain facts. No Django: the staff import checks a
file against it before anything is written, and `people.models.line_manager_problem`
asks it with facts read from the database, so every way a line manager is
set (an administrator's edit, an approved proposal, the staff import, the
sign-in provider's claims) follows the same rule in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ManagerFacts:
    """What the line-manager rule needs to know about a would-be manager."""

    name: str
    active: bool = True
    role_name: str | None = None  # None: no role on record
    may_line_manage: bool = False
    agency_id: int | None = None
    agency_name: str = ""


def manager_rule(
    manager: ManagerFacts, *, same_person: bool, agency_id: int | None, accepted_agency_ids: Iterable[int] = ()
) -> str:
    """The line-manager rule, on plain facts: why `manager` may not line-manage
    a person of agency `agency_id`, or "" when they may. A manager must be
    someone else, active, in a role that may line-manage, and in the person's
    agency or one it accepts managers from (`accepted_agency_ids`).

    Every way a line manager is set goes through it: an administrator's edit,
    an approved proposal, the staff import and the sign-in provider's claims."""
    if same_person:
        return "A person cannot be their own line manager."
    if not manager.active:
        return f"{manager.name}'s account is closed."
    if manager.role_name is None:
        return f"{manager.name} has no role on record, so cannot be a line manager yet."
    if not manager.may_line_manage:
        return f"People in the role {manager.role_name} cannot be line managers."
    if agency_id and manager.agency_id != agency_id and manager.agency_id not in set(accepted_agency_ids):
        agency = manager.agency_name or "no agency"
        return f"{manager.name} works for {agency}, which cannot line-manage this agency's staff."
    return ""
