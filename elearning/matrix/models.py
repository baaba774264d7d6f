"""The training catalogue and the one record of every completion.

`Training` is what a requirement names: an e-learning course, a classroom
course or a set of case scenarios. Each of those owns exactly one `Training`
row. `CompletionRecord` is the single place where a completion is written,
whatever its source, so the matrix never has to ask three apps.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class TrainingKind(models.TextChoices):
    ELEARNING = "elearning", "E-learning course"
    CLASSROOM = "classroom", "Classroom training"
    SCENARIO_SET = "scenario_set", "Case scenarios"


class Training(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=TrainingKind.choices)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class CompletionSource(models.TextChoices):
    ELEARNING = "elearning", "E-learning course completed"
    CLASSROOM = "classroom", "Classroom training attended in full"
    SCENARIO = "scenario", "Case scenario passed"
    IMPORTED = "imported", "Imported from a previous system"
    MANUAL = "manual", "Recorded by a training administrator"


class CompletionRecord(models.Model):
    """One person completed one training on one date.

    `source_ref` names what produced the record (for example `course:12`,
    `event:7`, `attempt:301`, `import:2026-11-20`); together with the user,
    training and source it makes recording the same completion twice a no-op.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="completions")
    training = models.ForeignKey(Training, on_delete=models.PROTECT, related_name="completions")
    completed_on = models.DateField()
    source = models.CharField(max_length=20, choices=CompletionSource.choices)
    source_ref = models.CharField(max_length=120, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "training", "source", "source_ref"], name="completion_recorded_once"
            )
        ]
        indexes = [models.Index(fields=["training", "user", "completed_on"])]

    def __str__(self) -> str:
        return f"{self.user} completed {self.training} on {self.completed_on:%d %b %Y}"


class ActivityKind(models.TextChoices):
    STARTED = "started", "Started"
    BOOKED = "booked", "Booked"


class TrainingActivity(models.Model):
    """Work under way towards a training: an e-learning course started, or a
    place booked on a classroom event. Written by the app that owns the
    activity, read by the matrix for its 'in progress' and 'booked' states."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_activity")
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="activity")
    kind = models.CharField(max_length=10, choices=ActivityKind.choices)
    since = models.DateField(help_text="When it started, or the first day of the booked event.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "training", "kind"], name="activity_once_per_kind")]
        indexes = [models.Index(fields=["training", "kind"])]

    def __str__(self) -> str:
        return f"{self.user} {self.get_kind_display().lower()} {self.training}"
