"""Course pages (course index > course > module > lesson) and what learners do with them."""

from __future__ import annotations

from courses.models.pages import Audience, CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.models.progress import Certificate, CourseCompletion, JournalEntry, LessonProgress, QuestionAnswer

__all__ = [
    "Audience",
    "Certificate",
    "CourseCompletion",
    "CourseIndexPage",
    "CoursePage",
    "JournalEntry",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "QuestionAnswer",
]
