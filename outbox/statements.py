"""Queue xAPI statements for the council's learning record store and deliver
them the way email is delivered: stored first, sent by `manage.py
send_outbox`, retried with a growing delay when the store is away.

Nothing is sent during a request: a slow or stopped store never slows a
learner down. Each statement is PUT under its own id, so sending it twice (a
retry after a lost answer, two workers) leaves one statement in the store."""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import urllib.error
import urllib.request
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from outbox import xapi
from outbox.models import EmailStatus, OutboundStatement

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
XAPI_VERSION = "1.0.3"


def enabled() -> bool:
    return bool(settings.XAPI_ENDPOINT)


def actor_for(user: Any) -> xapi.Actor:
    return xapi.Actor(
        name=user.get_full_name() or user.get_username(),
        email=user.email,
        account_id=str(user.pk),
        by=settings.XAPI_ACTOR,
    )


def queue_statement(
    key: str,
    user: Any,
    verb: str,
    activity: xapi.Activity,
    result: xapi.Result | None = None,
    when: dt.datetime | None = None,
) -> OutboundStatement | None:
    """Store the statement for `key` unless it is already stored; nothing when
    no store is configured. Call inside the transaction that records the event,
    so the statement exists exactly when the event does."""
    if not enabled():
        return None
    body = xapi.statement(
        site_url=settings.SITE_URL,
        platform=settings.WAGTAIL_SITE_NAME,
        key=key,
        actor=actor_for(user),
        verb=verb,
        activity=activity,
        timestamp=when or timezone.now(),
        result=result,
    )
    row, _ = OutboundStatement.objects.get_or_create(key=key, defaults={"statement_id": body["id"], "statement": body})
    return row


class StoreRefused(Exception):
    """The store answered, but not with success: kept for a retry."""


def _put(statement: dict[str, Any]) -> None:
    url = f"{settings.XAPI_ENDPOINT}/statements?statementId={statement['id']}"
    credentials = base64.b64encode(f"{settings.XAPI_KEY}:{settings.XAPI_SECRET}".encode()).decode()
    request = urllib.request.Request(
        url,
        data=json.dumps(statement).encode(),
        method="PUT",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": XAPI_VERSION,
            "Authorization": f"Basic {credentials}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.XAPI_TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        # 409: the store already holds a statement with this id, which can
        # only be this one (ids are derived from what happened): delivered.
        if exc.code == 409:
            return
        detail = exc.read()[:500].decode(errors="replace")
        raise StoreRefused(f"HTTP {exc.code}: {detail}") from None


def send_one(pk: int) -> bool:
    """Send one pending statement. Locks the row so two workers never both send it."""
    with transaction.atomic():
        row = OutboundStatement.objects.select_for_update().filter(pk=pk, status=EmailStatus.PENDING).first()
        if row is None:
            return False
        row.attempts += 1
        try:
            _put(row.statement)
        except (OSError, StoreRefused) as exc:
            row.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if row.attempts >= MAX_ATTEMPTS:
                row.status = EmailStatus.FAILED
                log.error("xAPI statement gave up", extra={"key": row.key, "error": row.last_error})
            else:
                row.next_attempt_at = timezone.now() + dt.timedelta(minutes=min(2**row.attempts, 24 * 60))
                log.warning("xAPI statement failed, will retry", extra={"key": row.key, "error": row.last_error})
            row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return False
        row.status = EmailStatus.SENT
        row.sent_at = timezone.now()
        row.last_error = ""
        row.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return True


def send_pending(now: dt.datetime | None = None) -> tuple[int, int]:
    """Try every statement that is due, oldest first. Returns (sent, failed
    this time). After the first failure the rest wait for the next run: the
    store is probably away, and hammering it helps nobody."""
    if not enabled():
        return 0, 0
    now = now or timezone.now()
    due = (
        OutboundStatement.objects.filter(status=EmailStatus.PENDING)
        .exclude(next_attempt_at__gt=now)
        .order_by("created_at", "pk")
    )
    sent = 0
    for pk in due.values_list("pk", flat=True):
        if not send_one(pk):
            return sent, 1
        sent += 1
    return sent, 0
