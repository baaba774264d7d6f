"""The one place the impact app reads other apps' records.

Kept small on purpose (docs/impact.md, "What impact reads"): events, their
days, bookings and attendance from `training` (its models' public methods,
`Event.is_run_by` and `Booking.attendance`), learners' submitted attempts
from `scenarios`, marked again through the engine's public entry point
`score_mapping`, and profiles from `people`. Nothing here writes to another
app: completions go through the matrix's services, email through the outbox.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from impact.measures import MappingMeasures
from scenarios.models import Attempt, AttemptStatus, ScenarioPage
from scenarios.scenario_file import ScenarioFileError, mapping_from_data
from scenarios.scoring import ELEMENT_DESCRIPTIONS, Result, score_mapping
from scenarios.services import jargon_entries
from training.models import AttendanceStatus, Booking, BookingStatus, Event, EventStatus

PRESENT = (AttendanceStatus.ATTENDED, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY)


def events() -> QuerySet[Event]:
    return Event.objects.select_related("course").prefetch_related("days", "trainers")


def event(pk: int) -> Event | None:
    return events().filter(pk=pk).first()


def runs(event: Event, user: Any) -> bool:
    """The event's trainers and training administrators."""
    return event.is_run_by(user)


def events_run_by(user: Any, admin: bool) -> QuerySet[Event]:
    found = events().exclude(status__in=[EventStatus.DRAFT, EventStatus.CANCELLED])
    return found if admin else found.filter(trainers=user)


def cohort(event: Event) -> list[Any]:
    """The people with a confirmed place (whole event, not a catch-up day), in booking order."""
    bookings = (
        event.bookings.filter(status=BookingStatus.CONFIRMED, catch_up_day__isnull=True)
        .select_related("learner__profile__agency")
        .order_by("created_at", "pk")
    )
    return [b.learner for b in bookings]


def booking_of(user: Any, event: Event) -> Booking | None:
    return (
        Booking.objects.filter(learner=user, event=event, status=BookingStatus.CONFIRMED)
        .prefetch_related("attendances__day")
        .first()
    )


def days_attended(booking: Booking) -> list[int]:
    return sorted(a.day.number for a in booking.attendances.all() if a.status in PRESENT)


def confirmed_bookings(user: Any) -> list[Booking]:
    """The learner's confirmed places on events that are not cancelled, soonest first."""
    bookings = (
        Booking.objects.filter(learner=user, status=BookingStatus.CONFIRMED)
        .exclude(event__status=EventStatus.CANCELLED)
        .select_related("event__course")
        .prefetch_related("event__days", "attendances__day")
    )
    return sorted(bookings, key=lambda b: b.event.first_start)


def agency_name(user: Any) -> str:
    profile = getattr(user, "profile", None)
    agency = getattr(profile, "agency", None) if profile else None
    return agency.name if agency else "No agency"


def people_in(scope: Any) -> list[int]:
    """The ids of the users whose profile matches `scope` (a filter from people.access)."""
    from people.models import User

    return list(User.objects.filter(scope).values_list("pk", flat=True))


def event_ends(event: Event) -> dt.datetime | None:
    last = event.last_day
    return last.ends_at if last else None


# --- Before and after mapping ------------------------------------------------------------


def scenarios() -> QuerySet[ScenarioPage]:
    return ScenarioPage.objects.live().order_by("title")


def first_attempt(user: Any, page: ScenarioPage, after: dt.datetime | None, before: dt.datetime | None) -> Any:
    """The learner's first submitted attempt on `page` in the window: a first try is
    what a cohort profile and a fair before-and-after comparison need."""
    found = Attempt.objects.filter(user=user, scenario=page, status=AttemptStatus.SUBMITTED)
    if after is not None:
        found = found.filter(submitted_at__gte=after)
    if before is not None:
        found = found.filter(submitted_at__lt=before)
    return found.order_by("submitted_at", "pk").first()


@dataclass(frozen=True)
class Phase:
    """One side of the comparison: who mapped, and what their mappings show."""

    measures: tuple[MappingMeasures, ...]
    done_by: frozenset[int]


def phase(event: Event, page: ScenarioPage, people: Iterable[Any], when: str) -> Phase:
    """`when` is "before" (submitted before day one starts) or "after" (after the last day ends)."""
    first = event.day_list[0].starts_at if event.day_list else None
    last = event_ends(event)
    scenario = page.to_scenario()
    jargon = jargon_entries()
    found: list[MappingMeasures] = []
    done: set[int] = set()
    for person in people:
        attempt = (
            first_attempt(person, page, None, first) if when == "before" else first_attempt(person, page, last, None)
        )
        if attempt is None:
            continue
        try:
            mapping = mapping_from_data(attempt.mapping, scenario)
        except ScenarioFileError:
            # A mapping stored under an older version of the scenario that no longer reads: leave it out.
            continue
        result = score_mapping(scenario, mapping, jargon)
        done.add(person.pk)
        found.append(measures_of(agency_name(person), result, mapping.scaling_score, scenario.scaling))
    return Phase(tuple(found), frozenset(done))


def measures_of(agency: str, result: Result, scale: int | None, scaling: Any) -> MappingMeasures:
    """Read a mapping's measures from the engine's public result: section scores, the
    feedback on each card placed (given and expected), the jargon terms and the
    elements it reports missing."""
    misplaced = frozenset(
        (f.expected, f.given)
        for f in result.feedback
        if f.item is not None and f.given and f.expected and f.given != f.expected
    )
    missed = frozenset(
        description
        for f in result.feedback
        if f.section in ("statements", "goals")
        for description in ELEMENT_DESCRIPTIONS.values()
        if f"does not say {description}" in f.message
    )
    return MappingMeasures(
        agency=agency,
        score=result.score,
        sections={s.name: float(s.score) for s in result.sections},
        misplacements=misplaced,
        missed_elements=missed,
        jargon=frozenset(f.term for f in result.feedback if f.term),
        scale=scale,
        scale_in_range=scale is not None and scaling.min <= scale <= scaling.max,
    )


def now() -> dt.datetime:
    return timezone.now()
