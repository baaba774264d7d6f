"""Views of other people's records are logged, and administrators can read the log."""

from __future__ import annotations

import pytest
from django.urls import reverse

from privacy.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_a_practice_lead_opening_the_matrix_is_logged_with_where_from(client, practice_lead, home_page):
    client.force_login(practice_lead)
    assert client.get(reverse("matrix:people"), REMOTE_ADDR="10.1.2.3").status_code == 200
    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.what, event.ip_address) == (
        practice_lead,
        AuditAction.VIEW,
        "matrix:people",
        "10.1.2.3",
    )


def test_an_export_is_logged_as_an_export(client, training_admin, home_page):
    client.force_login(training_admin)
    response = client.get(reverse("matrix:people_export", args=["csv"]))
    assert response.status_code == 200
    b"".join(response.streaming_content) if response.streaming else response.content
    assert AuditEvent.objects.get().action == AuditAction.EXPORT


def test_a_trainer_reading_someone_elses_attempt_is_logged_against_that_person(client, records, trainer):
    client.force_login(trainer)
    assert client.get(reverse("scenarios:result", args=[records.attempt.pk])).status_code == 200
    event = AuditEvent.objects.get(what="scenarios:result")
    assert event.subject == records.user and "Sam Okafor" in event.subject_label


def test_a_learner_reading_their_own_attempt_is_not_logged(client, records):
    client.force_login(records.user)
    assert client.get(reverse("scenarios:result", args=[records.attempt.pk])).status_code == 200
    assert not AuditEvent.objects.exists()


def test_a_refused_page_is_not_logged(client, new_staff, home_page):
    client.force_login(new_staff)
    assert client.get(reverse("matrix:people")).status_code in (302, 403, 404)
    assert not AuditEvent.objects.exists()


def test_training_administrators_read_and_filter_the_log(client, practice_lead, training_admin, home_page):
    client.force_login(practice_lead)
    client.get(reverse("matrix:people"))
    client.force_login(training_admin)
    page = client.get(reverse("privacy:audit_log"), {"who": "Priya"})
    assert page.status_code == 200 and "Priya Shah" in page.content.decode()
    assert "matrix:people" in page.content.decode()
    assert "Priya Shah" not in client.get(reverse("privacy:audit_log"), {"who": "nobody-by-that-name"}).content.decode()


@pytest.mark.parametrize("who", ["new_staff", "practice_lead", "trainer", "content_editor"])
def test_no_one_else_reads_the_log(client, request, who, home_page):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("privacy:audit_log")).status_code == 403


def test_every_audited_page_name_is_a_real_url():
    from django.urls import get_resolver

    from privacy.audit import AUDITED

    names: set[str] = set()

    def walk(patterns, namespace=""):
        for entry in patterns:
            if hasattr(entry, "url_patterns"):
                walk(entry.url_patterns, namespace + (f"{entry.namespace}:" if entry.namespace else ""))
            elif entry.name:
                names.add(namespace + entry.name)

    walk(get_resolver().url_patterns)
    assert sorted(set(AUDITED) - names) == []


def test_an_administrator_opening_a_learner_profile_in_the_admin_is_logged_against_that_person(
    client, training_admin, new_staff, home_page
):
    client.force_login(training_admin)
    profile = new_staff.profile
    assert client.get(f"/admin/snippets/people/learnerprofile/edit/{profile.pk}/").status_code == 200
    event = AuditEvent.objects.get(what="wagtailsnippets_people_learnerprofile:edit")
    assert event.actor == training_admin and event.subject == new_staff
    assert client.get("/admin/snippets/people/learnerprofile/").status_code == 200
    assert AuditEvent.objects.filter(what="wagtailsnippets_people_learnerprofile:list").exists()


@pytest.fixture
def superuser(make_person):
    from people.models import User

    person = make_person("Sasha", "Root")
    User.objects.filter(pk=person.pk).update(is_superuser=True, is_staff=True)
    person.refresh_from_db()
    return person


@pytest.mark.parametrize(
    ("view_name", "path", "about_the_person"),
    [
        (
            "wagtailsnippets_people_learnerprofile:history",
            "/admin/snippets/people/learnerprofile/history/{profile}/",
            True,
        ),
        (
            "wagtailsnippets_people_learnerprofile:delete",
            "/admin/snippets/people/learnerprofile/delete/{profile}/",
            True,
        ),
        ("wagtailsnippets_people_learnerprofile:usage", "/admin/snippets/people/learnerprofile/usage/{profile}/", True),
        ("wagtailusers_users:history", "/admin/users/history/{user}/", True),
        ("wagtailusers_users:delete", "/admin/users/delete/{user}/", True),
        ("wagtailusers_users:index_results", "/admin/users/results/", False),
        ("wagtailsnippets_outbox_outboundemail:list_results", "/admin/snippets/outbox/outboundemail/results/", False),
        ("wagtailsnippets_outbox_outboundemail:inspect", "/admin/snippets/outbox/outboundemail/inspect/{mail}/", False),
        ("wagtailsnippets_outbox_outboundstatement:list", "/admin/snippets/outbox/outboundstatement/", False),
        (
            "wagtailsnippets_training_bookingauditentry:list_results",
            "/admin/snippets/training/bookingauditentry/results/",
            False,
        ),
        ("privacy:audit_log", "/my-data/audit/", False),
    ],
)
def test_every_page_that_shows_a_persons_records_is_logged(
    client, superuser, new_staff, home_page, view_name, path, about_the_person
):
    from django.urls import resolve

    from outbox.models import OutboundEmail

    mail = OutboundEmail.objects.create(
        key="audit-test", to=[new_staff.email], subject="Your booking", body_text="Hello Sam"
    )
    url = path.format(profile=new_staff.profile.pk, user=new_staff.pk, mail=mail.pk)
    assert resolve(url).view_name == view_name
    client.force_login(superuser)
    assert client.get(url).status_code == 200
    event = AuditEvent.objects.get(what=view_name)
    assert event.actor == superuser
    if about_the_person:
        assert event.subject == new_staff


def test_a_line_manager_placing_people_on_an_event_is_logged(client, training_admin, world):
    client.force_login(training_admin)
    assert client.get(reverse("training:place_people", args=[world["event"].pk])).status_code == 200
    assert AuditEvent.objects.filter(what="training:place_people", actor=training_admin).exists()


def test_a_line_manager_reading_proposed_profile_changes_is_logged(client, make_person, new_staff, home_page):
    manager = make_person("Mo", "Manager")
    new_staff.profile.line_manager = manager
    new_staff.profile.save()
    client.force_login(manager)
    assert client.get(reverse("people:changes")).status_code == 200
    assert AuditEvent.objects.filter(what="people:changes", actor=manager).exists()
