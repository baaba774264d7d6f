"""Send a stored message once; on failure keep it for a later try.

Used by the `deliver_email` task (outbox.tasks) and by `manage.py
send_outbox`, which cron runs to retry whatever is due.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from outbox.models import EmailStatus, OutboundEmail

log = logging.getLogger("outbox.services")
MAX_ATTEMPTS = 6


def send_one(pk: int) -> bool:
    """Send one pending message. Locks the row so two workers never both send it."""
    with transaction.atomic():
        message = OutboundEmail.objects.select_for_update().filter(pk=pk, status=EmailStatus.PENDING).first()
        if message is None:
            return False
        email = EmailMultiAlternatives(
            subject=message.subject,
            body=message.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=message.to,
        )
        if message.body_html:
            email.attach_alternative(message.body_html, "text/html")
        for item in message.attachments:
            email.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
        message.attempts += 1
        try:
            email.send(fail_silently=False)
        except Exception as exc:  # noqa: BLE001 - any transport failure is retried later
            message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = EmailStatus.FAILED
                log.error("email gave up", extra={"key": message.key, "error": message.last_error})
            else:
                delay = dt.timedelta(minutes=2**message.attempts)
                message.next_attempt_at = timezone.now() + delay
                log.warning("email failed, will retry", extra={"key": message.key, "error": message.last_error})
            message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return False
        message.status = EmailStatus.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return True


def send_pending(now: dt.datetime | None = None) -> tuple[int, int]:
    """Try every message that is due. Returns (sent, failed this time)."""
    now = now or timezone.now()
    due = OutboundEmail.objects.filter(status=EmailStatus.PENDING).exclude(next_attempt_at__gt=now)
    sent = failed = 0
    for pk in due.values_list("pk", flat=True):
        if send_one(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed
