"""Booking workflows: every change to a booking or event goes through here.

Each workflow runs in one transaction and starts by locking the event row
(`select_for_update`), so two people booking the last place, a cancellation
and an offer expiring at the same moment are handled one after another.
Workflows that make a booking (booking, catch-up, placing) first lock the
learners' account rows, in id order, and then the event: one person's
bookings on different events are made one after another too, so the
one-booking-per-course and day-clash rules hold under any race. The
rules themselves are in `training/rules.py`; these functions gather the facts,
ask the rules, write the result, record an audit entry and queue the emails.

Workflows return an `Outcome` (what happened, in words for the person) for
things that may legitimately not go ahead and must still be committed (an
offer that expired while the learner was deciding is passed on). A refusal
that changes nothing raises `Refused`.

The workflows are split by family; every public name is re-exported here so
callers write `services.book(...)`:

- `common`: `Refused`, `Outcome`, row locks, the audit entry;
- `booking`: booking, catch-up, cancelling, the waiting list and offers;
- `approval`: line managers' decisions;
- `events`: creating, changing, cancelling and emailing an event;
- `attendance`: the register for each day and the completion it records;
- `placing`: administrators placing people or a cohort, line managers nominating.
"""

from __future__ import annotations

from training.services.approval import (
    decide_approval,
    is_still_open,
    lapse_unanswered_requests,
    may_approve,
)
from training.services.attendance import (
    LONDON,
    attendees_for_day,
    combined_marks,
    mark_attendance,
    not_started_message,
)
from training.services.booking import (
    accept_offer,
    book,
    book_catch_up,
    cancel,
    check_booking,
    decline_offer,
    event_facts,
    expire_offers,
    finish_past_events,
    learner_facts,
    upcoming_bookings_of,
    waitlist_position,
)
from training.services.common import (
    Outcome,
    Refused,
    _lock_event,
    audit,
)
from training.services.events import (
    SCHEDULE_FIELDS,
    DayInput,
    _done_with_token,
    cancel_event,
    create_event,
    create_event_once,
    email_everyone,
    update_event,
)
from training.services.placing import (
    MAX_COHORT,
    Placed,
    PlacementReport,
    may_place,
    place,
)

__all__ = [
    "Refused",
    "Outcome",
    "_lock_event",
    "audit",
    "upcoming_bookings_of",
    "event_facts",
    "learner_facts",
    "check_booking",
    "waitlist_position",
    "book",
    "book_catch_up",
    "cancel",
    "accept_offer",
    "decline_offer",
    "finish_past_events",
    "expire_offers",
    "may_approve",
    "decide_approval",
    "is_still_open",
    "lapse_unanswered_requests",
    "DayInput",
    "SCHEDULE_FIELDS",
    "_done_with_token",
    "create_event",
    "create_event_once",
    "update_event",
    "cancel_event",
    "email_everyone",
    "attendees_for_day",
    "LONDON",
    "not_started_message",
    "mark_attendance",
    "combined_marks",
    "MAX_COHORT",
    "Placed",
    "PlacementReport",
    "may_place",
    "place",
]
