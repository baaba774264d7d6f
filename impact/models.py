"""What the impact app keeps: answers to the evaluation forms, an event's pair of
before-and-after scenarios, practice observations and counts of the writing
coach's use.

Nothing here holds text pasted to be checked: the coach and the observation
form check it in memory and keep only marks and counts (docs/impact.md).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

# The parts of the model a learner rates their confidence with, and the
# observation rubric's elements: the same distinctions the scenarios mark.
MODEL_PARTS: tuple[tuple[str, str], ...] = (
    ("harm_danger", "Telling harm (the past) from danger (the future)"),
    ("strengths_safety", "Telling strengths from safety"),
    ("statements", "Writing danger or worry statements"),
    ("goals", "Writing safety or well-being goals"),
    ("scaling", "Using and explaining scaling questions"),
    ("plain_language", "Writing in plain language families understand"),
)
PART_LABELS = dict(MODEL_PARTS)


class EventPlan(models.Model):
    """An event's matched pair of scenarios: mapped before day one and after the last day.

    The two should be of the same difficulty with a different family, so the
    change measures learning, not memory of the first case."""

    event = models.OneToOneField("training.Event", on_delete=models.CASCADE, related_name="impact_plan")
    before_scenario = models.ForeignKey(
        "scenarios.ScenarioPage",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Learners map this one before day one.",
    )
    after_scenario = models.ForeignKey(
        "scenarios.ScenarioPage",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A matched scenario (same difficulty, different family) mapped after the last day.",
    )

    class Meta:
        verbose_name = "before-and-after scenarios for an event"
        verbose_name_plural = "before-and-after scenarios for events"

    def __str__(self) -> str:
        return f"Before and after: {self.event}"


class DayFeedback(models.Model):
    """One attendee's answers at the end of one day of an event.

    `respondent` is kept only so a person answers once a day and sees, exports
    or erases their own answers; no view for trainers or administrators shows
    it. `agency_name` is copied at the time so the answers still count by
    agency after the person is erased."""

    event = models.ForeignKey("training.Event", on_delete=models.CASCADE, related_name="day_feedback")
    day_number = models.PositiveSmallIntegerField()
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="day_feedback"
    )
    agency_name = models.CharField(max_length=200, blank=True)
    useful = models.TextField("What was useful", blank=True)
    not_useful = models.TextField("What was not useful", blank=True)
    comments = models.TextField("Anything else", blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "day_number", "respondent"], name="day_feedback_once_a_day")
        ]
        indexes = [models.Index(fields=["event", "day_number"])]

    def __str__(self) -> str:
        return f"Feedback on day {self.day_number} of {self.event}"


class Confidence(models.Model):
    """A 1 to 5 rating of confidence with one part of the model, part of a day's feedback."""

    feedback = models.ForeignKey(DayFeedback, on_delete=models.CASCADE, related_name="confidence")
    part = models.CharField(max_length=20, choices=MODEL_PARTS)
    rating = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feedback", "part"], name="confidence_once_a_part")]


class UsedSince(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_MY_ROLE = "not_my_role", "My role does not involve this"


class FollowUp(models.Model):
    """The three-month follow-up: has the learner used the model in their work since?"""

    event = models.ForeignKey("training.Event", on_delete=models.CASCADE, related_name="follow_ups")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="impact_follow_ups"
    )
    agency_name = models.CharField(max_length=200, blank=True)
    used_statement = models.CharField(max_length=12, choices=UsedSince.choices)
    used_goal = models.CharField(max_length=12, choices=UsedSince.choices)
    what_happened = models.TextField(blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "respondent"], name="follow_up_once")]

    def __str__(self) -> str:
        return f"Follow-up on {self.event}"


class ObservationKind(models.TextChoices):
    MAPPING_MEETING = "mapping_meeting", "A mapping meeting with a family or network"
    CASE_WRITING = "case_writing", "Case writing (an assessment, plan or letter)"


class Mark(models.IntegerChoices):
    NOT_SEEN = 0, "Not yet seen"
    DEVELOPING = 1, "Developing"
    SECURE = 2, "Secure"


class Observation(models.Model):
    """A practice lead's or supervisor's observation of a worker's real practice, marked
    against the model's own rubric. The text of the work is never stored."""

    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observations")
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="observations_made"
    )
    observed_on = models.DateField()
    kind = models.CharField(max_length=20, choices=ObservationKind.choices)
    # Copied at the time so the lead's profile over time keeps each observation in
    # the team the worker was in then.
    team_id_then = models.PositiveIntegerField(null=True, blank=True)
    agency_name = models.CharField(max_length=200, blank=True)
    harm_danger = models.PositiveSmallIntegerField(choices=Mark.choices, null=True, blank=True)
    strengths_safety = models.PositiveSmallIntegerField(choices=Mark.choices, null=True, blank=True)
    statements = models.PositiveSmallIntegerField(choices=Mark.choices, null=True, blank=True)
    goals = models.PositiveSmallIntegerField(choices=Mark.choices, null=True, blank=True)
    scaling = models.PositiveSmallIntegerField(choices=Mark.choices, null=True, blank=True)
    plain_language = models.PositiveSmallIntegerField(choices=Mark.choices, null=True, blank=True)
    note = models.TextField("Note for the worker", blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-observed_on", "-pk"]
        indexes = [models.Index(fields=["worker", "observed_on"]), models.Index(fields=["team_id_then"])]

    def __str__(self) -> str:
        return f"Observation of {self.worker} on {self.observed_on:%-d %B %Y}"

    def marks(self) -> list[tuple[str, str, int | None]]:
        """(part, label, mark) for each rubric element, in the rubric's order; None: not applicable."""
        return [(part, label, getattr(self, part)) for part, label in MODEL_PARTS]


class CoachKind(models.TextChoices):
    DANGER = "danger", "Danger statement"
    WORRY = "worry", "Worry statement"
    SAFETY_GOAL = "safety_goal", "Safety goal"
    WELLBEING_GOAL = "wellbeing_goal", "Well-being goal"
    FAMILY = "family", "Explanation for the family"
    CHILD = "child", "Explanation for a child"


class CoachUse(models.Model):
    """How many times the writing coach checked a draft of each kind on one day. Nothing else."""

    day = models.DateField(default=dt.date.today)
    kind = models.CharField(max_length=20, choices=CoachKind.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "kind"], name="coach_use_once_a_day")]

    def __str__(self) -> str:
        return f"{self.count} {self.get_kind_display()} on {self.day}"
