"""The demo loader and `import_course`: idempotent, keeps editors' changes, stable question ids."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from courses import demo
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from matrix.models import Training, TrainingKind

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def counts() -> tuple[int, ...]:
    return (
        CourseIndexPage.objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        LessonPage.objects.count(),
        Training.objects.count(),
    )


def test_it_creates_the_course_list_and_courses_once(home_page):
    demo.load(io.StringIO(), directory=FIXTURES)
    first = counts()
    demo.load(io.StringIO(), directory=FIXTURES)
    assert counts() == first == (1, 2, 3, 4, 2)
    index = CourseIndexPage.objects.get()
    assert (index.slug, index.get_parent().pk) == ("courses", home_page.pk)
    course = CoursePage.objects.get(slug="new-staff")
    assert course.live and course.training.slug == "elearning-new-staff"
    assert course.training.kind == TrainingKind.ELEARNING


def test_it_leaves_a_course_an_editor_changed_alone(home_page):
    demo.load(io.StringIO(), directory=FIXTURES)
    course = CoursePage.objects.get(slug="new-staff")
    course.title = "Edited by an editor"
    course.save_revision().publish()
    demo.load(io.StringIO(), directory=FIXTURES)
    assert CoursePage.objects.get(slug="new-staff").title == "Edited by an editor"


def test_a_bad_file_is_reported_and_the_rest_still_load(home_page, tmp_path):
    (tmp_path / "broken.yaml").write_text("slug: broken\ntitle: x\n")
    (tmp_path / "new-staff.yaml").write_text((FIXTURES / "new-staff.yaml").read_text())
    out = io.StringIO()
    demo.load(out, directory=tmp_path)
    assert "skipped broken.yaml" in out.getvalue()
    assert "broken.yaml: audience: is required" in out.getvalue()
    assert CoursePage.objects.filter(slug="new-staff").exists()


def test_import_course_updates_only_when_asked_and_keeps_question_ids(home_page, tmp_path):
    path = tmp_path / "new-staff.yaml"
    path.write_text((FIXTURES / "new-staff.yaml").read_text())
    out = io.StringIO()
    call_command("import_course", str(path), stdout=out)
    lesson = LessonPage.objects.get(slug="harm-and-danger")
    ids = [question_id for question_id, _ in lesson.knowledge_checks()]
    path.write_text(path.read_text().replace("title: Harm and danger", "title: Harm and danger, revised"))
    call_command("import_course", str(path), stdout=out)
    assert "already exists" in out.getvalue()
    assert LessonPage.objects.get(pk=lesson.pk).title == "Harm and danger"
    call_command("import_course", str(path), "--update", stdout=out)
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.title == "Harm and danger, revised"
    assert [question_id for question_id, _ in lesson.knowledge_checks()] == ids
    assert LessonPage.objects.count() == 3


def test_import_course_refuses_a_bad_file_with_its_problems(home_page, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text((FIXTURES / "new-staff.yaml").read_text().replace("correct: true", "correct: false"))
    with pytest.raises(CommandError) as caught:
        call_command("import_course", str(path))
    assert (
        "bad.yaml: modules[0].lessons[1].blocks[1].knowledge_check.options: at least one option must be correct"
        in str(caught.value)
    )
    assert not CoursePage.objects.exists()


def test_the_real_content_loads_through_load_demo_and_every_lesson_renders(home_page, client, new_staff):
    out = io.StringIO()
    demo.load(out)
    if not list(demo.CONTENT_DIR.glob("*.yaml")):
        pytest.skip("no course content yet")
    assert "skipped" not in out.getvalue(), out.getvalue()
    assert set(CoursePage.objects.values_list("slug", flat=True)) >= {"new-staff", "councillor-briefing"}
    client.force_login(new_staff)
    for lesson in LessonPage.objects.live():
        response = client.get(lesson.url)
        assert response.status_code == 200, lesson.url
        assert "<script>" not in response.content.decode().split('class="app-lesson-body"')[1].split("</main>")[0]
