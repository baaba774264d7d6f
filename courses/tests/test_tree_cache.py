"""The cached course tree (`courses.tree_cache`): every change an editor makes
is seen on the learner's next request, and a learner's progress is never cached."""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from courses.models import LessonPage, ModulePage
from courses.tests.conftest import lessons_of


def _page(client, url):
    return client.get(url).content.decode()


def test_a_lesson_published_after_the_outline_was_cached_appears_at_once(client, course, new_staff):
    client.force_login(new_staff)
    assert "0 of 3 lessons complete" in _page(client, course.url)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    lesson = LessonPage(title="Writing for the family", slug="writing-for-the-family", body=[])
    module.add_child(instance=lesson)
    lesson.save_revision().publish()
    page = _page(client, course.url)
    assert "0 of 4 lessons complete" in page and "Writing for the family" in page
    assert client.get(lesson.url).status_code == 200


def test_a_draft_lesson_stays_out_of_the_outline_until_published(client, course, new_staff):
    client.force_login(new_staff)
    _page(client, course.url)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    lesson = LessonPage(title="Not ready yet", slug="not-ready-yet", body=[], live=False)
    module.add_child(instance=lesson)
    lesson.save_revision()
    assert "Not ready yet" not in _page(client, course.url)
    assert client.get(lesson.url).status_code == 404
    lesson.get_latest_revision().publish()
    assert "Not ready yet" in _page(client, course.url)
    assert client.get(LessonPage.objects.get(pk=lesson.pk).url).status_code == 200


def test_a_renamed_lesson_shows_its_new_title_and_answers_at_its_new_address(client, course, new_staff):
    client.force_login(new_staff)
    first = lessons_of(course)[0]
    old_url = first.url
    assert client.get(old_url).status_code == 200
    _page(client, course.url)
    first.title = "A clearer title"
    first.slug = "a-clearer-title"
    first.save_revision().publish()
    first.refresh_from_db()
    assert "A clearer title" in _page(client, course.url)
    assert client.get(old_url).status_code == 404
    assert client.get(first.url).status_code == 200


def test_a_lesson_moved_to_another_module_is_listed_there_and_its_breadcrumbs_follow(client, course, new_staff):
    client.force_login(new_staff)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    first = lessons_of(course)[0]
    assert f">{modules[0].title}<" in _page(client, first.url)
    first.move(modules[1], pos="last-child")
    moved = LessonPage.objects.get(pk=first.pk)
    page = _page(client, moved.url)
    assert f">{modules[1].title}<" in page
    assert client.get(course.url).status_code == 200


def test_a_restricted_lesson_is_refused_at_once_after_the_restriction_is_added(client, course, new_staff):
    client.force_login(new_staff)
    first = lessons_of(course)[0]
    assert client.get(first.url).status_code == 200
    trainers_only = Group.objects.create(name="Lesson reviewers")
    restriction = PageViewRestriction.objects.create(page=Page.objects.get(pk=first.pk), restriction_type="groups")
    restriction.groups.add(trainers_only)
    assert client.get(first.url).status_code == 302  # Wagtail sends them to sign in as someone allowed
    assert first.title not in _page(client, course.url)


def test_progress_is_the_learner_own_and_never_shared_through_the_cache(client, course, new_staff, make_person):
    first = lessons_of(course)[0]
    client.force_login(new_staff)
    client.get(first.url)
    client.post(f"/learning/lessons/{first.pk}/complete/")
    assert "1 of 3 lessons complete" in _page(client, course.url)
    client.force_login(make_person("Other", "Learner"))
    assert "0 of 3 lessons complete" in _page(client, course.url)


def test_only_page_and_restriction_changes_reach_the_tree_cache(course, new_staff, monkeypatch):
    """A learner's progress, an email or a profile saved never touches the tree's version."""
    from courses import tree_cache
    from matrix.models import CompletionRecord, CompletionSource

    bumps = []
    monkeypatch.setattr(tree_cache, "bump", lambda: bumps.append(1))
    CompletionRecord.objects.create(
        user=new_staff, training=course.training, completed_on="2026-11-01", source=CompletionSource.MANUAL
    )
    new_staff.profile.save()
    assert bumps == []
    lesson = LessonPage.objects.live().first()
    lesson.title = "Renamed"
    lesson.save()
    assert bumps
