"""Placing people on an event on their behalf: a training administrator books
one person or a cohort, a line manager nominates their direct reports.

The same rules as a learner's own booking apply (the event is open, the
person's role and agency are eligible, no second booking on the course, no
clash), and the places go in the order given: the first people fill the free
places and the rest join the waiting list, behind anyone already waiting. A
line manager's nomination, or an administrator's placing, is the approval, so
nobody is asked again. Everyone placed gets the same emails and calendar
files as if they had booked themselves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction

from people.access import is_training_admin
from people.models import LearnerProfile, User
from training import emails, rules
from training.models import AuditAction, Booking, Event
from training.services.booking import _confirm, event_facts, learner_facts, waitlist_position
from training.services.common import Refused, _lock_event, _lock_learners, _now, audit

MAX_COHORT = 500


@dataclass
class Placed:
    person: User
    result: str  # "confirmed", "waitlisted", "already booked" or "refused"
    detail: str = ""


@dataclass
class PlacementReport:
    placed: list[Placed] = field(default_factory=list)

    def with_result(self, result: str) -> list[Placed]:
        return [p for p in self.placed if p.result == result]

    @property
    def confirmed(self) -> list[Placed]:
        return self.with_result("confirmed")

    @property
    def waitlisted(self) -> list[Placed]:
        return self.with_result("waitlisted")


def may_place(actor: User, person: User) -> bool:
    """Training administrators place anyone; a line manager places their direct reports."""
    if is_training_admin(actor):
        return True
    return LearnerProfile.objects.filter(user=person, line_manager=actor).exists()


def place(event_id: int, people: Sequence[User], actor: User, now: dt.datetime | None = None) -> PlacementReport:
    """Book `people` on the event in the order given. Placing someone already
    booked changes nothing, so sending the same list twice is safe."""
    if len(people) > MAX_COHORT:
        raise Refused(f"Place at most {MAX_COHORT} people at a time.")
    report = PlacementReport()
    with transaction.atomic():
        # Everyone placed is locked (in id order) before the event, as in `book`.
        _lock_learners(*(person.pk for person in people))
        event = _lock_event(event_id)
        now = _now(now)
        seen: set[int] = set()
        for person in people:
            if person.pk in seen:
                continue
            seen.add(person.pk)
            report.placed.append(_place_one(event, person, actor, now))
    return report


def _place_one(event: Event, person: User, actor: User, now: dt.datetime) -> Placed:
    if not may_place(actor, person):
        return Placed(person, "refused", "You can only nominate people you line-manage.")
    existing = Booking.objects.filter(event=event, learner=person, status__in=rules.ACTIVE_STATUSES).first()
    if existing is not None:
        return Placed(person, "already booked", existing.get_status_display())
    # The nomination is the approval: never ask the manager who nominated.
    facts = dataclasses.replace(event_facts(event), requires_approval=False)
    check = rules.can_book(facts, learner_facts(person, event, now), now)
    if not check.allowed:
        return Placed(person, "refused", " ".join(check.refusals))
    booking = Booking.objects.create(event=event, learner=person, status=check.placement, created_at=now)
    booking.event = event
    if check.placement == rules.Placement.CONFIRMED:
        audit(event, AuditAction.BOOKED, actor, booking, placement="confirmed", placed_by=actor.pk)
        _confirm(event, booking, now)
        return Placed(person, "confirmed", " ".join(check.warnings))
    position = waitlist_position(booking)
    audit(event, AuditAction.WAITLISTED, actor, booking, position=position, placed_by=actor.pk)
    emails.booking_waitlisted(booking, position)
    return Placed(person, "waitlisted", f"Number {position} on the waiting list.")
