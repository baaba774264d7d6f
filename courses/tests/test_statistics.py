"""The editors' statistics view in the admin."""

from __future__ import annotations

from django.urls import reverse

from courses.tests.conftest import correct_options, lessons_of, wrong_option


def answer(client, lesson, option_ids):
    question_id, _ = correct_options(lesson)
    client.post(reverse("courses:answer", args=[lesson.pk, question_id]), {"option": option_ids})


def test_only_content_editors_and_training_admins_see_the_statistics(
    client, course, content_editor, training_admin, trainer, new_staff
):
    url = reverse("course_statistics")
    for allowed in (content_editor, training_admin):
        client.force_login(allowed)
        assert client.get(url).status_code == 200
    for refused in (trainer, new_staff):
        client.force_login(refused)
        assert client.get(url).status_code in (302, 403)


def test_it_counts_starts_completions_and_the_most_common_wrong_answer(
    client, course, make_person, content_editor, django_assert_max_num_queries
):
    lesson = lessons_of(course)[1]
    _, wrong = wrong_option(lesson)
    _, right = correct_options(lesson)
    for n in range(3):
        client.force_login(make_person("Learner", f"N{n}"))
        client.get(lesson.url)
        answer(client, lesson, [wrong] if n < 2 else right)
        if n < 2:
            answer(client, lesson, right)
    client.force_login(content_editor)
    client.get(reverse("course_statistics"))
    with django_assert_max_num_queries(25):
        page = client.get(reverse("course_statistics")).content.decode()
    assert "Which of these is a danger statement?" in page
    assert "67% (2)" in page
    assert "Dad drinks too much. (2)" in page
    row = page.split(course.title, 1)[1].split("</tr>")[0]
    assert "<td>3</td>" in row and "<td>0</td>" in row


def test_a_checkbox_question_answered_short_names_the_combination_not_none(client, course, make_person, content_editor):
    lesson = lessons_of(course)[2]
    question_id, right = correct_options(lesson)
    for n in range(2):
        client.force_login(make_person("Learner", f"C{n}"))
        client.get(lesson.url)
        # Only one of the two right houses: wrong, though every option chosen is right.
        client.post(reverse("courses:answer", args=[lesson.pk, question_id]), {"option": right[:1]})
    client.force_login(content_editor)
    page = client.get(reverse("course_statistics")).content.decode()
    row = page.split("Which houses are in the Three Houses tool?", 1)[1].split("</tr>")[0]
    assert "None" not in row
    assert "House of worries only, leaving out a right answer (2)" in row


def test_a_question_nobody_got_wrong_says_so(client, course, make_person, content_editor):
    lesson = lessons_of(course)[1]
    question_id, right = correct_options(lesson)
    client.force_login(make_person("Learner", "Right"))
    client.get(lesson.url)
    client.post(reverse("courses:answer", args=[lesson.pk, question_id]), {"option": right})
    client.force_login(content_editor)
    row = client.get(reverse("course_statistics")).content.decode().split("danger statement?", 1)[1].split("</tr>")[0]
    assert "None" not in row and "No wrong answers" in row
