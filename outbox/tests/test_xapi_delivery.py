"""xAPI statements reach a real learning record store (Ralph, started by the
tests on 127.0.0.1): queued with the event, sent by send_outbox, valid for the
store, never duplicated by a resend, and kept until a stopped store is back."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from outbox import statements
from outbox.models import EmailStatus, OutboundStatement
from outbox.xapi import Activity, Result

pytestmark = pytest.mark.django_db


def queue(user, key: str = "course-completion:1", score: int = 80):
    return statements.queue_statement(
        key, user, "completed", Activity("course", "course/12", "New staff"), Result(score, True)
    )


def ours(lrs) -> list[dict]:
    ids = {str(pk) for pk in OutboundStatement.objects.values_list("statement_id", flat=True)}
    return [s for s in lrs.statements() if s["id"] in ids]


def test_nothing_is_queued_when_no_store_is_configured(new_staff, settings):
    settings.XAPI_ENDPOINT = ""
    assert queue(new_staff) is None
    assert not OutboundStatement.objects.exists()


def test_queueing_sends_nothing_during_the_request(lrs, new_staff):
    with transaction.atomic():
        queue(new_staff)
    assert OutboundStatement.objects.get().status == EmailStatus.PENDING
    assert ours(lrs) == []


def test_send_outbox_delivers_a_statement_the_store_accepts_and_returns(lrs, new_staff):
    row = queue(new_staff)
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    assert "Sent 1 xAPI statement(s)" in out.getvalue()
    row.refresh_from_db()
    assert row.status == EmailStatus.SENT and row.attempts == 1
    stored = lrs.statement(str(row.statement_id))
    assert stored["actor"]["mbox"] == f"mailto:{new_staff.email}"
    assert stored["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert stored["result"]["score"]["scaled"] == 0.8


def test_a_resend_does_not_duplicate_the_statement(lrs, new_staff):
    row = queue(new_staff)
    assert queue(new_staff).pk == row.pk  # the same event queued twice: one row
    statements.send_pending()
    # A lost answer: the platform thinks it failed and sends it again.
    OutboundStatement.objects.filter(pk=row.pk).update(status=EmailStatus.PENDING)
    assert statements.send_pending() == (1, 0)
    assert len(ours(lrs)) == 1


def test_a_statement_the_store_refuses_is_kept_with_the_reason(lrs, new_staff):
    row = queue(new_staff)
    broken = dict(row.statement)
    del broken["actor"]  # a statement must say who
    OutboundStatement.objects.filter(pk=row.pk).update(statement=broken)
    assert statements.send_pending() == (0, 1)
    row.refresh_from_db()
    assert row.status == EmailStatus.PENDING and row.attempts == 1
    assert row.last_error.startswith("StoreRefused: HTTP") and row.next_attempt_at > timezone.now()


def test_stopping_the_store_loses_no_statement(lrs, new_staff, outsider):
    lrs.stop()
    try:
        queue(new_staff, "course-completion:1")
        queue(outsider, "course-completion:2")
        assert statements.send_pending() == (0, 1)
        first = OutboundStatement.objects.order_by("pk").first()
        assert first.attempts == 1 and "URLError" in first.last_error
    finally:
        lrs.start()
    # Later, when the retry is due (the next send_outbox run after the delay).
    later = timezone.now() + timezone.timedelta(hours=1)
    assert statements.send_pending(now=later) == (2, 0)
    assert {s["actor"]["mbox"] for s in ours(lrs)} == {f"mailto:{new_staff.email}", f"mailto:{outsider.email}"}
    assert not OutboundStatement.objects.filter(status=EmailStatus.PENDING).exists()


def test_an_account_actor_carries_no_email(lrs, new_staff, settings):
    settings.XAPI_ACTOR = "account"
    row = queue(new_staff)
    statements.send_pending()
    stored = lrs.statement(str(row.statement_id))
    assert stored["actor"]["account"] == {"homePage": settings.SITE_URL, "name": str(new_staff.pk)}
    assert "mbox" not in stored["actor"]
