"""The two-day training journey in a real browser: a trainer creates an
event with one place, two learners book (the second is waitlisted), the
first cancels, the second gets the offer by email and accepts it, the
trainer marks both days, and the completion shows. Accessibility is checked
on every page the journey visits."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

import pytest

from conftest import PASSWORD
from matrix.models import CompletionRecord, Training, TrainingKind
from outbox.models import OutboundEmail
from training.models import (
    Booking,
    BookingStatus,
    ClassroomCourse,
    CourseKind,
    Event,
    EventDay,
    TrainerLicence,
)


@pytest.fixture
def course(db):
    training = Training.objects.create(
        slug="two-day-foundation", title="Signs of Safety two-day foundation training", kind=TrainingKind.CLASSROOM
    )
    return ClassroomCourse.objects.create(
        training=training,
        slug="two-day-foundation",
        title="Signs of Safety two-day foundation training",
        kind=CourseKind.FOUNDATION,
        description="Two days of practice with the assessment and planning framework.",
        audience="Everyone who works directly with children and families.",
    )


def _switch_to(page, sign_in, email: str) -> None:
    page.context.clear_cookies()
    sign_in(email, PASSWORD)
    page.wait_for_url(re.compile(r".*/$"))


@pytest.mark.django_db(transaction=True)
def test_booking_waitlist_offer_attendance_and_completion(
    page, axe_check, sign_in, home_page, course, trainer, make_person
):
    TrainerLicence.objects.create(
        trainer=trainer, course=course, reference="NSCP-FDN-0417", valid_until=dt.date(2030, 3, 31)
    )
    first_learner = make_person("Aisha", "Begum")
    second_learner = make_person("Callum", "Fraser")
    day_one = dt.date.today() + dt.timedelta(days=30)

    # The trainer creates an event with one place.
    _switch_to(page, sign_in, trainer.email)
    page.goto("/training/trainer/")
    axe_check(page)
    page.get_by_role("link", name="Create an event").click()
    axe_check(page)
    page.get_by_label("Course").select_option(label=course.title)
    page.get_by_label("Open for booking").check()
    page.get_by_label("Capacity").fill("1")
    page.get_by_label("Venue name").fill("Northbridge Civic Hall, Committee Room 2")
    page.get_by_label("Accessibility notes").fill("Step-free entrance and a hearing loop.")
    page.get_by_label("Day 1", exact=True).fill(day_one.isoformat())
    page.get_by_label("Day 2", exact=True).fill((day_one + dt.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Create the event").click()
    page.get_by_text("The event is created.").wait_for()
    axe_check(page)
    event = Event.objects.get()

    # Two learners book; the second joins the waiting list.
    for learner, expected in ((first_learner, "Your place is booked"), (second_learner, "you are on the waiting list")):
        _switch_to(page, sign_in, learner.email)
        page.goto("/training/")
        axe_check(page)
        page.get_by_role("link", name=course.title).click()
        axe_check(page)
        page.get_by_role("button", name=re.compile("Book a place|Join the waiting list")).click()
        page.get_by_text(expected).wait_for()
        axe_check(page)
    first_booking = Booking.objects.get(learner=first_learner)
    second_booking = Booking.objects.get(learner=second_learner)
    assert first_booking.status == BookingStatus.CONFIRMED and second_booking.status == BookingStatus.WAITLISTED

    # The first learner cancels, giving a reason.
    _switch_to(page, sign_in, first_learner.email)
    page.goto("/training/bookings/")
    page.get_by_role("link", name=re.compile("^Cancel")).click()
    axe_check(page)
    page.get_by_label("Why are you cancelling?").fill("I have moved to a different team.")
    page.get_by_role("button", name="Cancel booking").click()
    page.get_by_text("Your booking is cancelled.").wait_for()
    axe_check(page)

    # The second learner gets the offer by email, follows its link and accepts.
    offer = OutboundEmail.objects.get(key=f"booking-offer:{second_booking.pk}")
    link = re.search(r"https?://\S+/offer/", offer.body_text).group(0)
    _switch_to(page, sign_in, second_learner.email)
    page.goto(urlparse(link).path)
    page.get_by_role("heading", name="A place is free for you").wait_for()
    axe_check(page)
    page.get_by_role("button", name="Accept the place").click()
    page.get_by_text("You have accepted the place").wait_for()
    axe_check(page)
    second_booking.refresh_from_db()
    assert second_booking.status == BookingStatus.CONFIRMED

    # The days go by: attendance can only be marked for a day that has come,
    # so the event's two days are moved to yesterday and today.
    today = dt.date.today()
    for day in EventDay.objects.filter(event=event):
        day.date = today - dt.timedelta(days=2 - day.number)
        day.save(update_fields=["date"])

    # The trainer marks both days on the attendance pages.
    _switch_to(page, sign_in, trainer.email)
    page.goto(f"/training/trainer/events/{event.pk}/")
    axe_check(page)
    for day in (1, 2):
        page.get_by_role("link", name=f"Mark attendance for day {day}").click()
        axe_check(page)
        # The attendance page is used on a phone: nothing may scroll sideways at 320px.
        page.set_viewport_size({"width": 320, "height": 640})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        page.set_viewport_size({"width": 1024, "height": 800})
        page.get_by_role("group", name="Callum Fraser").get_by_label("Attended").check()
        page.get_by_role("button", name=f"Save attendance for day {day}").click()
        page.get_by_text(f"Attendance for day {day} is saved").wait_for()
    page.get_by_text("1 person has now completed the course.").wait_for()
    axe_check(page)

    # The learner sees the completion.
    assert CompletionRecord.objects.filter(user=second_learner, training=course.training).exists()
    assert not CompletionRecord.objects.filter(user=first_learner).exists()
    _switch_to(page, sign_in, second_learner.email)
    page.goto("/training/bookings/")
    page.get_by_text("Completed", exact=True).wait_for()
    axe_check(page)
