"""Editors preview pages in the admin, saved or not, without saving any progress."""

from __future__ import annotations

from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory

from courses.models import CoursePage, LessonPage, LessonProgress, ModulePage
from courses.tests.conftest import lessons_of


def editor_request(user):
    request = RequestFactory().get("/admin/pages/preview/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = user
    return request


def test_a_published_lesson_previews_without_saving_progress(course, content_editor):
    lesson = lessons_of(course)[1]
    response = lesson.make_preview_request(original_request=editor_request(content_editor))
    assert response.status_code == 200
    assert "Which of these is a danger statement?" in response.rendered_content
    assert not LessonProgress.objects.exists()


def test_pages_not_saved_yet_preview_too(course, content_editor):
    module = ModulePage.objects.child_of(course).first()
    body = [("markdown", "Draft text"), ("reflection", {"prompt": "Draft prompt?"})]
    new_pages = [
        LessonPage(title="Draft lesson", slug="draft", body=body),
        ModulePage(title="Draft module", slug="draft-module"),
        CoursePage(title="Draft course", slug="draft-course", summary="S"),
    ]
    for page in new_pages:
        # Wagtail's create view previews an unsaved page placed under its parent.
        parent = module if isinstance(page, LessonPage) else course
        page.path, page.depth = parent.path + "9999", parent.depth + 1
        response = page.make_preview_request(original_request=editor_request(content_editor))
        assert response.status_code == 200, page.title
        assert page.title in response.rendered_content
