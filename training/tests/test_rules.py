"""The booking rules on their own: plain functions, no database."""

from __future__ import annotations

import ast
import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from training import rules
from training.rules import DaySlot, EventFacts, LearnerFacts, Placement, QueueEntry, Status

NOW = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
START = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
DAYS = (
    DaySlot(dt.date(2026, 12, 1), dt.time(9, 30), dt.time(16, 30)),
    DaySlot(dt.date(2026, 12, 2), dt.time(9, 30), dt.time(16, 30)),
)
EVENT = EventFacts(status=Status.OPEN, capacity=10, holding=3, waiting=0, days=DAYS, first_start=START)
LEARNER = LearnerFacts(role_id=1, agency_id=1)


def test_the_rules_module_imports_nothing_from_django():
    tree = ast.parse(Path(rules.__file__).read_text())
    names = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names] + [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ]
    assert not [n for n in names if n.startswith(("django", "wagtail"))]


@pytest.mark.parametrize(
    ("event", "learner", "refusal"),
    [
        (replace(EVENT, status=Status.DRAFT), LEARNER, "not open for booking yet"),
        (replace(EVENT, status=Status.CANCELLED), LEARNER, "has been cancelled"),
        (replace(EVENT, status=Status.FINISHED), LEARNER, "already started"),
        (replace(EVENT, first_start=NOW - dt.timedelta(minutes=1)), LEARNER, "already started"),
        (replace(EVENT, booking_opens=NOW + dt.timedelta(days=1)), LEARNER, "Booking opens on 3 November 2026"),
        (replace(EVENT, booking_closes=NOW), LEARNER, "has closed"),
        (replace(EVENT, eligible_role_ids=frozenset({2})), LEARNER, "other job roles"),
        (replace(EVENT, eligible_agency_ids=frozenset({2})), LEARNER, "not open to staff of your agency"),
        (replace(EVENT, requires_approval=True), replace(LEARNER, has_line_manager=False), "does not name one"),
        (EVENT, replace(LEARNER, booking_on_same_course="12 January 2027"), "already have a booking"),
        (
            EVENT,
            replace(LEARNER, other_booked_days=(DaySlot(dt.date(2026, 12, 2), dt.time(13, 0), dt.time(14, 0)),)),
            "2 December 2026 at the same time",
        ),
    ],
)
def test_it_refuses_with_a_plain_reason(event, learner, refusal):
    check = rules.can_book(event, learner, NOW)
    assert not check.allowed
    assert any(refusal in reason for reason in check.refusals), check.refusals


@pytest.mark.parametrize(
    ("event", "learner", "placement"),
    [
        (EVENT, LEARNER, Placement.CONFIRMED),
        (replace(EVENT, holding=10), LEARNER, Placement.WAITLISTED),
        (replace(EVENT, status=Status.FULL, holding=10), LEARNER, Placement.WAITLISTED),
        (replace(EVENT, waiting=1), LEARNER, Placement.WAITLISTED),
        (replace(EVENT, requires_approval=True), LEARNER, Placement.PENDING_APPROVAL),
        (
            replace(EVENT, eligible_role_ids=frozenset({1}), eligible_agency_ids=frozenset({1})),
            LEARNER,
            Placement.CONFIRMED,
        ),
        (
            EVENT,
            replace(LEARNER, other_booked_days=(DaySlot(dt.date(2026, 12, 2), dt.time(17, 0), dt.time(18, 0)),)),
            Placement.CONFIRMED,
        ),
    ],
)
def test_it_places_an_allowed_booking(event, learner, placement):
    check = rules.can_book(event, learner, NOW)
    assert check.allowed
    assert check.placement == placement


def test_a_missing_prerequisite_is_a_warning_naming_the_first_day():
    event = replace(EVENT, prerequisites={7: "the e-learning"})
    check = rules.can_book(event, LEARNER, NOW)
    assert check.allowed
    assert check.warnings == ("You need to finish the e-learning before the first day (1 December 2026).",)
    done = rules.can_book(event, replace(LEARNER, completed_training_ids=frozenset({7})), NOW)
    assert done.warnings == ()


