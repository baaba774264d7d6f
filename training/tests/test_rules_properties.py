"""Invariants of the waitlist over random sequences of events, on a pure
model of an event driven by the same rules the services use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from training import rules

START = dt.datetime(2027, 1, 10, 9, 30, tzinfo=dt.UTC)


@dataclass
class Booking:
    id: int
    joined: dt.datetime
    status: str = "waitlisted"
    expires: dt.datetime | None = None


@dataclass
class Model:
    """An event as the services treat it, without a database."""

    capacity: int
    now: dt.datetime = dt.datetime(2027, 1, 1, 9, 0, tzinfo=dt.UTC)
    bookings: list[Booking] = field(default_factory=list)
    offer_order: list[int] = field(default_factory=list)

    def holding(self) -> int:
        return sum(1 for b in self.bookings if b.status in rules.HOLDING_STATUSES)

    def waiting(self) -> list[Booking]:
        return [b for b in self.bookings if b.status == "waitlisted"]

    def fill(self) -> None:
        entries = [rules.QueueEntry(b.joined, b.id) for b in self.waiting()]
        deadline = rules.offer_deadline(self.now, 48, START)
        if deadline is None:
            return
        for entry in rules.offers_to_make(self.capacity, self.holding(), entries):
            booking = next(b for b in self.bookings if b.id == entry.booking_id)
            booking.status, booking.expires = "offered", deadline
            self.offer_order.append(booking.id)

    def book(self) -> None:
        placement = rules.placement_for_new_booking(self.capacity, self.holding(), len(self.waiting()), False)
        self.bookings.append(Booking(len(self.bookings) + 1, self.now, placement.value))

    def cancel(self, index: int) -> None:
        active = [b for b in self.bookings if b.status in rules.ACTIVE_STATUSES]
        if active:
            active[index % len(active)].status = "cancelled"
            self.fill()

    def accept(self, index: int) -> None:
        offered = [b for b in self.bookings if b.status == "offered"]
        if offered:
            booking = offered[index % len(offered)]
            if rules.offer_is_live(booking.expires, self.now):
                booking.status = "confirmed"

    def reduce_capacity(self, by: int) -> None:
        by = 1 + by % 3
        if rules.can_reduce_capacity(self.capacity - by, self.holding()) is None:
            self.capacity -= by
        self.fill()

    def grow_capacity(self, by: int) -> None:
        by = 1 + by % 2
        self.capacity += by
        self.fill()

    def pass_time(self, hours: int) -> None:
        hours = max(1, hours)
        self.now += dt.timedelta(hours=hours)
        for booking in self.bookings:
            if booking.status == "offered" and not rules.offer_is_live(booking.expires, self.now):
                booking.status = "expired"
        self.fill()


# Booking is drawn most often, so queues form; the other actions free places.
actions = st.lists(
    st.tuples(
        st.sampled_from(["book", "book", "book", "cancel", "accept", "reduce_capacity", "grow_capacity", "pass_time"]),
        st.integers(0, 60),
    ),
    min_size=5,
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(capacity=st.integers(1, 6), steps=actions)
def test_places_held_never_exceed_capacity(capacity, steps):
    model = Model(capacity)
    for name, argument in steps:
        run(model, name, argument)
        confirmed = sum(1 for b in model.bookings if b.status == "confirmed")
        assert confirmed <= model.holding() <= model.capacity


def run(model: Model, name: str, argument: int) -> None:
    if name == "book":
        model.book()
    else:
        getattr(model, name)(argument)


@settings(max_examples=300, deadline=None)
@given(capacity=st.integers(1, 6), steps=actions)
def test_offers_go_out_in_the_order_people_joined_the_queue(capacity, steps):
    model = Model(capacity)
    for name, argument in steps:
        run(model, name, argument)
        joined = {b.id: (b.joined, b.id) for b in model.bookings}
        assert model.offer_order == sorted(model.offer_order, key=joined.__getitem__)


@settings(max_examples=300, deadline=None)
@given(capacity=st.integers(1, 6), steps=actions)
def test_no_one_jumps_the_queue(capacity, steps):
    """While anyone is waiting, everyone holding a place joined before the
    first person in the queue."""
    model = Model(capacity)
    for name, argument in steps:
        run(model, name, argument)
        waiting = model.waiting()
        if not waiting:
            continue
        first_waiting = min((b.joined, b.id) for b in waiting)
        for booking in model.bookings:
            if booking.status in rules.HOLDING_STATUSES:
                assert (booking.joined, booking.id) < first_waiting
