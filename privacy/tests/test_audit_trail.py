"""The audit trail cannot be rewritten: erasing a member of staff leaves what
they looked at as it was written, the erasure says who erased whom, and only
a superuser can erase an administrator."""

from __future__ import annotations

import pytest
from django.urls import reverse

from people.groups import GroupName
from people.models import User
from privacy import services
from privacy.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def erase(client, by, person):
    client.force_login(by)
    return client.post(reverse("privacy:person", args=[person.pk]), {"confirm": "on"})


@pytest.fixture
def superuser(make_person):
    person = make_person("Sasha", "Root")
    User.objects.filter(pk=person.pk).update(is_superuser=True, is_staff=True)
    person.refresh_from_db()
    return person


def test_erasing_a_member_of_staff_keeps_what_they_looked_at_as_it_was(
    client, practice_lead, new_staff, training_admin, home_page
):
    client.force_login(practice_lead)
    assert client.get(reverse("matrix:people")).status_code == 200
    assert client.get(reverse("matrix:person", args=[new_staff.pk])).status_code == 200
    written = list(AuditEvent.objects.filter(actor=practice_lead).values_list("pk", "actor_label", "subject_label"))
    assert len(written) == 2 and practice_lead.email in written[0][1]

    assert erase(client, training_admin, practice_lead).status_code == 302
    after = list(
        AuditEvent.objects.filter(pk__in=[w[0] for w in written]).values_list("pk", "actor_label", "subject_label")
    )
    assert sorted(after) == sorted(written)


def test_the_erasure_records_who_erased_whom_under_a_name_no_one_else_can_have(
    client, new_staff, training_admin, home_page
):
    erase(client, training_admin, new_staff)
    event = AuditEvent.objects.get(action=AuditAction.ERASED)
    assert event.actor == training_admin and training_admin.email in event.actor_label
    assert event.subject_id == new_staff.pk
    assert event.subject_label == f"Erased person {new_staff.pk}"  # the account's own number, never given again
    assert new_staff.email not in "".join(AuditEvent.objects.values_list("subject_label", flat=True))


def test_what_a_person_did_to_their_own_record_loses_their_name(client, new_staff, training_admin, home_page):
    services.request_deletion(new_staff, "I have left")
    erase(client, training_admin, new_staff)
    own = AuditEvent.objects.get(action=AuditAction.DELETION_REQUESTED)
    assert own.actor_label == own.subject_label == f"Erased person {new_staff.pk}"


@pytest.mark.parametrize("who", ["training_admin", "content_editor"])
def test_a_training_administrator_cannot_erase_an_administrator(client, request, make_person, who, home_page):
    eraser = make_person("Ada", "Eraser", groups=(GroupName.LEARNER, GroupName.TRAINING_ADMIN))
    target = request.getfixturevalue(who)
    response = erase(client, eraser, target)
    assert response.status_code == 400
    assert "Only a superuser can erase an administrator" in response.content.decode()
    target.refresh_from_db()
    assert target.is_active and not target.email.endswith("erased.invalid")
    assert not AuditEvent.objects.filter(action=AuditAction.ERASED).exists()


def test_a_deactivated_administrator_is_still_an_administrator(client, make_person, training_admin, home_page):
    eraser = make_person("Ada", "Eraser", groups=(GroupName.LEARNER, GroupName.TRAINING_ADMIN))
    User.objects.filter(pk=training_admin.pk).update(is_active=False)
    assert erase(client, eraser, training_admin).status_code == 400


def test_a_superuser_can_erase_an_administrator(client, superuser, training_admin, home_page):
    assert erase(client, superuser, training_admin).status_code == 302
    training_admin.refresh_from_db()
    assert training_admin.email.endswith("erased.invalid")
    event = AuditEvent.objects.get(action=AuditAction.ERASED)
    assert event.actor == superuser and event.subject_id == training_admin.pk


def test_retention_still_erases_an_inactive_administrator_as_the_system(training_admin):
    services.erase_person(training_admin, by=None, action=AuditAction.RETENTION)
    training_admin.refresh_from_db()
    assert training_admin.email.endswith("erased.invalid")
    assert AuditEvent.objects.get(action=AuditAction.RETENTION).actor_label == "The system"
