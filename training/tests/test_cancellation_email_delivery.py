"""Cancelling an event emails everyone booked, from the worker, not from the trainer's request.

A real SMTP server (aiosmtpd) listens on 127.0.0.1 for these tests and can be
told to refuse mail; the outbox's task backend is the database one that
production uses, and the worker is the `db_worker` command production runs.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.core.management import call_command
from django.urls import reverse

from outbox.models import EmailStatus, OutboundEmail
from training import services

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["email"]},
}


class MailServer:
    """Counts the connections made to it and keeps the messages it accepts."""

    def __init__(self) -> None:
        self.connections = 0
        self.messages: list[Envelope] = []
        self.refuse = False

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if self.refuse:
            return "451 4.3.2 Not accepting mail just now, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 Message accepted"

    def subjects_to(self, start: str) -> list[tuple[str, ...]]:
        found = []
        for envelope in self.messages:
            content = envelope.content.decode() if isinstance(envelope.content, bytes) else str(envelope.content)
            if f"Subject: {start}" in content:
                found.append(tuple(envelope.rcpt_tos))
        return found


class CountingSMTP(SMTP):
    def connection_made(self, transport: Any) -> None:
        self.event_handler.connections += 1
        super().connection_made(transport)


class CountingController(Controller):
    def factory(self) -> SMTP:
        return CountingSMTP(self.handler, **self.SMTP_kwargs)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def mail_server(settings: Any) -> Iterator[MailServer]:
    server = MailServer()
    controller = CountingController(server, hostname="127.0.0.1", port=_free_port())
    controller.start()
    server.connections = 0  # the controller's own check that it is listening
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.TASKS = DATABASE_TASKS
    yield server
    controller.stop()


def run_worker() -> None:
    call_command(
        "db_worker",
        "--backend=outbox",
        "--queue-name=email",
        "--batch",
        "--no-startup-delay",
        "--interval=0",
        "--no-reload",
        verbosity=0,
    )


def _booked_event(make_event: Any, learners: Any, places: int) -> Any:
    event = make_event(capacity=places)
    for person in learners(places):
        services.book(event.pk, person)
    return event


@pytest.mark.django_db(transaction=True)
def test_a_trainer_cancelling_an_event_with_20_bookings_opens_no_mail_connection_and_the_worker_sends_each_once(
    client, trainer, make_event, learners, mail_server
):
    event = _booked_event(make_event, learners, 20)
    run_worker()  # the booking confirmations
    mail_server.messages.clear()
    mail_server.connections = 0

    client.force_login(trainer)
    response = client.post(reverse("training:cancel_event", args=[event.pk]), {"reason": "Venue flooded"})

    assert response.status_code == 302
    assert mail_server.connections == 0
    assert OutboundEmail.objects.filter(key__startswith="event-cancelled:", status=EmailStatus.PENDING).count() == 20

    run_worker()
    run_worker()  # a second run finds nothing left to send

    cancelled = mail_server.subjects_to("Event cancelled")
    assert len(cancelled) == 20
    assert len(set(cancelled)) == 20
    assert set(OutboundEmail.objects.filter(key__startswith="event-cancelled:").values_list("status", flat=True)) == {
        EmailStatus.SENT
    }


@pytest.mark.django_db(transaction=True)
def test_the_worker_tries_again_later_when_the_mail_server_refuses(
    client, trainer, make_event, learners, mail_server, frozen_now
):
    event = _booked_event(make_event, learners, 3)
    run_worker()
    mail_server.messages.clear()
    mail_server.refuse = True

    client.force_login(trainer)
    client.post(reverse("training:cancel_event", args=[event.pk]), {"reason": "Trainer unwell"})
    run_worker()

    waiting = OutboundEmail.objects.filter(key__startswith="event-cancelled:")
    assert mail_server.subjects_to("Event cancelled") == []
    assert {(m.status, m.attempts) for m in waiting} == {(EmailStatus.PENDING, 1)}

    mail_server.refuse = False
    run_worker()  # not due yet: the first retry waits two minutes
    assert mail_server.subjects_to("Event cancelled") == []

    frozen_now.shift(dt.timedelta(minutes=3))
    run_worker()
    run_worker()

    assert len(mail_server.subjects_to("Event cancelled")) == 3
    assert {(m.status, m.attempts) for m in waiting.all()} == {(EmailStatus.SENT, 2)}
