"""Reflections go to the learner's private journal."""

from __future__ import annotations

from django.urls import reverse

from courses.models import JournalEntry
from courses.tests.conftest import lessons_of


def reflection(lesson):
    return next(child for child in lesson.body if child.block_type == "reflection")


def test_a_reflection_is_saved_to_the_journal_and_shown_again(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[0]
    block = reflection(lesson)
    url = reverse("courses:reflect", args=[lesson.pk, block.id])
    response = client.post(url, {"answer": "The family I met worried about money."})
    assert response["Location"].startswith(lesson.url)
    client.post(url, {"answer": "Changed my mind: it was about housing."})
    entry = JournalEntry.objects.get(user=new_staff)
    assert entry.answer == "Changed my mind: it was about housing." and entry.prompt == block.value["prompt"]
    assert "Changed my mind" in client.get(lesson.url).content.decode()
    journal = client.get(reverse("courses:journal")).content.decode()
    assert "Changed my mind" in journal and course.title in journal


def test_an_empty_reflection_is_refused_with_a_message(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[0]
    url = reverse("courses:reflect", args=[lesson.pk, reflection(lesson).id])
    response = client.post(url, {"answer": "   "}, follow=True)
    assert "Write your reflection before you save it." in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_the_journal_is_private_to_its_owner(client, course, new_staff, practice_lead, training_admin):
    client.force_login(new_staff)
    lesson = lessons_of(course)[0]
    client.post(reverse("courses:reflect", args=[lesson.pk, reflection(lesson).id]), {"answer": "Private thoughts."})
    for other in (practice_lead, training_admin):
        client.force_login(other)
        assert "Private thoughts." not in client.get(reverse("courses:journal")).content.decode()


def test_anonymous_visitors_cannot_see_a_journal_or_write_in_one(client, course):
    assert "/accounts/login/" in client.get(reverse("courses:journal"))["Location"]
    lesson = lessons_of(course)[0]
    client.post(reverse("courses:reflect", args=[lesson.pk, reflection(lesson).id]), {"answer": "x"})
    assert not JournalEntry.objects.exists()


def test_the_saved_confirmation_is_shown_at_the_reflection_itself(client, course, new_staff):
    client.force_login(new_staff)
    lesson = lessons_of(course)[0]
    block = reflection(lesson)
    response = client.post(reverse("courses:reflect", args=[lesson.pk, block.id]), {"answer": "Money worries."})
    assert response["Location"] == f"{lesson.url}?saved={block.id}#r-{block.id}-saved"
    page = client.get(response["Location"]).content.decode()
    section = page.split(f'id="r-{block.id}"', 1)[1].split("</section>", 1)[0]
    assert f'id="r-{block.id}-saved" tabindex="-1"' in section
    assert "Your reflection is saved in your learning journal." in section
    # Not also in a banner at the top, off screen.
    assert page.count("Your reflection is saved in your learning journal.") == 1
