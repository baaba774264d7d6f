from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core import signing

from conftest import PASSWORD
from outbox.models import OutboundEmail
from people.models import User
from training import emails, services
from training.models import Booking, BookingStatus, Event, EventStatus
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


def _emailed_link(booking) -> str:
    """The decision link as it is in the request email the manager received."""
    body = OutboundEmail.objects.get(key=f"booking-approval:{booking.pk}").body_text
    match = re.search(r"https?://[^/\s]+(/training/\S+/)", body)
    assert match, body
    return match.group(1)


def test_the_emailed_link_brings_the_manager_to_the_decision_after_signing_in(client, pending, practice_lead):
    link = _emailed_link(pending)
    assert link == f"/training/approvals/{pending.pk}/"
    # Signed out: the link asks for sign-in first and shows nothing.
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={link}"
    signed_in = client.post("/accounts/login/", {"login": practice_lead.email, "password": PASSWORD, "next": link})
    assert signed_in["Location"] == link
    page = client.get(link)
    assert page.status_code == 200
    assert "Ben Ward" in page.content.decode()
    pending.refresh_from_db()
    assert pending.status == BookingStatus.PENDING_APPROVAL, "a GET must change nothing"
    client.post(link, {"decision": "approve"})
    pending.refresh_from_db()
    assert pending.status == BookingStatus.CONFIRMED
    assert pending.approved_by == practice_lead


def test_the_request_email_carries_no_secret(pending):
    body = OutboundEmail.objects.get(key=f"booking-approval:{pending.pk}").body_text
    assert "/training/approve/" not in body
    assert emails.approval_token(pending) not in body


def test_an_anonymous_visitor_cannot_approve(client, pending):
    for link in (f"/training/approvals/{pending.pk}/", f"/training/approve/{emails.approval_token(pending)}/"):
        response = client.post(link, {"decision": "approve"})
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    pending.refresh_from_db()
    assert pending.status == BookingStatus.PENDING_APPROVAL


def test_another_learner_holding_the_link_cannot_approve(client, pending, new_staff):
    client.force_login(new_staff)
    token_link = f"/training/approve/{emails.approval_token(pending)}/"
    # The link of an earlier email only leads to the decision page, which finds nothing for them.
    assert client.get(token_link)["Location"] == f"/training/approvals/{pending.pk}/"
    for response in (
        client.get(f"/training/approvals/{pending.pk}/"),
        client.post(f"/training/approvals/{pending.pk}/", {"decision": "approve"}),
        client.post(token_link, {"decision": "approve"}, follow=True),
    ):
        assert response.status_code == 404
        assert "Ben Ward" not in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == BookingStatus.PENDING_APPROVAL
    assert pending.approved_by is None


def test_a_deactivated_manager_cannot_approve(client, pending, practice_lead):
    client.force_login(practice_lead)
    User.objects.filter(pk=practice_lead.pk).update(is_active=False)
    response = client.post(f"/training/approvals/{pending.pk}/", {"decision": "approve"})
    assert response["Location"].startswith("/accounts/login/"), "a deactivated account is signed out"
    with pytest.raises(services.Refused, match="current line manager"):
        services.decide_approval(pending.pk, User.objects.get(pk=practice_lead.pk), approve=True)
    pending.refresh_from_db()
    assert pending.status == BookingStatus.PENDING_APPROVAL


def test_a_replaced_manager_cannot_approve(client, pending, practice_lead, make_person):
    link = _emailed_link(pending)
    profile = pending.learner.profile
    profile.line_manager = make_person("Nina", "Boss")
    profile.save()
    client.force_login(practice_lead)
    page = client.get(link)
    assert page.status_code == 404
    assert "no longer line manage" in page.content.decode()
    client.post(link, {"decision": "approve"})
    with pytest.raises(services.Refused, match="current line manager"):
        services.decide_approval(pending.pk, practice_lead, approve=True)
    pending.refresh_from_db()
    assert pending.status == BookingStatus.PENDING_APPROVAL


def test_after_the_event_started_the_request_has_lapsed(client, pending, practice_lead, event):
    started = event.first_start + dt.timedelta(minutes=5)
    with time_machine.travel(started, tick=False):
        client.force_login(practice_lead)
        page = client.get(f"/training/approvals/{pending.pk}/")
        assert "can no longer be answered" in page.content.decode()
        assert 'value="approve"' not in page.content.decode()
        outcome = services.decide_approval(pending.pk, practice_lead, approve=True)
    assert not outcome.ok
    assert "lapsed" in outcome.message
    pending.refresh_from_db()
    assert pending.status == BookingStatus.LAPSED
    assert pending.approved_by is None
    assert OutboundEmail.objects.filter(
        key=f"booking-approval-lapsed:{pending.pk}", to=[pending.learner.email]
    ).exists()
    assert not OutboundEmail.objects.filter(key=f"booking-confirmed:{pending.pk}").exists()


def test_the_daily_job_lapses_unanswered_requests_once_the_event_starts_and_tells_the_learner_once(
    pending, event, practice_lead
):
    send_reminders(event.first_start - dt.timedelta(minutes=1))
    assert Booking.objects.get(pk=pending.pk).status == BookingStatus.PENDING_APPROVAL
    chases_before = OutboundEmail.objects.filter(key__startswith="booking-approval-chase:").count()
    report = send_reminders(event.first_start + dt.timedelta(hours=1))
    assert report.lapsed == 1
    send_reminders(event.first_start + dt.timedelta(days=1))
    assert Booking.objects.get(pk=pending.pk).status == BookingStatus.LAPSED
    told = OutboundEmail.objects.filter(key__startswith="booking-approval-lapsed:")
    assert told.count() == 1
    mail = told.get()
    assert mail.to == [pending.learner.email]
    assert "was not kept" in mail.body_text
    assert OutboundEmail.objects.filter(key__startswith="booking-approval-chase:").count() == chases_before, (
        "the manager is not chased about a lapsed request"
    )


def test_cancelling_the_event_ends_the_request_and_tells_the_learner(pending, event, trainer, practice_lead):
    services.cancel_event(event.pk, trainer, "Trainer unwell")
    pending.refresh_from_db()
    assert pending.status == BookingStatus.CANCELLED
    assert OutboundEmail.objects.filter(key=f"event-cancelled:{event.pk}:{pending.pk}").exists()
    outcome = services.decide_approval(pending.pk, practice_lead, approve=True)
    assert not outcome.ok
    pending.refresh_from_db()
    assert pending.status == BookingStatus.CANCELLED


def test_a_request_on_an_event_no_longer_open_lapses(pending, event, practice_lead):
    Event.objects.filter(pk=event.pk).update(status=EventStatus.FINISHED)
    assert services.lapse_unanswered_requests() == 1
    assert Booking.objects.get(pk=pending.pk).status == BookingStatus.LAPSED


def test_a_tampered_link_gets_a_clear_message(client, pending, practice_lead):
    client.force_login(practice_lead)
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
    client.force_login(practice_lead)
    forged = signing.dumps({"b": pending.pk, "m": practice_lead.pk}, salt="something-else", compress=True)
    assert client.get(f"/training/approve/{forged}/").status_code == 400


def test_an_expired_link_says_so(client, pending, practice_lead):
    token = emails.approval_token(pending)
    with time_machine.travel(NOW + dt.timedelta(days=15), tick=False):
        client.force_login(practice_lead)
        response = client.get(f"/training/approve/{token}/")
    assert response.status_code == 400
    assert "expired" in response.content.decode()


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
