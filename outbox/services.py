"""Queue email, send it once, retry it when the mail server fails.

`send_templated` renders a message from its templates
(`templates/<app>/emails/<name>_subject.txt`, `_body.txt`, optional
`_body.html`) and queues it. `queue_email` stores the message and, once the
surrounding transaction has committed, hands it to the `deliver_email` task,
which a worker runs outside the request (outbox.tasks). Anything that fails
stays pending and is tried again with a growing delay (outbox.delivery),
giving up after `MAX_ATTEMPTS`; `manage.py send_outbox`, run from cron, also
sends whatever is due, so a message survives a lost task.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from outbox.delivery import MAX_ATTEMPTS, send_one, send_pending
from outbox.models import OutboundEmail
from outbox.tasks import deliver_email

__all__ = ["MAX_ATTEMPTS", "Attachment", "queue_email", "send_one", "send_pending", "send_templated"]


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


def queue_email(
    key: str,
    to: Sequence[str],
    subject: str,
    body_text: str,
    body_html: str = "",
    attachments: Iterable[Attachment] = (),
) -> OutboundEmail:
    """Store a message under `key` and send it after commit. Same key, one message."""
    message, created = OutboundEmail.objects.get_or_create(
        key=key,
        defaults={
            "to": list(to),
            "subject": subject,
            "body_text": body_text,
            "body_html": body_html,
            "attachments": [
                {"filename": a.filename, "mimetype": a.mimetype, "content": base64.b64encode(a.content).decode()}
                for a in attachments
            ],
        },
    )
    if created:
        transaction.on_commit(lambda: deliver_email.enqueue(message.pk))
    return message


def render_email(template: str, context: Mapping[str, Any]) -> tuple[str, str, str]:
    """(subject, text body, HTML body or "") from `<template>_subject.txt`,
    `_body.txt` and the optional `_body.html`.

    Every template also sees `site_name`, `partnership_name` and `site_url`. The subject is
    one line whatever the template's line breaks; the text body keeps its own.
    """
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "partnership_name": settings.PARTNERSHIP_NAME,
        "site_url": settings.SITE_URL,
        **context,
    }
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body_text = render_to_string(f"{template}_body.txt", context).strip() + "\n"
    try:
        body_html = render_to_string(f"{template}_body.html", context)
    except TemplateDoesNotExist:
        body_html = ""
    return subject, body_text, body_html


def send_templated(
    key: str,
    to: Sequence[str],
    template: str,
    context: Mapping[str, Any],
    attachments: Iterable[Attachment] = (),
) -> OutboundEmail:
    """Render the message from its templates (see `render_email`) and queue it under `key`."""
    subject, body_text, body_html = render_email(template, context)
    return queue_email(key, to, subject, body_text, body_html, attachments)
