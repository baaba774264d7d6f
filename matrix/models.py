"""The training catalogue and the one record of every completion.

`Training` is what a requirement names: an e-learning course, a classroom
course or a set of case scenarios. Each of those owns exactly one `Training`
row. `CompletionRecord` is the single place where a completion is written,
whatever its source, so the matrix never has to ask three apps.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from matrix import status as status_rules


class TrainingKind(models.TextChoices):
    ELEARNING = "elearning", "E-learning course"
    CLASSROOM = "classroom", "Classroom training"
    SCENARIO_SET = "scenario_set", "Case scenarios"


class Training(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=TrainingKind.choices)
    description = models.TextField(blank=True)
    link = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where a learner starts or books it, for example /courses/new-staff/. Empty: the list for its kind.",
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def start_url(self) -> str:
        """Where a learner goes to do this training."""
        if self.link:
            return self.link
        return {
            TrainingKind.ELEARNING: "/courses/",
            TrainingKind.CLASSROOM: "/training/",
            TrainingKind.SCENARIO_SET: "/scenarios/",
        }.get(self.kind, "/")


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
    # Who changed what, from what, to what, when and why (matrix/history.py).
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        ordering = ["-completed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "training", "source", "source_ref"], name="completion_recorded_once"
            )
        ]
        indexes = [
            models.Index(fields=["training", "user", "completed_on"]),
            models.Index(fields=["user", "training"]),
            # The completions chart counts by day for the trainings required of
            # the people in view; with training and user in the index it never
            # reads the table.
            models.Index(fields=["completed_on", "training", "user"], name="completion_day_training_user"),
        ]

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


class DueFrom(models.TextChoices):
    """The stored form of `matrix.status.DueFrom` (tested equal)."""

    START_DATE = status_rules.DueFrom.START_DATE.value, "The person's start date"
    ASSIGNMENT_DATE = status_rules.DueFrom.ASSIGNMENT_DATE.value, "The date the requirement first applied to the person"


class DueUnit(models.TextChoices):
    """The stored form of `matrix.status.DueUnit` (tested equal)."""

    DAYS = status_rules.DueUnit.DAYS.value, "days"
    MONTHS = status_rules.DueUnit.MONTHS.value, "months"


class Requirement(models.Model):
    """People in `role` (in `agency`, or in every agency when it is empty) must
    complete `training` within a period of their start date or of the date the
    requirement first applied to them, and again every `renewal_months`.

    When a role has both an every-agency requirement and an agency's own
    requirement for the same training, the agency's own one applies."""

    training = models.ForeignKey(Training, on_delete=models.PROTECT, related_name="requirements")
    role = models.ForeignKey("people.Role", on_delete=models.CASCADE, related_name="training_requirements")
    agency = models.ForeignKey(
        "people.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="training_requirements",
        help_text="Leave empty for every agency.",
    )
    due_within = models.PositiveSmallIntegerField(default=30, help_text="How long people have to complete it.")
    due_unit = models.CharField(max_length=10, choices=DueUnit.choices, default=DueUnit.DAYS)
    due_from = models.CharField(max_length=20, choices=DueFrom.choices, default=DueFrom.START_DATE)
    renewal_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Leave empty when it never needs renewing (for example 24 for two years)."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["training__title", "role__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "role", "agency"],
                condition=models.Q(agency__isnull=False),
                name="requirement_once_per_agency",
            ),
            models.UniqueConstraint(
                fields=["training", "role"], condition=models.Q(agency__isnull=True), name="requirement_once_for_all"
            ),
        ]

    def __str__(self) -> str:
        where = self.agency.name if self.agency_id else "every agency"
        return f"{self.role} ({where}): {self.training}"

    @property
    def deadline_text(self) -> str:
        unit = self.get_due_unit_display()
        if self.due_within == 1:
            unit = unit.rstrip("s")
        start = "starting" if self.due_from == DueFrom.START_DATE else "it applies to them"
        text = f"within {self.due_within} {unit} of {start}"
        if self.renewal_months:
            text += f", then every {self.renewal_months} months"
        return text


