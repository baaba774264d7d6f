"""The lesson page: signed-in only, saves the learner's place, moves across modules, fixed queries."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.db import connection
from django.utils import timezone

from courses.content_file import read_course_file
from courses.importer import import_course
from courses.models import LessonProgress
from courses.tests.conftest import FIXTURES, lessons_of
from matrix.models import ActivityKind, TrainingActivity


def test_anonymous_visitors_are_sent_to_sign_in(client, course):
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_opening_a_lesson_saves_the_place_and_starts_the_course(client, course, new_staff):
    client.force_login(new_staff)
    first = lessons_of(course)[0]
    response = client.get(first.url)
    assert response.status_code == 200
    assert LessonProgress.objects.filter(user=new_staff, lesson=first, completed_at=None).exists()
    activity = TrainingActivity.objects.get(user=new_staff, kind=ActivityKind.STARTED)
    assert activity.training == course.training


def writes_during(client, url: str) -> list[str]:
    """The INSERT/UPDATE/DELETE statements run while the client fetches url."""
    writes: list[str] = []

    def record(execute, sql, params, many, context):
        if sql.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            writes.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        assert client.get(url).status_code == 200
    return writes


def test_reloading_the_last_lesson_writes_nothing_and_going_back_moves_the_place(client, course, new_staff):
    client.force_login(new_staff)
    first, second, _ = lessons_of(course)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert any("courses_lessonprogress" in sql for sql in writes_during(client, first.url))
        clock.shift(dt.timedelta(seconds=5))
        writes_during(client, second.url)
        clock.shift(dt.timedelta(seconds=5))
        # A reload of the lesson last opened: the place is already right.
        assert writes_during(client, second.url) == []
        # Back to the first lesson: the place moves, so "continue" goes there.
        clock.shift(dt.timedelta(seconds=5))
        assert writes_during(client, first.url) != []
        page = client.get(course.url).content.decode()
        assert f'href="{first.url}" role="button"' in page
        # Much later, reopening the same lesson records when it was opened.
        clock.shift(dt.timedelta(minutes=6))
        assert writes_during(client, first.url) != []
        progress = LessonProgress.objects.get(user=new_staff, lesson=first)
        assert progress.last_opened_at == timezone.now()


def test_a_missing_or_unpublished_page_under_the_course_list_is_not_found(client, course, new_staff):
    client.force_login(new_staff)
    first, second, _ = lessons_of(course)
    assert client.get(first.url.rstrip("/") + "-nope/").status_code == 404
    assert client.get(course.url + "no-such-module/").status_code == 404
    assert client.get(first.url + "deeper/").status_code == 404
    second.unpublish()
    assert client.get(second.url).status_code == 404
    # The course and its module are found as before.
    assert client.get(course.url).status_code == 200
    assert client.get(first.get_parent().url).status_code == 200


def test_previous_and_next_cross_module_boundaries(client, course, new_staff):
    client.force_login(new_staff)
    first, second, third = lessons_of(course)
    page = client.get(second.url).content.decode()
    assert f'href="{first.url}" rel="prev"' in page
    assert f'href="{third.url}" rel="next"' in page
    assert "Lesson 2 of 3" in page
    last = client.get(third.url).content.decode()
    assert 'rel="next"' not in last and f'href="{second.url}" rel="prev"' in last


def test_it_shows_the_blocks_and_strips_script_from_markdown(client, course, new_staff):
    client.force_login(new_staff)
    first, _, third = lessons_of(course)
    page = client.get(first.url).content.decode()
    assert "<script>alert" not in page
    assert "What are we worried about?" in page and "Plain language" in page
    assert 'href="/scenarios/hollins-family/"' in client.get(third.url).content.decode()


def test_a_lesson_page_does_not_grow_with_lessons_or_learners(
    client, course_index, new_staff, make_person, django_assert_max_num_queries, tmp_path
):
    client.force_login(new_staff)
    small = import_course(read_course_file(FIXTURES / "new-staff.yaml"), course_index).course
    lesson = lessons_of(small)[1]
    client.get(lesson.url)
    with django_assert_max_num_queries(40) as small:
        assert client.get(lesson.url).status_code == 200
    small_count = len(small)
    # A course ten times longer, with more learners who have progress.
    text = (FIXTURES / "new-staff.yaml").read_text().replace("slug: new-staff", "slug: big-course")
    modules = text.split("modules:\n", 1)[1]
    extra = "".join(
        modules.replace("- slug: basics", f"- slug: basics-{i}").replace("- slug: tools", f"- slug: tools-{i}")
        for i in range(10)
    )
    path = tmp_path / "big-course.yaml"
    path.write_text(text.split("modules:\n", 1)[0] + "modules:\n" + extra)
    big = import_course(read_course_file(path), course_index).course
    big_lessons = lessons_of(big)
    assert len(big_lessons) == 30
    for n in range(5):
        other = make_person("Other", f"Learner{n}")
        client.force_login(other)
        for item in big_lessons[:5]:
            client.get(item.url)
    client.force_login(new_staff)
    for item in big_lessons[:11]:
        client.get(item.url)
    with django_assert_max_num_queries(small_count):
        assert client.get(big_lessons[10].url).status_code == 200
