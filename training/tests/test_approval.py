from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import signing

from outbox.models import OutboundEmail
from people.models import User
from training import emails, services
from training.models import Booking, BookingStatus
from training.reminders import send_reminders
from training.tests.conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def managed(course, make_person, practice_lead):
    course.requires_manager_approval = True
    course.save()
    return make_person("Ben", "Ward", line_manager=practice_lead)


@pytest.fixture
def pending(event, managed):
    return services.book(event.pk, managed).booking


def test_the_manager_approves_and_the_place_is_confirmed(pending, practice_lead):
    outcome = services.decide_approval(pending.pk, practice_lead, approve=True)
    assert outcome.ok
    pending.refresh_from_db()
    assert pending.status == BookingStatus.CONFIRMED
    assert pending.approved_by == practice_lead
    assert OutboundEmail.objects.filter(key=f"booking-confirmed:{pending.pk}").exists()


def test_declining_frees_the_place_and_tells_the_learner(pending, practice_lead):
    services.decide_approval(pending.pk, practice_lead, approve=False, reason="Team too short that week")
    pending.refresh_from_db()
    assert pending.status == BookingStatus.DECLINED
    mail = OutboundEmail.objects.get(key=f"booking-declined:{pending.pk}")
    assert "Team too short" in mail.body_text


def test_someone_else_cannot_approve(pending, trainer):
    with pytest.raises(services.Refused, match="line manager"):
        services.decide_approval(pending.pk, trainer, approve=True)
    pending.refresh_from_db()
    assert pending.status == BookingStatus.PENDING_APPROVAL


def test_answering_twice_is_harmless(pending, practice_lead):
    services.decide_approval(pending.pk, practice_lead, approve=True)
    again = services.decide_approval(pending.pk, practice_lead, approve=False)
    assert not again.ok
    pending.refresh_from_db()
    assert pending.status == BookingStatus.CONFIRMED


def test_the_email_link_approves_without_signing_in(client, pending):
    token = emails.approval_token(pending)
    page = client.get(f"/training/approve/{token}/")
    assert page.status_code == 200
    assert "Ben Ward" in page.content.decode()
    pending.refresh_from_db()
    assert pending.status == BookingStatus.PENDING_APPROVAL, "a GET must change nothing"
    done = client.post(f"/training/approve/{token}/", {"decision": "approve"})
    assert done.status_code == 200
    pending.refresh_from_db()
    assert pending.status == BookingStatus.CONFIRMED


def test_a_tampered_link_gets_a_clear_message(client, pending):
    token = emails.approval_token(pending)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    for response in (
        client.get(f"/training/approve/{tampered}/"),
        client.post(f"/training/approve/{tampered}/", {"decision": "approve"}),
    ):
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == BookingStatus.PENDING_APPROVAL


def test_a_link_for_another_booking_cannot_be_forged(client, pending, practice_lead):
    forged = signing.dumps({"b": pending.pk, "m": practice_lead.pk}, salt="something-else", compress=True)
    assert client.get(f"/training/approve/{forged}/").status_code == 400


def test_an_expired_link_says_so(client, pending):
    token = emails.approval_token(pending)
    with time_machine.travel(NOW + dt.timedelta(days=15), tick=False):
        response = client.get(f"/training/approve/{token}/")
    assert response.status_code == 400
    assert "expired" in response.content.decode()


def test_a_link_stops_working_when_the_manager_changes(client, pending, make_person):
    token = emails.approval_token(pending)
    new_manager = make_person("Nina", "Boss")
    profile = pending.learner.profile
    profile.line_manager = new_manager
    profile.save()
    response = client.get(f"/training/approve/{token}/")
    assert response.status_code == 400
    assert "no longer yours" in response.content.decode()


def test_the_approvals_page_lists_only_my_staff(client, pending, practice_lead, trainer):
    client.force_login(practice_lead)
    assert "Ben Ward" in client.get("/training/approvals/").content.decode()
    client.force_login(trainer)
    assert "Ben Ward" not in client.get("/training/approvals/").content.decode()
    response = client.post(f"/training/approvals/{pending.pk}/", {"decision": "approve"}, follow=True)
    assert "Only the learner" in response.content.decode()
    client.force_login(practice_lead)
    client.post(f"/training/approvals/{pending.pk}/", {"decision": "approve"})
    pending.refresh_from_db()
    assert pending.status == BookingStatus.CONFIRMED


def test_signed_out_people_are_sent_to_sign_in_for_the_approvals_page(client):
    response = client.get("/training/approvals/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_pending_approvals_are_chased_once_per_period(pending, practice_lead):
    assert not OutboundEmail.objects.filter(key__startswith="booking-approval-chase:").exists()
    send_reminders(NOW + dt.timedelta(days=2))
    assert not OutboundEmail.objects.filter(key__startswith="booking-approval-chase:").exists()
    send_reminders(NOW + dt.timedelta(days=3, hours=1))
    send_reminders(NOW + dt.timedelta(days=3, hours=2))
    chases = OutboundEmail.objects.filter(key__startswith="booking-approval-chase:")
    assert chases.count() == 1
    assert chases.get().to == [practice_lead.email]


def test_an_offer_accepted_on_an_approval_course_goes_to_the_manager(make_event, managed, learners, course):
    event = make_event(capacity=1)
    course.requires_manager_approval = False
    course.save()
    holder = services.book(event.pk, learners(1)[0]).booking
    waiting = services.book(event.pk, managed).booking
    course.requires_manager_approval = True
    course.save()
    services.cancel(holder.pk, holder.learner, "Ill")
    services.accept_offer(waiting.pk, User.objects.get(pk=managed.pk))
    assert Booking.objects.get(pk=waiting.pk).status == BookingStatus.PENDING_APPROVAL
