"""200 people book the same 24 places at the same instant, on PostgreSQL.

Runs in its own process whose default database is the PostgreSQL benchmark
database (see `runner.run_burst`). Each booker is a thread with its own
database connection, calling the booking service `training.services.book`
as the booking view does; all wait at a barrier and start together. The
server's connection limit (100 by default) is below 200, so at most
`connection_limit` bookers hold a connection at once, like a site with that
many workers; the rest wait their turn without a connection.

What must hold: exactly `capacity` confirmed, no errors, and the waiting list
in order - everyone's place in the queue, as told when they booked, is still
their place once the burst has settled (nobody was slotted in ahead of them).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, connections

from tools.bench.report import Figure

ATTEMPTS = 200
CAPACITY = 24
COURSE_SLUG = "bench-burst-course"
BOOKER_DOMAIN = "burst.bench.invalid"


@dataclass
class BurstOutcome:
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


def connection_limit(wanted: int) -> int:
    """How many bookers may hold a connection at once, leaving room for others."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        maximum = int(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM pg_stat_activity")
        in_use = int(cursor.fetchone()[0])
    return max(1, min(wanted, maximum - in_use - 20))


def prepare(attempts: int, capacity: int) -> tuple[int, list[Any]]:
    """A fresh open event with `capacity` places, and `attempts` eligible bookers."""
    from django.contrib.auth.models import Group

    from matrix.models import Training, TrainingKind
    from people.groups import GroupName, ensure_groups
    from people.models import User
    from training.models import ClassroomCourse, Event, EventStatus
    from training.services import DayInput, create_event

    ensure_groups()
    training, _ = Training.objects.get_or_create(
        slug=COURSE_SLUG, defaults={"title": "Benchmark burst training", "kind": TrainingKind.CLASSROOM}
    )
    course, _ = ClassroomCourse.objects.get_or_create(
        slug=COURSE_SLUG,
        defaults={
            "training": training,
            "title": "Benchmark burst training",
            "description": "An event the booking burst benchmark fills.",
            "audience": "Benchmark bookers.",
        },
    )
    Event.objects.filter(course=course).delete()
    existing = set(User.objects.filter(email__endswith=f"@{BOOKER_DOMAIN}").values_list("email", flat=True))
    learners = Group.objects.get(name=GroupName.LEARNER)
    for number in range(attempts):
        email = f"booker{number:04d}@{BOOKER_DOMAIN}"
        if email not in existing:
            user = User.objects.create_user(
                username=email.split("@")[0], email=email, password=None, first_name="Booker", last_name=f"{number:04d}"
            )
            user.groups.add(learners)
    bookers = list(User.objects.filter(email__endswith=f"@{BOOKER_DOMAIN}").order_by("email")[:attempts])
    actor = bookers[0]
    first = dt.date.today() + dt.timedelta(days=60)
    days = [
        DayInput(1, first, dt.time(9, 30), dt.time(16, 30)),
        DayInput(2, first + dt.timedelta(days=1), dt.time(9, 30), dt.time(16, 30)),
    ]
    event = create_event(
        course,
        actor,
        {"status": EventStatus.OPEN, "capacity": capacity, "venue_name": "Benchmark room"},
        days,
        [],
    )
    return event.pk, bookers


def run(attempts: int = ATTEMPTS, capacity: int = CAPACITY) -> Figure:
    from training.models import AuditAction, Booking, BookingAuditEntry, BookingStatus
    from training.services import book

    figure = Figure("booking_burst", f"{attempts} simultaneous bookings for {capacity} places", "burst")
    event_id, bookers = prepare(attempts, capacity)
    limit = connection_limit(attempts)
    connections.close_all()
    outcome = BurstOutcome()
    barrier = threading.Barrier(attempts + 1)
    gate = threading.BoundedSemaphore(limit)

    def booker(learner: Any) -> None:
        try:
            barrier.wait()
            with gate:
                try:
                    book(event_id, learner)
                finally:
                    connections.close_all()
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            outcome.error(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=booker, args=(learner,), daemon=True) for learner in bookers]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join(timeout=300)
    settle = time.perf_counter() - started

    bookings = list(Booking.objects.filter(event_id=event_id).order_by("created_at", "id"))
    confirmed = [b for b in bookings if b.status == BookingStatus.CONFIRMED]
    waiting = [b for b in bookings if b.status == BookingStatus.WAITLISTED]
    told = dict(
        BookingAuditEntry.objects.filter(event_id=event_id, action=AuditAction.WAITLISTED).values_list(
            "booking_id", "details__position"
        )
    )
    final = {booking.pk: position for position, booking in enumerate(waiting, start=1)}
    in_order = sorted(told.values()) == list(range(1, len(waiting) + 1)) and all(
        told.get(pk) == position for pk, position in final.items()
    )
    moved = sum(1 for pk, position in final.items() if told.get(pk) != position)
    # Fairness by arrival: were the confirmed places the first `capacity` in the queue's own order?
    first_in_queue = {b.pk for b in bookings[: len(confirmed)]}
    confirmed_first = first_in_queue == {b.pk for b in confirmed}
    figure.values.update(
        {
            "attempts": attempts,
            "capacity": capacity,
            "confirmed": len(confirmed),
            "waitlisted": len(waiting),
            "other_statuses": len(bookings) - len(confirmed) - len(waiting),
            "errors": len(outcome.errors) + sum(1 for t in threads if t.is_alive()),
            "in_order": in_order,
            "moved_in_queue": moved,
            "confirmed_were_first_in_queue": confirmed_first,
            "settle_seconds": settle,
            "connections_at_once": limit,
            "database": connection.vendor,
        }
    )
    notes = [f"at most {limit} bookers held a database connection at once"]
    if outcome.errors:
        notes.append(f"first error: {outcome.errors[0][:200]}")
    if moved:
        notes.append(f"{moved} waitlisted bookings ended at a different place from the one they were told")
    if not confirmed_first:
        notes.append(
            "the confirmed places were not the first in the queue's own (created_at, id) order: the booking "
            "time is taken before the event row is locked"
        )
    figure.note = "; ".join(notes)
    return figure
