"""Nobody can reach beyond their job through the admin.

Each test tries one escalation that was possible before: a training
administrator making an account a superuser through the user editor, setting
its password or handing out groups they do not hold, and trainers or
content editors reading personal data through the snippet choosers.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group

from conftest import PASSWORD
from people.groups import GroupName
from people.models import User

pytestmark = pytest.mark.django_db


def refused(response: Any) -> bool:
    """Wagtail answers a refused admin view with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def edit_form(user: User, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
    }
    data.update(changes)
    return data


def test_a_training_administrator_cannot_make_an_account_a_superuser(client, training_admin, new_staff):
    client.force_login(training_admin)
    every_group = [str(pk) for pk in Group.objects.values_list("pk", flat=True)]
    client.post(
        f"/admin/users/edit/{new_staff.pk}/",
        edit_form(
            new_staff, is_superuser="on", groups=every_group, password1="Xy7!long-enough", password2="Xy7!long-enough"
        ),
    )
    new_staff.refresh_from_db()
    assert not new_staff.is_superuser
    assert not new_staff.is_staff
    assert new_staff.check_password(PASSWORD)
    assert set(new_staff.groups.values_list("name", flat=True)) <= {GroupName.LEARNER, GroupName.TRAINING_ADMIN}


def test_the_user_editor_offers_no_superuser_box_and_no_password(client, training_admin, new_staff):
    client.force_login(training_admin)
    page = client.get(f"/admin/users/edit/{new_staff.pk}/")
    assert page.status_code == 200
    assert b'name="is_superuser"' not in page.content
    assert b'name="password1"' not in page.content


def test_the_user_editor_offers_only_the_editors_own_groups(client, training_admin, new_staff):
    client.force_login(training_admin)
    page = client.get(f"/admin/users/edit/{new_staff.pk}/")
    offered = {group.name for group in page.context["form"].fields["groups"].queryset}
    assert offered == {GroupName.LEARNER, GroupName.TRAINING_ADMIN}


def test_a_training_administrator_can_still_change_a_learners_name_and_groups(client, training_admin, new_staff):
    client.force_login(training_admin)
    learners = Group.objects.get(name=GroupName.LEARNER)
    admins = Group.objects.get(name=GroupName.TRAINING_ADMIN)
    response = client.post(
        f"/admin/users/edit/{new_staff.pk}/",
        edit_form(new_staff, first_name="Samuel", groups=[str(learners.pk), str(admins.pk)]),
    )
    assert response.status_code == 302
    new_staff.refresh_from_db()
    assert new_staff.first_name == "Samuel"
    assert set(new_staff.groups.values_list("name", flat=True)) == {GroupName.LEARNER, GroupName.TRAINING_ADMIN}


def test_saving_a_person_keeps_groups_the_editor_cannot_grant(client, training_admin, practice_lead):
    client.force_login(training_admin)
    learners = Group.objects.get(name=GroupName.LEARNER)
    client.post(f"/admin/users/edit/{practice_lead.pk}/", edit_form(practice_lead, groups=[str(learners.pk)]))
    assert practice_lead.groups.filter(name=GroupName.PRACTICE_LEAD).exists()


@pytest.mark.parametrize("kind", ["superuser", "content_editor"])
def test_a_training_administrator_cannot_edit_an_account_that_can_do_more(client, training_admin, request, kind):
    """Changing the email of a more powerful account, then resetting its password, would take it over."""
    if kind == "superuser":
        target = User.objects.create_superuser("root", "root@northbridge.gov.uk", PASSWORD)
    else:
        target = request.getfixturevalue("content_editor")
    client.force_login(training_admin)
    assert refused(client.get(f"/admin/users/edit/{target.pk}/"))
    assert refused(client.post(f"/admin/users/edit/{target.pk}/", edit_form(target, email="mine@northbridge.gov.uk")))
    target.refresh_from_db()
    assert target.email != "mine@northbridge.gov.uk"


def test_a_training_administrator_cannot_add_or_delete_accounts_in_the_admin(client, training_admin, new_staff):
    client.force_login(training_admin)
    assert refused(client.get("/admin/users/new/"))
    client.post(f"/admin/users/delete/{new_staff.pk}/")
    assert User.objects.filter(pk=new_staff.pk).exists()


def test_a_superuser_can_still_grant_any_group(client, new_staff):
    root = User.objects.create_superuser("root", "root@northbridge.gov.uk", PASSWORD)
    client.force_login(root)
    every_group = [str(pk) for pk in Group.objects.values_list("pk", flat=True)]
    response = client.post(f"/admin/users/edit/{new_staff.pk}/", edit_form(new_staff, groups=every_group))
    assert response.status_code == 302
    assert new_staff.groups.count() == Group.objects.count()


PERSONAL_SNIPPETS = [
    "people/learnerprofile",
    "matrix/completionrecord",
    "matrix/exemption",
    "outbox/outboundemail",
    "training/bookingauditentry",
    "training/trainerlicence",
]


@pytest.mark.parametrize("snippet", PERSONAL_SNIPPETS)
@pytest.mark.parametrize("persona", ["trainer", "content_editor"])
def test_people_who_may_not_list_personal_records_cannot_choose_them(client, request, persona, snippet, new_staff):
    client.force_login(request.getfixturevalue(persona))
    base = f"/admin/snippets/choose/{snippet}/"
    for url in (base, base + "results/", base + f"chosen/{new_staff.profile.pk}/", base + "chosen-multiple/?id=1"):
        assert refused(client.get(url)), url


def test_a_training_administrator_can_still_choose_a_learner_profile(client, training_admin, new_staff):
    client.force_login(training_admin)
    response = client.get("/admin/snippets/choose/people/learnerprofile/results/")
    assert response.status_code == 200
    assert b"Okafor" in response.content


def test_a_content_editor_can_still_choose_the_training_a_course_counts_towards(client, content_editor):
    client.force_login(content_editor)
    assert client.get("/admin/snippets/choose/matrix/training/").status_code == 200


def test_the_users_list_cannot_assign_a_group_the_editor_does_not_hold(client, training_admin, new_staff):
    editors = Group.objects.get(name=GroupName.CONTENT_EDITOR)
    client.force_login(training_admin)
    url = f"/admin/bulk/people/user/assign_role/?next=/admin/users/&id={new_staff.pk}&id={training_admin.pk}"
    client.post(url, {"role": editors.pk})
    assert not editors.user_set.filter(pk__in=[new_staff.pk, training_admin.pk]).exists()


def test_the_users_list_can_still_assign_the_editors_own_group(client, training_admin, new_staff):
    admins = Group.objects.get(name=GroupName.TRAINING_ADMIN)
    client.force_login(training_admin)
    client.post(f"/admin/bulk/people/user/assign_role/?next=/admin/users/&id={new_staff.pk}", {"role": admins.pk})
    assert admins.user_set.filter(pk=new_staff.pk).exists()


def test_the_users_list_cannot_deactivate_a_superuser(client, training_admin):
    root = User.objects.create_superuser("root", "root@northbridge.gov.uk", PASSWORD)
    client.force_login(training_admin)
    client.post(
        f"/admin/bulk/people/user/set_active_state/?next=/admin/users/&id={root.pk}", {"mark_as_active": "False"}
    )
    root.refresh_from_db()
    assert root.is_active
