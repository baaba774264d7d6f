"""Many people booking the last places at the same instant.

Each thread has its own database connection and waits at a barrier, so all
40 bookings hit the database together. The event row lock in
`services.book` must let exactly `capacity` of them through and queue the
rest in the order they got the lock.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from matrix.models import Training, TrainingKind
from training import services
from training.models import AuditAction, Booking, BookingAuditEntry, BookingStatus, ClassroomCourse, CourseKind
from training.tests.conftest import FIRST_DAY

BOOKERS = 40
CAPACITY = 5


def _burst(event_id: int, people: list) -> list[str]:
    barrier = threading.Barrier(len(people))
    errors: list[str] = []

    def attempt(person) -> None:
        try:
            barrier.wait(timeout=30)
            services.book(event_id, person)
        except Exception as exc:  # noqa: BLE001 - every failure is reported by the test
            errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _check(event_id: int) -> None:
    bookings = list(Booking.objects.filter(event_id=event_id).order_by("created_at", "id"))
    assert len(bookings) == BOOKERS
    # Ids are assigned inside the event lock, so they are the order the
    # bookings really happened: the queue order must be the same.
    assert [b.pk for b in bookings] == sorted(b.pk for b in bookings), "queue order follows the committed inserts"
    assert len({b.learner_id for b in bookings}) == BOOKERS
    statuses = [b.status for b in bookings]
    assert statuses.count(BookingStatus.CONFIRMED) == CAPACITY
    # The first `capacity` in queue order are the confirmed ones; the rest wait.
    assert statuses == [BookingStatus.CONFIRMED] * CAPACITY + [BookingStatus.WAITLISTED] * (BOOKERS - CAPACITY)
    positions = dict(
        BookingAuditEntry.objects.filter(event_id=event_id, action=AuditAction.WAITLISTED).values_list(
            "booking_id", "details__position"
        )
    )
    waiting = [b.pk for b in bookings if b.status == BookingStatus.WAITLISTED]
    assert [positions[pk] for pk in waiting] == list(range(1, BOOKERS - CAPACITY + 1)), "no duplicate positions"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_exactly_capacity_bookers_get_a_place_on_postgresql(make_event, learners):
    if connection.vendor != "postgresql":
        pytest.skip("Row locking is proven against PostgreSQL: run with DATABASE_URL=postgres://...")
    event = make_event(capacity=CAPACITY)
    people = learners(BOOKERS)
    connection.close()
    assert _burst(event.pk, people) == []
    _check(event.pk)


@pytest.mark.django_db
def test_the_booking_time_is_taken_once_the_event_is_locked(make_event, learners, frozen_now, monkeypatch):
    """A booker who waited for the lock must queue behind whoever held it,
    so the timestamp is read after the lock is granted, not before."""
    event = make_event(capacity=1)
    person = learners(1)[0]
    real_lock = services._lock_event

    def slow_lock(event_id: int):
        frozen_now.shift(60)
        return real_lock(event_id)

    monkeypatch.setattr(services.booking, "_lock_event", slow_lock)
    booking = services.book(event.pk, person).booking
    assert booking.created_at == timezone.now()


LEARNERS_RACING = 12


def _race_pairs(pairs: list[tuple[int, object]]) -> list[str]:
    """Run every (event id, learner) booking at once, one thread and connection each."""
    barrier = threading.Barrier(len(pairs))
    errors: list[str] = []

    def attempt(event_id: int, person) -> None:
        try:
            barrier.wait(timeout=30)
            services.book(event_id, person)
        except services.Refused:
            pass  # the second booking is refused by the rules: what should happen
        except Exception as exc:  # noqa: BLE001 - every failure is reported by the test
            errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=pair) for pair in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _bookings_per_learner(people: list) -> dict[int, int]:
    return {
        person.pk: Booking.objects.filter(learner=person).exclude(status=BookingStatus.CANCELLED).count()
        for person in people
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_learner_booking_two_runs_of_a_course_at_once_gets_one_booking(make_event, learners):
    """Each learner books two events of the same course at the same instant.
    The learner's row lock in `services.book` makes the second booking wait
    for the first, see it and be refused (one booking per course)."""
    if connection.vendor != "postgresql":
        pytest.skip("Row locking is proven against PostgreSQL: run with DATABASE_URL=postgres://...")
    first = make_event(capacity=50)
    second = make_event(capacity=50, first_day=FIRST_DAY + dt.timedelta(days=42))
    people = learners(LEARNERS_RACING)
    connection.close()
    pairs = [(event.pk, person) for person in people for event in (first, second)]
    assert _race_pairs(pairs) == []
    assert _bookings_per_learner(people) == {person.pk: 1 for person in people}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_learner_booking_two_courses_on_the_same_days_at_once_gets_one_booking(make_event, learners, course):
    """Two different courses on the same days: the day-clash rule holds under a race too."""
    if connection.vendor != "postgresql":
        pytest.skip("Row locking is proven against PostgreSQL: run with DATABASE_URL=postgres://...")
    other_training = Training.objects.create(
        slug="advanced-mapping", title="Advanced mapping", kind=TrainingKind.CLASSROOM
    )
    other_course = ClassroomCourse.objects.create(
        training=other_training,
        slug="advanced-mapping",
        title="Advanced mapping",
        kind=CourseKind.FOUNDATION,
        description="A day of mapping practice.",
        audience="Practitioners.",
    )
    first = make_event(capacity=50)
    second = make_event(capacity=50, for_course=other_course)
    people = learners(LEARNERS_RACING)
    connection.close()
    pairs = [(event.pk, person) for person in people for event in (first, second)]
    assert _race_pairs(pairs) == []
    assert _bookings_per_learner(people) == {person.pk: 1 for person in people}
