"""The course page: each lesson's state in words, the progress bar, start or continue; fixed queries."""

from __future__ import annotations

from django.urls import reverse

from courses.tests.conftest import correct_options, lessons_of


def test_anonymous_visitors_are_sent_to_sign_in(client, course):
    assert "/accounts/login/" in client.get(course.url)["Location"]


def test_a_new_learner_sees_every_lesson_not_started_and_a_start_button(client, course, new_staff):
    client.force_login(new_staff)
    page = client.get(course.url).content.decode()
    assert page.count(">Not started</strong>") == 3
    assert "0 of 3 lessons complete" in page
    assert "Start course" in page and lessons_of(course)[0].url in page


def test_the_page_shows_progress_in_words_and_continues_where_the_learner_left_off(client, course, new_staff):
    client.force_login(new_staff)
    first, second, _ = lessons_of(course)
    client.get(first.url)
    client.post(reverse("courses:complete", args=[first.pk]))
    client.get(second.url)
    page = client.get(course.url).content.decode()
    assert "1 of 3 lessons complete" in page
    assert page.count(">Complete</strong>") == 1 and page.count(">In progress</strong>") == 1
    assert "Continue where you left off" in page
    assert f'href="{second.url}" role="button"' in page


def test_an_unpublished_lesson_keeps_progress_and_the_count_stays_right(client, course, new_staff):
    client.force_login(new_staff)
    first, second, _ = lessons_of(course)
    client.get(first.url)
    client.post(reverse("courses:complete", args=[first.pk]))
    first.unpublish()
    page = client.get(course.url).content.decode()
    assert "0 of 2 lessons complete" in page
    first.save_revision().publish()
    assert "1 of 3 lessons complete" in client.get(course.url).content.decode()


def test_the_course_page_does_not_grow_with_lessons_or_learners(
    client, course, briefing, new_staff, make_person, django_assert_max_num_queries
):
    client.force_login(new_staff)
    client.get(briefing.url)
    with django_assert_max_num_queries(30) as small:
        client.get(briefing.url)
    small_count = len(small)
    for n in range(4):
        other = make_person("Other", f"Learner{n}")
        client.force_login(other)
        for lesson in lessons_of(course):
            client.get(lesson.url)
    client.force_login(new_staff)
    for lesson in lessons_of(course):
        client.get(lesson.url)
        question = lesson.knowledge_checks()
        if question:
            question_id, right = correct_options(lesson)
            client.post(reverse("courses:answer", args=[lesson.pk, question_id]), {"option": right})
    # Like the small course above, measured once the course tree's shape is cached.
    client.get(course.url)
    with django_assert_max_num_queries(small_count):
        assert client.get(course.url).status_code == 200
