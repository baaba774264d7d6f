"""Learners' attempts, scenario sets, the jargon list and accepted alternatives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Count, Max, Q
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from matrix.models import Training, TrainingKind
from scenarios.scoring import JargonEntry


class JargonTerm(models.Model):
    """A professional label the scoring flags in learners' statements and goals."""

    term = models.CharField(max_length=80, unique=True)
    plainer = models.CharField(
        "Plainer alternative", max_length=300, help_text="What to say instead, shown to the learner as feedback."
    )

    panels = [FieldPanel("term"), FieldPanel("plainer")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta:
        ordering = ["term"]
        verbose_name = "jargon term"

    def __str__(self) -> str:
        return self.term

    @classmethod
    def scoring_entries(cls) -> tuple[JargonEntry, ...]:
        """Every term with its plainer words, in the form the scoring engine reads."""
        return tuple(JargonEntry(t, p) for t, p in cls.objects.order_by("term").values_list("term", "plainer"))


class ScenarioSet(ClusterableModel):
    """Scenarios that together count as one training on the matrix: pass any N of them."""

    title = models.CharField(max_length=200)
    training = models.OneToOneField(
        Training,
        on_delete=models.PROTECT,
        related_name="scenario_set",
        limit_choices_to={"kind": TrainingKind.SCENARIO_SET},
    )
    scenarios = ParentalManyToManyField("scenarios.ScenarioPage", related_name="scenario_sets")
    passes_needed = models.PositiveSmallIntegerField(default=1, help_text="How many different scenarios to pass.")

    panels = [FieldPanel("title"), FieldPanel("training"), FieldPanel("scenarios"), FieldPanel("passes_needed")]

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class AttemptStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    SUBMITTED = "submitted", "Submitted"


class AttemptQuerySet(models.QuerySet["Attempt"]):
    def submitted(self) -> AttemptQuerySet:
        return self.filter(status=AttemptStatus.SUBMITTED)

    def progress_by_scenario(self, user: Any, scenario_ids: list[int]) -> dict[int, dict[str, Any]]:
        """Per scenario: the learner's open draft, best score and whether passed, in one query."""
        rows = (
            self.filter(user=user, scenario_id__in=scenario_ids)
            .values("scenario_id")
            .annotate(
                drafts=Count("id", filter=Q(status=AttemptStatus.DRAFT)),
                draft_id=Max("id", filter=Q(status=AttemptStatus.DRAFT)),
                best=Max("score", filter=Q(status=AttemptStatus.SUBMITTED)),
                passes=Count("id", filter=Q(status=AttemptStatus.SUBMITTED, passed=True)),
                submitted=Count("id", filter=Q(status=AttemptStatus.SUBMITTED)),
            )
        )
        return {row["scenario_id"]: row for row in rows}


class Attempt(models.Model):
    """One learner's go at one scenario: a draft until submitted, then scored.

    `mapping` holds the answer exactly as typed (the mapping file's shape);
    `result` the engine's result JSON. A trainer's override changes the score
    the learner sees and counts for the matrix, never the stored result.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scenario_attempts")
    scenario = models.ForeignKey("scenarios.ScenarioPage", on_delete=models.CASCADE, related_name="attempts")
    model_version = models.CharField(max_length=12, blank=True, help_text="Fingerprint of the model answer used.")
    status = models.CharField(max_length=10, choices=AttemptStatus.choices, default=AttemptStatus.DRAFT)
    mapping = models.JSONField(default=dict, blank=True)
    result = models.JSONField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    override_score = models.PositiveSmallIntegerField(null=True, blank=True)
    override_note = models.TextField(blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["scenario", "status"]),
            models.Index(fields=["user", "scenario", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.scenario_id} ({self.get_status_display()})"

    @property
    def is_draft(self) -> bool:
        return self.status == AttemptStatus.DRAFT

    @property
    def final_score(self) -> int | None:
        return self.override_score if self.override_score is not None else self.score

    def statements(self) -> list[str]:
        return list(self.mapping.get("statements") or [])

    def goals(self) -> list[str]:
        return list(self.mapping.get("goals") or [])

    def rescores(self, alternatives: Iterable[AcceptedAlternative]) -> list[Rescored]:
        """Each time accepting an alternative changed this attempt's score, oldest first.

        `alternatives` are the scenario's; each keeps the attempts it rescored
        with the scores before and after (`AcceptedAlternative.rescored`), so
        nothing more is stored per attempt.
        """
        changes = [
            Rescored(
                alternative=alternative,
                old=old,
                new=new,
                own_text=alternative.attempt_id == self.pk,
                after_override=self.overridden_at is not None and self.overridden_at < alternative.accepted_at,
            )
            for alternative in alternatives
            for pk, old, new in alternative.rescored
            if pk == self.pk
        ]
        return sorted(changes, key=lambda change: (change.when, change.alternative.pk))

    def score_when_overridden(self, rescores: list[Rescored]) -> int | None:
        """The marking's score when a trainer overrode it (rescoring since then changed `score`, not that)."""
        if self.overridden_at is None:
            return None
        later = [change for change in rescores if change.after_override]
        return later[0].old if later else self.score


@dataclass(frozen=True)
class Rescored:
    """One rescoring of an attempt by an accepted alternative: the marking's score before and after,
    whether the accepted text was this attempt's own, and whether a trainer's earlier override (which
    rescoring never changes) still decides the score the learner sees."""

    alternative: AcceptedAlternative
    old: int
    new: int
    own_text: bool
    after_override: bool

    @property
    def when(self) -> dt.datetime:
        return self.alternative.accepted_at


class AcceptedAlternative(models.Model):
    """A trainer accepted a learner's statement or goal as an alternative model answer."""

    class Section(models.TextChoices):
        STATEMENTS = "statements", "Statement"
        GOALS = "goals", "Goal"

    scenario = models.ForeignKey("scenarios.ScenarioPage", on_delete=models.CASCADE, related_name="alternatives")
    attempt = models.ForeignKey(Attempt, null=True, on_delete=models.SET_NULL, related_name="+")
    section = models.CharField(max_length=10, choices=Section.choices)
    model_index = models.PositiveSmallIntegerField(help_text="Which model statement or goal (from 0).")
    text = models.TextField()
    note = models.TextField()
    rescored = models.JSONField(default=list, help_text="[attempt id, old score, new score] for each change.")
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-accepted_at"]
