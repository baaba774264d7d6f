"""Training administrators place one person or a cohort on an event, in the
order given, honouring capacity and the waiting list; line managers nominate
their direct reports."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from outbox.models import OutboundEmail
from training import services
from training.models import Booking, BookingStatus

pytestmark = pytest.mark.django_db


def statuses(event) -> list[tuple[str, str]]:
    rows = Booking.objects.filter(event=event).order_by("created_at", "pk").select_related("learner")
    return [(b.learner.email, b.status) for b in rows]


def test_a_cohort_of_30_onto_24_places_confirms_24_and_waitlists_6_in_order(make_event, learners, training_admin):
    """Runs on PostgreSQL too: DATABASE_URL=postgres://... pytest this file."""
    event = make_event(capacity=24)
    cohort = learners(30)
    report = services.place(event.pk, cohort, training_admin)
    assert [p.person for p in report.confirmed] == cohort[:24]
    assert [p.person for p in report.waitlisted] == cohort[24:]
    assert statuses(event) == [(p.email, BookingStatus.CONFIRMED) for p in cohort[:24]] + [
        (p.email, BookingStatus.WAITLISTED) for p in cohort[24:]
    ]
    assert [
        services.waitlist_position(b) for b in Booking.objects.filter(event=event, status="waitlisted").order_by("pk")
    ] == [1, 2, 3, 4, 5, 6]
    # The same emails as booking themselves: a confirmation with a calendar file, or the waiting list.
    confirmed = OutboundEmail.objects.filter(to=[cohort[0].email]).get()
    assert any(a["filename"].endswith(".ics") for a in confirmed.attachments)
    assert OutboundEmail.objects.filter(to=[cohort[29].email]).count() == 1
    assert connection.vendor in {"sqlite", "postgresql"}


def test_placing_the_same_cohort_twice_books_nobody_twice(make_event, learners, training_admin):
    event = make_event(capacity=2)
    cohort = learners(3)
    services.place(event.pk, cohort, training_admin)
    again = services.place(event.pk, cohort, training_admin)
    assert [p.result for p in again.placed] == ["already booked"] * 3
    assert Booking.objects.filter(event=event).count() == 3


def test_a_cohort_goes_behind_people_already_waiting(make_event, learners, training_admin):
    event = make_event(capacity=1)
    first, waiting, *cohort = learners(4)
    services.book(event.pk, first)
    services.book(event.pk, waiting)
    report = services.place(event.pk, cohort, training_admin)
    assert [p.result for p in report.placed] == ["waitlisted", "waitlisted"]
    assert [p.detail for p in report.placed] == ["Number 2 on the waiting list.", "Number 3 on the waiting list."]


def test_placing_needs_no_approval_but_keeps_the_other_rules(make_event, learners, training_admin, councillor, course):
    course.requires_manager_approval = True
    course.save()
    course.eligible_roles.set([learners(1)[0].profile.role])
    event = make_event(capacity=5)
    person = learners(1)[0]
    report = services.place(event.pk, [person, councillor], training_admin)
    assert [p.result for p in report.placed] == ["confirmed", "refused"]
    assert "other job roles" in report.placed[1].detail


def test_a_line_manager_nominates_only_their_direct_reports(client, make_event, make_person, practice_lead):
    event = make_event(capacity=5)
    report_1 = make_person("Ada", "Report", line_manager=practice_lead)
    stranger = make_person("Sid", "Stranger")
    client.force_login(practice_lead)
    page = client.get(f"/training/events/{event.pk}/place/").content.decode()
    assert "Ada Report" in page and "Sid Stranger" not in page
    client.post(f"/training/events/{event.pk}/place/", {"person": [report_1.pk, stranger.pk]})
    assert statuses(event) == [(report_1.email, BookingStatus.CONFIRMED)]
    assert services.place(event.pk, [stranger], practice_lead).placed[0].result == "refused"


def test_an_administrator_places_people_from_an_uploaded_list(client, make_event, learners, training_admin):
    event = make_event(capacity=1)
    a, b = learners(2)
    upload = SimpleUploadedFile("cohort.csv", f"email,name\n{b.email},B\n{a.email},A\nnobody@example.org,X\n".encode())
    client.force_login(training_admin)
    response = client.post(f"/training/events/{event.pk}/place/", {"file": upload})
    body = response.content.decode()
    assert "1 placed, 1 on the waiting list" in body
    assert "nobody@example.org" in body
    assert statuses(event) == [(b.email, BookingStatus.CONFIRMED), (a.email, BookingStatus.WAITLISTED)]


def test_an_oversized_upload_is_refused_with_a_message(client, make_event, training_admin):
    event = make_event()
    client.force_login(training_admin)
    upload = SimpleUploadedFile("big.csv", b"x@example.org\n" * 20_000)
    response = client.post(f"/training/events/{event.pk}/place/", {"file": upload})
    assert response.status_code == 400
    assert "too big" in response.content.decode()
    assert not Booking.objects.exists()


def test_an_empty_form_says_what_to_do(client, make_event, training_admin):
    event = make_event()
    client.force_login(training_admin)
    response = client.post(f"/training/events/{event.pk}/place/", {})
    assert "Choose at least one person" in response.content.decode()


@pytest.mark.parametrize("who", ["new_staff", "trainer", "outsider", "councillor"])
def test_people_who_manage_nobody_cannot_place_anyone(client, make_event, who, request):
    event = make_event()
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/training/events/{event.pk}/place/").status_code == 403


def test_the_place_page_needs_sign_in(client, make_event):
    event = make_event()
    assert client.get(f"/training/events/{event.pk}/place/")["Location"].startswith("/accounts/login/")
