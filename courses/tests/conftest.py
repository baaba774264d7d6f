"""Courses made from the small fixture files, and helpers to walk through them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from courses.content_file import read_course_file
from courses.importer import ensure_course_index, import_course
from courses.models import CourseIndexPage, CoursePage, LessonPage

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def course_index(home_page: Any) -> CourseIndexPage:
    return ensure_course_index(home_page)


@pytest.fixture
def course(course_index: CourseIndexPage) -> CoursePage:
    """The small new-staff course: 2 modules, 3 lessons, 2 questions (one multiple choice)."""
    return import_course(read_course_file(FIXTURES / "new-staff.yaml"), course_index).course


@pytest.fixture
def briefing(course_index: CourseIndexPage) -> CoursePage:
    return import_course(read_course_file(FIXTURES / "councillor-briefing.yaml"), course_index).course


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def correct_options(lesson: LessonPage, question_index: int = 0) -> tuple[str, list[str]]:
    question_id, value = lesson.knowledge_checks()[question_index]
    return question_id, [c.id for c in value["options"].bound_blocks if c.value["correct"]]


def wrong_option(lesson: LessonPage, question_index: int = 0) -> tuple[str, str]:
    question_id, value = lesson.knowledge_checks()[question_index]
    return question_id, next(c.id for c in value["options"].bound_blocks if not c.value["correct"])
