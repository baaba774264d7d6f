"""Answering a knowledge check: saved, fed back, idempotent, and safe against bad input."""

from __future__ import annotations

from django.urls import reverse

from courses.models import QuestionAnswer
from courses.tests.conftest import correct_options, lessons_of, wrong_option


def answer_url(lesson, question_id):
    return reverse("courses:answer", args=[lesson.pk, question_id])


def test_anonymous_visitors_cannot_answer(client, course):
    lesson = lessons_of(course)[1]
    question_id, right = correct_options(lesson)
    response = client.post(answer_url(lesson, question_id), {"option": right})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not QuestionAnswer.objects.exists()


def test_a_wrong_answer_is_saved_and_the_page_reloads_at_the_question_with_feedback(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[1]
    question_id, wrong = wrong_option(lesson)
    response = client.post(answer_url(lesson, question_id), {"option": [wrong]})
    assert response["Location"] == f"{lesson.url}#q-{question_id}"
    page = client.get(lesson.url).content.decode()
    assert "Not quite right" in page and "drinking is a complicating factor" in page
    assert f'value="{wrong}" checked' in page
    assert 'role="status" aria-live="polite"' in page
    answer = QuestionAnswer.objects.get(user=new_staff)
    assert (answer.correct, answer.attempts, answer.first_correct) == (False, 1, False)


def test_a_right_answer_after_a_wrong_one_counts_a_second_attempt(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[1]
    question_id, wrong = wrong_option(lesson)
    _, right = correct_options(lesson)
    client.post(answer_url(lesson, question_id), {"option": [wrong]})
    client.post(answer_url(lesson, question_id), {"option": right})
    answer = QuestionAnswer.objects.get(user=new_staff)
    assert (answer.correct, answer.attempts, answer.first_correct, answer.first_chosen) == (True, 2, False, [wrong])
    assert "Correct" in client.get(lesson.url).content.decode()


def test_submitting_the_same_answer_twice_is_not_a_second_attempt(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[1]
    question_id, wrong = wrong_option(lesson)
    for _ in range(2):
        client.post(answer_url(lesson, question_id), {"option": [wrong]})
    answer = QuestionAnswer.objects.get()
    assert answer.attempts == 1
    assert QuestionAnswer.objects.count() == 1


def test_the_script_enhancement_gets_the_feedback_as_json(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[2]
    question_id, right = correct_options(lesson)
    response = client.post(answer_url(lesson, question_id), {"option": right}, HTTP_ACCEPT="application/json")
    data = response.json()
    assert data["correct"] is True and "Correct" in data["html"] and "Worries, good things and dreams" in data["html"]


def test_an_option_from_another_question_is_refused_with_a_message(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[1]
    question_id, _ = correct_options(lesson)
    _, other_options = correct_options(lessons_of(course)[2])
    response = client.post(answer_url(lesson, question_id), {"option": other_options[:1]})
    assert response.status_code == 400
    assert "not one of this question&#x27;s options" in response.content.decode()
    assert not QuestionAnswer.objects.exists()


def test_two_answers_to_a_single_choice_question_are_refused(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[1]
    question_id, value = lesson.knowledge_checks()[0]
    ids = [c.id for c in value["options"].bound_blocks]
    response = client.post(answer_url(lesson, question_id), {"option": ids[:2]}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and "one answer only" in response.json()["error"]


def test_an_empty_answer_asks_the_learner_to_choose(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[1]
    question_id, _ = correct_options(lesson)
    response = client.post(answer_url(lesson, question_id), {}, follow=True)
    assert "Choose an answer." in response.content.decode()
    assert not QuestionAnswer.objects.exists()


def test_an_unknown_question_is_refused_with_a_message(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[1]
    response = client.post(answer_url(lesson, "not-a-question"), {"option": ["x"]})
    assert response.status_code == 400 and "no longer in this lesson" in response.content.decode()


def test_an_answer_to_an_unpublished_lesson_gets_a_clear_not_found_page(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[1]
    question_id, wrong = wrong_option(lesson)
    client.post(answer_url(lesson, question_id), {"option": [wrong]})
    lesson.unpublish()
    _, right = correct_options(lesson)
    response = client.post(answer_url(lesson, question_id), {"option": right})
    assert response.status_code == 404
    assert "This lesson is not available" in response.content.decode()
    assert "Your progress in the course is saved" in response.content.decode()
    assert QuestionAnswer.objects.get().chosen == [wrong]


def test_an_answer_to_a_lesson_that_does_not_exist_is_not_found(client, course, new_staff):
    client.force_login(new_staff)
    response = client.post(
        reverse("courses:answer", args=[999999, "q"]), {"option": ["x"]}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 404 and "not available" in response.json()["error"]


def test_an_answer_to_a_lesson_behind_a_group_restriction_is_refused_to_outsiders(client, course, new_staff):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    lesson = lessons_of(course)[1]
    restriction = PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Trainers")])
    client.force_login(new_staff)
    question_id, right = correct_options(lesson)
    assert client.post(answer_url(lesson, question_id), {"option": right}).status_code == 404
    assert not QuestionAnswer.objects.exists()


def test_answers_are_not_accepted_by_get(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[1]
    question_id, _ = correct_options(lesson)
    assert client.get(answer_url(lesson, question_id)).status_code == 405
