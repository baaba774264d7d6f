"""Emails about a person sent to someone else (a request to their line
manager, a copy of their reminder): each app that sends such mail finds it
by the outbox keys it wrote, for the person's data export and erasure
(see privacy.registry). Mail *to* the person is found by address
(`privacy.core`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from outbox.models import OutboundEmail


def emails_with_keys(
    exact: Iterable[str] = (), prefixes: Iterable[str] = (), pattern: str = ""
) -> QuerySet[OutboundEmail]:
    """Messages whose key is one of `exact`, starts with one of `prefixes`,
    or matches the regular expression `pattern`."""
    query = Q(pk__in=[])
    exact = list(exact)
    if exact:
        query |= Q(key__in=exact)
    for prefix in prefixes:
        query |= Q(key__startswith=prefix)
    if pattern:
        re.compile(pattern)
        query |= Q(key__regex=pattern)
    return OutboundEmail.objects.filter(query).order_by("created_at", "pk")


def export_emails(emails: Iterable[OutboundEmail]) -> list[dict[str, Any]]:
    return [
        {
            "subject": mail.subject,
            "sent_to": list(mail.to),
            "status": mail.get_status_display(),
            "queued_at": mail.created_at,
            "text": mail.body_text,
        }
        for mail in emails
    ]
