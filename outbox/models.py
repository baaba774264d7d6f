"""Email waiting to go out, kept until it has gone.

Each message has a `key` that names why it is sent (for example
`booking-confirmed:41`); queueing the same key twice keeps one message, so a
repeated request or a re-run reminder job never sends a duplicate.
"""

from __future__ import annotations

from django.db import models


class EmailStatus(models.TextChoices):
    PENDING = "pending", "Waiting to send"
    SENT = "sent", "Sent"
    FAILED = "failed", "Gave up after repeated failures"


class OutboundEmail(models.Model):
    key = models.CharField(max_length=200, unique=True)
    to = models.JSONField(help_text="A list of addresses.")
    subject = models.CharField(max_length=250)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    attachments = models.JSONField(default=list, blank=True, help_text="[{filename, mimetype, content}]")
    status = models.CharField(max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.subject} to {', '.join(self.to)}"


class OutboundStatement(models.Model):
    """An xAPI statement waiting for the learning record store, kept until it
    has gone. `statement_id` is derived from `key` (what happened, e.g.
    `completion:41`), so queueing or sending the same thing again never makes
    a second statement in the store."""

    key = models.CharField(max_length=200, unique=True)
    statement_id = models.UUIDField(unique=True)
    statement = models.JSONField()
    status = models.CharField(max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        verb = self.statement.get("verb", {}).get("display", {}).get("en-GB", "")
        name = self.statement.get("object", {}).get("definition", {}).get("name", {}).get("en-GB", "")
        return f"xAPI: {verb} {name}".strip()
