"""Queue an email whose words live in templates, not in code.

`<template>_subject.txt` and `<template>_body.txt` are rendered with the
context; the subject is one line. Same key, one message (see `queue_email`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from outbox.models import OutboundEmail
from outbox.services import queue_email


def render_email(template: str, context: Mapping[str, Any]) -> tuple[str, str]:
    """The subject and plain-text body of `template` for `context`."""
    full = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "partnership_name": settings.PARTNERSHIP_NAME,
        "site_url": settings.SITE_URL.rstrip("/"),
        **context,
    }
    subject = " ".join(render_to_string(f"{template}_subject.txt", full).split())
    body = render_to_string(f"{template}_body.txt", full).strip() + "\n"
    return subject, body


def queue_templated_email(key: str, to: Sequence[str], template: str, context: Mapping[str, Any]) -> OutboundEmail:
    subject, body = render_email(template, context)
    return queue_email(key, to, subject, body)
