"""E-learning's part of a person's data: progress, answers, journal,
completions and certificates (see privacy.registry)."""

from __future__ import annotations

from typing import Any

from courses.models import Certificate, CourseCompletion, JournalEntry, LessonProgress, QuestionAnswer

SECTION = "elearning"
ERASED_NAME = "Erased person"


def export_user_data(user: Any) -> dict[str, Any]:
    return {
        "lesson_progress": [
            {
                "course": row.course.title,
                "lesson": row.lesson.title,
                "opened_at": row.opened_at,
                "last_opened_at": row.last_opened_at,
                "completed_at": row.completed_at,
            }
            for row in LessonProgress.objects.filter(user=user).select_related("course", "lesson").order_by("id")
        ],
        "knowledge_check_answers": [
            {
                "course": row.course.title,
                "lesson": row.lesson.title,
                "question": row.question_id,
                "chosen": row.chosen,
                "correct": row.correct,
                "attempts": row.attempts,
                "first_chosen": row.first_chosen,
                "first_correct": row.first_correct,
                "answered_at": row.answered_at,
            }
            for row in QuestionAnswer.objects.filter(user=user).select_related("course", "lesson").order_by("id")
        ],
        "journal": [
            {
                "course": row.course_title,
                "lesson": row.lesson_title,
                "prompt": row.prompt,
                "answer": row.answer,
                "updated_at": row.updated_at,
            }
            for row in JournalEntry.objects.filter(user=user).order_by("created_at", "id")
        ],
        "course_completions": [
            {"course": row.course_title, "completed_on": row.completed_on, "score_percent": row.score_percent}
            for row in CourseCompletion.objects.filter(user=user).order_by("completed_on", "id")
        ],
        "certificates": [
            {
                "course": row.course_title,
                "name_on_certificate": row.learner_name,
                "issued_on": row.issued_on,
                "code": row.code,
            }
            for row in Certificate.objects.filter(user=user).order_by("issued_on", "id")
        ],
    }


def anonymise_user(user: Any) -> None:
    """The journal is the learner's own words: it goes. Progress, answers and
    completions stay (without a name) so course statistics stay right; a
    certificate still verifies, but no longer names anyone."""
    JournalEntry.objects.filter(user=user).delete()
    Certificate.objects.filter(user=user).update(learner_name=ERASED_NAME)
