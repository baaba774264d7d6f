"""Email is retried when the mail server fails and never sent twice."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from outbox import services
from outbox.models import EmailStatus, OutboundEmail

pytestmark = pytest.mark.django_db


class FailingBackend(EmailBackend):
    def send_messages(self, messages):  # type: ignore[no-untyped-def]
        raise ConnectionRefusedError("the mail server is down")


def queue(key: str = "booking-confirmed:1") -> OutboundEmail:
    return services.queue_email(key, to=["sam@example.org"], subject="Your place", body_text="You have a place.")


def test_a_failed_send_stays_pending_and_is_retried_later(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.security.test_outbox_reliability.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (EmailStatus.PENDING, 1)
    assert "mail server is down" in message.last_error and message.next_attempt_at > timezone.now()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.send_pending() == (0, 0)  # not due yet
    with time_machine.travel(message.next_attempt_at + dt.timedelta(seconds=1)):
        call_command("send_outbox", stdout=io.StringIO())
        call_command("send_outbox", stdout=io.StringIO())
    message.refresh_from_db()
    assert (message.status, message.attempts) == (EmailStatus.SENT, 2)
    assert len(mail.outbox) == 1


def test_the_same_key_twice_sends_one_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue()
        queue()
    services.send_pending()
    assert OutboundEmail.objects.count() == 1 and len(mail.outbox) == 1


def test_it_gives_up_after_the_last_attempt(settings):
    settings.EMAIL_BACKEND = "tests.security.test_outbox_reliability.FailingBackend"
    message = OutboundEmail.objects.create(key="k", to=["a@example.org"], subject="s", body_text="b")
    for _ in range(services.MAX_ATTEMPTS):
        OutboundEmail.objects.filter(pk=message.pk).update(next_attempt_at=None)
        services.send_pending()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (EmailStatus.FAILED, services.MAX_ATTEMPTS)
    assert services.send_pending() == (0, 0)


def test_a_message_already_sent_is_never_sent_again():
    message = OutboundEmail.objects.create(key="k", to=["a@example.org"], subject="s", body_text="b")
    assert services.send_one(message.pk) is True
    assert services.send_one(message.pk) is False
    assert len(mail.outbox) == 1