def test_a_prerequisite_the_matrix_does_not_require_of_the_learner_is_not_asked():
    event = replace(EVENT, prerequisites={7: "the e-learning", 8: "the partner course"})
    partner = replace(LEARNER, required_training_ids=frozenset({8}))
    assert rules.can_book(event, partner, NOW).warnings == (
        "You need to finish the partner course before the first day (1 December 2026).",
    )
    assert rules.can_book(event, replace(LEARNER, required_training_ids=frozenset()), NOW).warnings == ()


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ((9, 30, 16, 30), (9, 30, 16, 30), True),
        ((9, 30, 12, 0), (12, 0, 16, 0), False),
        ((9, 30, 12, 1), (12, 0, 16, 0), True),
        ((13, 0, 14, 0), (9, 0, 17, 0), True),
    ],
)
def test_days_overlap_only_when_their_times_do(a, b, overlap):
    day = dt.date(2026, 12, 1)
    first = DaySlot(day, dt.time(a[0], a[1]), dt.time(a[2], a[3]))
    second = DaySlot(day, dt.time(b[0], b[1]), dt.time(b[2], b[3]))
    assert first.overlaps(second) is overlap
    assert replace(second, date=dt.date(2026, 12, 2)).overlaps(first) is False


@pytest.mark.parametrize(
    ("capacity", "holding", "waiting", "offered"),
    [(5, 5, [1, 2], []), (5, 4, [3, 1, 2], [1]), (5, 2, [3, 1, 2], [1, 2, 3]), (5, 3, [], [])],
)
def test_free_places_go_to_the_longest_waiting(capacity, holding, waiting, offered):
    entries = [QueueEntry(NOW + dt.timedelta(minutes=n), n) for n in waiting]
    assert [e.booking_id for e in rules.offers_to_make(capacity, holding, entries)] == offered


def test_the_queue_breaks_ties_by_id():
    entries = [QueueEntry(NOW, 9), QueueEntry(NOW, 4), QueueEntry(NOW - dt.timedelta(seconds=1), 12)]
    assert [e.booking_id for e in rules.queue_order(entries)] == [12, 4, 9]


@pytest.mark.parametrize(
    ("hours_before_start", "offer_hours", "expected_hours"),
    [(100, 48, 48), (24, 48, 24), (0, 48, None), (-1, 48, None)],
)
def test_an_offer_lapses_after_its_hours_but_never_after_the_start(hours_before_start, offer_hours, expected_hours):
    start = NOW + dt.timedelta(hours=hours_before_start)
    deadline = rules.offer_deadline(NOW, offer_hours, start)
    assert deadline == (None if expected_hours is None else NOW + dt.timedelta(hours=expected_hours))


@pytest.mark.parametrize(
    ("expires", "live"),
    [(NOW + dt.timedelta(seconds=1), True), (NOW, False), (NOW - dt.timedelta(hours=1), False), (None, False)],
)
def test_an_offer_is_live_only_before_its_deadline(expires, live):
    assert rules.offer_is_live(expires, NOW) is live


@pytest.mark.parametrize(
    ("days_before", "policy_days", "late"),
    [(10, 5, False), (5.01, 5, False), (5, 5, True), (1, 5, True), (1, 0, False)],
)
def test_late_cancellation_follows_the_policy(days_before, policy_days, late):
    start = NOW + dt.timedelta(days=days_before)
    assert rules.is_late_cancellation(NOW, start, policy_days) is late


@pytest.mark.parametrize(("new", "holding", "refused"), [(10, 5, False), (5, 5, False), (4, 5, True), (0, 0, True)])
def test_capacity_cannot_drop_below_the_places_held(new, holding, refused):
    assert (rules.can_reduce_capacity(new, holding) is not None) is refused


@pytest.mark.parametrize(
    ("marks", "progress", "missing"),
    [
        ({1: "attended", 2: "attended"}, rules.Progress.COMPLETE, ()),
        ({1: "late", 2: "attended"}, rules.Progress.COMPLETE, ()),
        ({1: "attended", 2: "left_early"}, rules.Progress.PARTIAL, (2,)),
        ({1: "absent", 2: "attended"}, rules.Progress.PARTIAL, (1,)),
        ({1: "attended"}, rules.Progress.PARTIAL, (2,)),
        ({1: "absent", 2: "left_early"}, rules.Progress.NOT_STARTED, (1, 2)),
        ({}, rules.Progress.NOT_STARTED, (1, 2)),
    ],
)
def test_completion_needs_every_day_attended(marks, progress, missing):
    result = rules.attendance_result([1, 2], marks)
    assert result.progress == progress
    assert result.missing_days == missing


@pytest.mark.parametrize(
    ("marks", "day"),
    [
        ({1: "attended", 2: "absent"}, 2),
        ({1: "left_early", 2: "late"}, 1),
        ({1: "absent", 2: "absent"}, None),
        ({1: "attended", 2: "attended"}, None),
    ],
)
def test_a_single_missed_day_can_be_caught_up(marks, day):
    assert rules.catch_up_day([1, 2], marks) == day
