"""What learners do: lessons opened and completed, answers, journal entries,
course completions and certificates. Written only through `courses.services`.

Rows point at pages, but never disappear when a page is unpublished: progress
survives editing. Certificates and journal entries keep a copy of the titles
they show, so they still read right after a page is renamed or deleted.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse

from courses.rules import format_code


class LessonProgress(models.Model):
    """A learner opened a lesson (and, once `completed_at` is set, completed it)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="progress")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="lesson_progress")
    opened_at = models.DateTimeField()
    last_opened_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "lesson progress"
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="lesson_progress_once")]
        indexes = [models.Index(fields=["user", "course"]), models.Index(fields=["course", "user"])]

    def __str__(self) -> str:
        return f"{self.user} on lesson {self.lesson_id}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class QuestionAnswer(models.Model):
    """A learner's latest answer to one knowledge-check question, with what they
    chose the first time (for the editors' statistics) and how many attempts."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_answers")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="answers")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64, help_text="The knowledge-check block's id in the lesson body.")
    chosen = models.JSONField(default=list, help_text="Option ids of the latest answer.")
    correct = models.BooleanField(default=False)
    attempts = models.PositiveIntegerField(default=1)
    first_chosen = models.JSONField(default=list)
    first_correct = models.BooleanField(default=False)
    first_answered_at = models.DateTimeField()
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson", "question_id"], name="question_answer_once")]
        indexes = [models.Index(fields=["user", "course"]), models.Index(fields=["course", "question_id"])]

    def __str__(self) -> str:
        return f"{self.user} answered {self.question_id}"


class JournalEntry(models.Model):
    """A learner's answer to a reflection prompt. Private: only its owner sees it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries")
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="journal_entries"
    )
    prompt_id = models.CharField(max_length=64)
    lesson_title = models.CharField(max_length=255)
    course_title = models.CharField(max_length=255, blank=True)
    prompt = models.TextField()
    answer = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "journal entries"
        ordering = ["-updated_at"]
        constraints = [models.UniqueConstraint(fields=["user", "lesson", "prompt_id"], name="journal_entry_once")]

    def __str__(self) -> str:
        return f"Journal entry of {self.user} on {self.lesson_title}"


class CourseCompletion(models.Model):
    """A learner completed a course. Also written to the training matrix as a
    CompletionRecord. A course due for renewal is completed again: each time
    adds a completion (and a certificate), and the earlier ones stay as history."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_completions")
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="completions"
    )
    course_title = models.CharField(max_length=255)
    completed_on = models.DateField()
    score_percent = models.PositiveSmallIntegerField(help_text="Knowledge-check questions answered correctly, in %.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        indexes = [models.Index(fields=["user", "course"], name="course_completion_user_course")]

    def __str__(self) -> str:
        return f"{self.user} completed {self.course_title}"


class Certificate(models.Model):
    """Proof of a completion that anyone can check with its code."""

    completion = models.OneToOneField(CourseCompletion, on_delete=models.CASCADE, related_name="certificate")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="certificates"
    )
    learner_name = models.CharField(max_length=255)
    course_title = models.CharField(max_length=255)
    issued_on = models.DateField()
    valid_until = models.DateField(
        null=True, blank=True, help_text="When the training must be renewed; empty when it never needs renewing."
    )
    code = models.CharField(max_length=16, unique=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"Certificate {self.display_code} for {self.learner_name}"

    def get_absolute_url(self) -> str:
        return reverse("courses:certificate", args=[self.code])

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    def get_pdf_url(self) -> str:
        return reverse("courses:certificate_pdf", args=[self.code])

    def get_verify_url(self) -> str:
        return reverse("courses:verify_code", args=[self.code])

    def replaced_by(self) -> Certificate | None:
        """A later certificate of the same person for the same course, if any."""
        if self.course_id is None:
            return None
        return (
            Certificate.objects.filter(user_id=self.user_id, course_id=self.course_id, pk__gt=self.pk)
            .order_by("-issued_on", "-pk")
            .first()
        )

    def is_current(self, today: dt.date) -> bool:
        """Still in date and not replaced by a renewal."""
        in_date = self.valid_until is None or today <= self.valid_until
        return in_date and self.replaced_by() is None
