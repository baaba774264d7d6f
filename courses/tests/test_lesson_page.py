"""The lesson page: signed-in only, saves the learner's place, moves across modules, fixed queries."""

from __future__ import annotations

from courses.content_file import read_course_file
from courses.importer import import_course
from courses.models import LessonProgress
from courses.tests.conftest import FIXTURES, lessons_of
from elearning.matrix.models import ActivityKind, TrainingActivity


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
