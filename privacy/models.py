"""Records the privacy duties leave behind: who looked at whose records, and
who asked to be forgotten.

An `AuditEvent` is written for every view by a practice lead, trainer or
administrator of a page showing other people's records, and for every export.
Labels are copied so the log still reads after a person is erased. A
`DeletionRequest` is a learner's own request; a training administrator acts
on it by erasing the person (see `services.erase_person`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    VIEW = "view", "Viewed other people's records"
    EXPORT = "export", "Exported records"
    OWN_EXPORT = "own_export", "Downloaded their own data"
    DELETION_REQUESTED = "deletion_requested", "Asked for their account to be deleted"
    ERASED = "erased", "Erased a person"
    RETENTION = "retention", "Erased by the retention rule"


class AuditEvent(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=255, blank=True)
    action = models.CharField(max_length=24, choices=AuditAction.choices)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    subject_label = models.CharField(max_length=255, blank=True)
    what = models.CharField(max_length=120, help_text="The page or action, by its URL name.")
    path = models.CharField(max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["actor", "at"]), models.Index(fields=["subject", "at"])]

    def __str__(self) -> str:
        return f"{self.actor_label} {self.get_action_display().lower()} ({self.what})"


class DeletionStatus(models.TextChoices):
    REQUESTED = "requested", "Waiting for an administrator"
    ERASED = "erased", "Erased"
    WITHDRAWN = "withdrawn", "Withdrawn"


class DeletionRequest(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deletion_requests")
    reason = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=DeletionStatus.choices, default=DeletionStatus.REQUESTED)
    requested_at = models.DateTimeField(auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status="requested"), name="one_open_deletion_request"
            )
        ]

    def __str__(self) -> str:
        return f"Deletion request {self.pk} ({self.get_status_display()})"
