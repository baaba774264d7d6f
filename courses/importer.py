"""Turning a checked course file (CourseSpec) into published Wagtail pages.

Block and option ids are derived from the course, module and lesson slugs and
the block's position, so importing the same file again gives the same ids and
learners' saved answers still match their questions after `--update`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from wagtail.models import Page

from courses.content_file import CourseSpec, LessonSpec, ModuleSpec, read_course_file
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from matrix.models import Training, TrainingKind

ID_NAMESPACE = uuid.UUID("6f1d3c1e-52a4-4c8e-9a55-7d1f0b6c2e11")
CONTENT_DIR = Path(__file__).resolve().parent / "content"
INDEX_INTRO = (
    "<p>Short online courses to take at your own pace. Your place is saved as you go, "
    "so you can stop and come back at any time.</p>"
)


@dataclass(frozen=True)
class ImportResult:
    course: CoursePage
    action: str  # "created", "updated" or "kept"


def stable_id(*parts: object) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(p) for p in parts)))


def _list_items(values: list[Any], *parts: object) -> list[dict[str, Any]]:
    return [{"type": "item", "value": v, "id": stable_id(*parts, i)} for i, v in enumerate(values)]


def lesson_stream(course: CourseSpec, module: ModuleSpec, lesson: LessonSpec) -> list[dict[str, Any]]:
    """The lesson body in StreamField's stored form, ids included."""
    stream = []
    for index, (kind, value) in enumerate(lesson.blocks):
        block_id = stable_id(course.slug, module.slug, lesson.slug, index, kind)
        if kind == "three_columns":
            value = {
                "title": value["title"],
                **{
                    column: _list_items(value[column], block_id, column)
                    for column in ("worries", "working_well", "needs_to_happen")
                },
            }
        elif kind == "knowledge_check":
            value = {**value, "options": _list_items(value["options"], block_id, "options")}
        stream.append({"type": kind, "value": value, "id": block_id})
    return stream


def ensure_course_index(home: Page) -> CourseIndexPage:
    index = CourseIndexPage.objects.first()
    if index is not None:
        return index
    index = CourseIndexPage(title="Courses", slug="courses", intro=INDEX_INTRO)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _training(spec: CourseSpec) -> Training:
    training, _ = Training.objects.get_or_create(
        slug=spec.training_slug, defaults={"title": spec.training_title, "kind": TrainingKind.ELEARNING}
    )
    return training


def _publish(parent: Page, page: Page, existing: Page | None) -> Page:
    if existing is None:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def import_course(spec: CourseSpec, index: CourseIndexPage, *, update: bool = False) -> ImportResult:
    """Create the course, or with `update` bring an existing one in line with the
    file (pages the file does not name are left alone). Without `update` an
    existing course is kept as editors left it."""
    course = CoursePage.objects.child_of(index).filter(slug=spec.slug).first()
    if course is not None and not update:
        return ImportResult(course, "kept")
    action = "created" if course is None else "updated"
    existing = course
    course = course or CoursePage(slug=spec.slug)
    course.title = spec.title
    course.audience = spec.audience
    course.audience_description = spec.audience_description
    course.estimated_minutes = spec.estimated_minutes
    course.summary = spec.summary
    course.learning_outcomes = "\n".join(spec.learning_outcomes)
    course.pass_mark = spec.pass_mark
    course.training = _training(spec)
    _publish(index, course, existing)
    for module_spec in spec.modules:
        module_existing = ModulePage.objects.child_of(course).filter(slug=module_spec.slug).first()
        module = module_existing or ModulePage(slug=module_spec.slug)
        module.title = module_spec.title
        module.summary = module_spec.summary
        _publish(course, module, module_existing)
        for lesson_spec in module_spec.lessons:
            lesson_existing = LessonPage.objects.child_of(module).filter(slug=lesson_spec.slug).first()
            lesson = lesson_existing or LessonPage(slug=lesson_spec.slug)
            lesson.title = lesson_spec.title
            lesson.minutes = lesson_spec.minutes
            lesson.summary = lesson_spec.summary
            lesson.body = lesson_stream(spec, module_spec, lesson_spec)
            _publish(module, lesson, lesson_existing)
    return ImportResult(course, action)


def import_course_file(path: Path, index: CourseIndexPage, *, update: bool = False) -> ImportResult:
    """Raises content_file.ContentFileError when the file has problems; nothing is saved then."""
    return import_course(read_course_file(path), index, update=update)


def content_files(directory: Path = CONTENT_DIR) -> list[Path]:
    return sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")) if directory.is_dir() else []
