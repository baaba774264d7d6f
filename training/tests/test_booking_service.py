from __future__ import annotations

import datetime as dt

import pytest

from matrix.models import ActivityKind, TrainingActivity
from outbox.models import OutboundEmail
from training import services
from training.models import AuditAction, Booking, BookingAuditEntry, BookingStatus, EventStatus
from training.tests.conftest import NOW

pytestmark = pytest.mark.django_db


def test_it_confirms_a_booking_while_places_are_free(event, new_staff):
    outcome = services.book(event.pk, new_staff)
    assert outcome.created
    assert outcome.booking.status == BookingStatus.CONFIRMED
    assert TrainingActivity.objects.filter(
        user=new_staff, kind=ActivityKind.BOOKED, since=event.day_list[0].date
    ).exists()
    assert OutboundEmail.objects.filter(key=f"booking-confirmed:{outcome.booking.pk}").exists()
    assert BookingAuditEntry.objects.filter(
        booking=outcome.booking, action=AuditAction.BOOKED, actor=new_staff
    ).exists()


def test_it_waitlists_once_the_event_is_full(make_event, learners):
    event = make_event(capacity=1)
    first, second = learners(2)
    services.book(event.pk, first)
    outcome = services.book(event.pk, second)
    assert outcome.booking.status == BookingStatus.WAITLISTED
    assert "number 1" in outcome.message
    assert OutboundEmail.objects.filter(key=f"booking-waitlisted:{outcome.booking.pk}").exists()


def test_booking_twice_returns_the_first_booking(event, new_staff):
    first = services.book(event.pk, new_staff)
    again = services.book(event.pk, new_staff)
    assert again.booking.pk == first.booking.pk
    assert not again.created
    assert "already" in again.message
    assert Booking.objects.filter(learner=new_staff).count() == 1
    assert OutboundEmail.objects.filter(key__startswith="booking-confirmed:").count() == 1


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (EventStatus.CANCELLED, "has been cancelled"),
        (EventStatus.DRAFT, "not open for booking"),
        (EventStatus.FINISHED, "already started"),
    ],
)
def test_it_refuses_an_event_that_is_not_open(make_event, new_staff, status, message):
    event = make_event(status=status)
    with pytest.raises(services.Refused, match=message):
        services.book(event.pk, new_staff)
    assert not Booking.objects.exists()


def test_it_refuses_once_booking_has_closed(make_event, new_staff):
    event = make_event(booking_closes=NOW - dt.timedelta(hours=1))
    with pytest.raises(services.Refused, match="closed"):
        services.book(event.pk, new_staff)


def test_it_refuses_a_second_event_of_the_same_course(make_event, new_staff):
    first = make_event()
    second = make_event(first_day=dt.date(2027, 1, 12))
    services.book(first.pk, new_staff)
    with pytest.raises(services.Refused, match="already have a booking for this course"):
        services.book(second.pk, new_staff)


def test_it_refuses_overlapping_days_on_another_course(make_event, new_staff, course):
    from matrix.models import Training
    from training.models import ClassroomCourse

    other = ClassroomCourse.objects.create(
        training=Training.objects.create(slug="refresher", title="Refresher", kind="classroom"),
        slug="refresher",
        title="Refresher",
        kind="refresher",
        description="d",
        audience="a",
        number_of_days=1,
    )
    services.book(make_event().pk, new_staff)
    clash = make_event(for_course=other, days=1, first_day=dt.date(2026, 12, 2))
    with pytest.raises(services.Refused, match="same time"):
        services.book(clash.pk, new_staff)


def test_it_refuses_people_outside_the_courses_roles(event, course, councillor, partnership):
    course.eligible_roles.set([partnership["roles"]["social-worker"]])
    with pytest.raises(services.Refused, match="other job roles"):
        services.book(event.pk, councillor)


def test_a_missing_prerequisite_warns_but_does_not_stop_the_booking(event, new_staff):
    outcome = services.book(event.pk, new_staff)
    assert outcome.booking.status == BookingStatus.CONFIRMED
    assert "You need to finish Signs of Safety for new staff before the first day (1 December 2026)" in outcome.message


def test_a_prerequisite_the_matrix_does_not_require_is_not_asked_of_partner_staff(event, outsider):
    outcome = services.book(event.pk, outsider)
    assert outcome.booking.status == BookingStatus.CONFIRMED
    assert "You need to finish" not in outcome.message


def test_it_holds_a_place_and_asks_the_manager_when_approval_is_needed(event, course, make_person, practice_lead):
    course.requires_manager_approval = True
    course.save()
    learner = make_person("Ben", "Ward", line_manager=practice_lead)
    outcome = services.book(event.pk, learner)
    assert outcome.booking.status == BookingStatus.PENDING_APPROVAL
    assert event.places_left() == 1
    mail = OutboundEmail.objects.get(key=f"booking-approval:{outcome.booking.pk}")
    assert mail.to == [practice_lead.email]
    assert f"/training/approvals/{outcome.booking.pk}/" in mail.body_text


def test_it_refuses_approval_courses_without_a_line_manager(event, course, new_staff):
    course.requires_manager_approval = True
    course.save()
    with pytest.raises(services.Refused, match="does not name one"):
        services.book(event.pk, new_staff)


def test_a_newcomer_does_not_jump_a_waiting_queue_after_capacity_grows(make_event, learners, trainer):
    event = make_event(capacity=1)
    first, waiting, newcomer = learners(3)
    services.book(event.pk, first)
    queued = services.book(event.pk, waiting).booking
    services.update_event(event.pk, trainer, {"capacity": 2}, [_day(d) for d in event.day_list])
    queued.refresh_from_db()
    assert queued.status == BookingStatus.OFFERED
    late = services.book(event.pk, newcomer).booking
    assert late.status == BookingStatus.WAITLISTED


def _day(day):
    return services.DayInput(day.number, day.date, day.start_time, day.end_time)