class Exemption(models.Model):
    """A person need not do a training (for example they completed an
    equivalent course elsewhere), until `until` when it is set."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_exemptions")
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="exemptions")
    reason = models.CharField(max_length=255)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    until = models.DateField(null=True, blank=True, help_text="Leave empty for a permanent exemption.")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "training"], name="exemption_once_per_training")]

    def __str__(self) -> str:
        return f"{self.user} exempt from {self.training}"


class MatrixStatus(models.TextChoices):
    """The stored form of `matrix.status.Status`, which owns the rules and the values (tested equal).
    `not_required` is never stored: a requirement that does not apply has no row."""

    NOT_STARTED = status_rules.Status.NOT_STARTED.value, "Not started"
    IN_PROGRESS = status_rules.Status.IN_PROGRESS.value, "In progress"
    BOOKED = status_rules.Status.BOOKED.value, "Booked"
    COMPLETE = status_rules.Status.COMPLETE.value, "Complete"
    EXPIRING_SOON = status_rules.Status.EXPIRING_SOON.value, "Expiring soon"
    EXPIRED = status_rules.Status.EXPIRED.value, "Expired"
    OVERDUE = status_rules.Status.OVERDUE.value, "Overdue"
    EXEMPT = status_rules.Status.EXEMPT.value, "Exempt"


class RequirementAssignment(models.Model):
    """A requirement applies to a person, since `assigned_on`, and where they
    stand with it.

    The fields below `assigned_on` are derived: `services.refresh_people`
    rewrites them from completions, activity and exemptions whenever one of
    those changes, and again once `recheck_on` arrives (a deadline passing,
    an expiry drawing near). The matrix pages read only this table, so they
    cost the same few queries at any size. The row is removed when the
    requirement stops applying (a change of role or agency)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="requirement_assignments")
    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="assignments")
    assigned_on = models.DateField()
    status = models.CharField(max_length=20, choices=MatrixStatus.choices, default=MatrixStatus.NOT_STARTED)
    due_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    booked_on = models.DateField(null=True, blank=True)
    started_on = models.DateField(null=True, blank=True)
    exemption_reason = models.CharField(max_length=255, blank=True)
    status_on = models.DateField(help_text="The day the status was worked out for.")
    recheck_on = models.DateField(null=True, blank=True, help_text="The status may change on this day.")
    # Copies of the person's agency, team and role and of the requirement's
    # training, rewritten with the status, so the summary counts this table
    # alone (from an index) instead of joining every row to its profile.
    agency = models.ForeignKey("people.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    team = models.ForeignKey("people.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    role = models.ForeignKey("people.Role", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    training = models.ForeignKey(Training, null=True, on_delete=models.CASCADE, related_name="+")
    # Only the inputs are kept in the history: the derived fields are
    # rewritten in bulk (no history) from the inputs' own histories, and the
    # row's creation and removal (a requirement starting or stopping to apply).
    history = HistoricalRecords(
        excluded_fields=[
            "status",
            "due_on",
            "completed_on",
            "expires_on",
            "booked_on",
            "started_on",
            "exemption_reason",
            "status_on",
            "recheck_on",
            "agency",
            "team",
            "role",
            "training",
        ]
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "requirement"], name="assignment_once_per_requirement")]
        indexes = [
            models.Index(fields=["recheck_on"]),
            models.Index(fields=["requirement", "status"]),
            models.Index(fields=["status", "user"]),
            models.Index(fields=["agency", "role", "training", "status"], name="assignment_agency_role_count"),
            models.Index(fields=["team", "training", "status"], name="assignment_team_count"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.requirement.training} ({self.get_status_display()})"


class ImportKind(models.TextChoices):
    STAFF = "staff", "Staff"
    COMPLETIONS = "completions", "Historical completions"


class ImportBatch(models.Model):
    """An uploaded file waiting for confirmation, then the record of its import.

    The file is read once, on upload, and its rows are kept with it, so that
    the confirmation imports exactly what was previewed (and checks it again
    against the database) without reading the file again."""

    kind = models.CharField(max_length=20, choices=ImportKind.choices)
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    # The file read once, on upload ({"headers": [...], "rows": [[...], ...]}):
    # the preview and the import check these rows, and never read the file again.
    table = models.JSONField(null=True, blank=True, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    imported_rows = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} import of {self.filename}"
