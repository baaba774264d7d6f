"""What makes an attempt trustworthy: when a learner first saw a model answer, and trainers' comments in review."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ModelAnswerSeen(models.Model):
    """The first time a learner was shown a scenario's model answer (their result page).

    Attempts submitted after this are practice: the model answer teaches, but
    an answer written with it in view cannot show what the learner knows.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    scenario = models.ForeignKey("scenarios.ScenarioPage", on_delete=models.CASCADE, related_name="+")
    first_seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "scenario"], name="scenarios_model_answer_seen_once")]
        verbose_name = "model answer seen"

    def __str__(self) -> str:
        return f"{self.user} saw {self.scenario_id} at {self.first_seen_at:%Y-%m-%d %H:%M}"


class CommentTarget(models.TextChoices):
    CARD = "card", "Card"
    STATEMENT = "statement", "Statement"
    GOAL = "goal", "Goal"


class ReviewComment(models.Model):
    """A trainer's comment on one card, statement or goal of an attempt, shown beside it on the learner's result.

    `key` is the card's item id, or the statement's or goal's position (from 1)
    among the texts the learner wrote.
    """

    attempt = models.ForeignKey("scenarios.Attempt", on_delete=models.CASCADE, related_name="review_comments")
    target = models.CharField(max_length=10, choices=CommentTarget.choices)
    key = models.CharField(max_length=64)
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["attempt", "target", "key"])]

    def __str__(self) -> str:
        return f"Comment on {self.target} {self.key} of attempt {self.attempt_id}"
