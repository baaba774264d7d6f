"""Each group holds exactly the permissions in docs/security.md's table, and
code asks for permissions, not group names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from people.access import is_practice_lead, is_trainer, is_training_admin, users_with_capability
from people.groups import GROUP_PERMISSIONS, Capability, GroupName, ensure_groups, permission_query
from people.models import User

pytestmark = pytest.mark.django_db

DOCS = Path(settings.BASE_DIR) / "docs" / "security.md"


def documented_table() -> dict[str, set[str]]:
    """Group name -> the `app.codename` names in its row of the table."""
    text = DOCS.read_text()
    section = text.split("## Permissions by group", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] in GroupName.values:
            rows[cells[0]] = set(re.findall(r"`([a-z_]+\.[a-z_*]+)`", cells[1]))
    return rows


def granted(group: Group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_the_documented_table_names_every_group():
    assert set(documented_table()) == set(GroupName.values)


@pytest.mark.parametrize("name", GroupName.values)
def test_each_group_holds_exactly_the_permissions_in_the_documented_table(name):
    ensure_groups()
    documented = documented_table()[name]
    expected = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.filter(permission_query(sorted(documented))).select_related("content_type")
    }
    assert granted(Group.objects.get(name=name)) == expected
    # Every name in the table is a real permission (or a whole app).
    for item in documented:
        assert Permission.objects.filter(permission_query([item])).exists(), item


def test_the_code_grants_what_the_documentation_says():
    assert {name: set(items) for name, items in GROUP_PERMISSIONS.items()} == documented_table()


def test_a_permission_added_by_hand_is_taken_back_at_the_next_migrate():
    ensure_groups()
    trainers = Group.objects.get(name=GroupName.TRAINER)
    trainers.permissions.add(Permission.objects.get(codename="change_user"))
    ensure_groups()
    assert "people.change_user" not in granted(trainers)


def test_the_capabilities_are_the_permissions_declared_on_the_user_model():
    assert {codename for codename, _ in User._meta.permissions} == set(Capability.values)


def test_renaming_a_group_keeps_every_role(training_admin, trainer, practice_lead):
    for group in Group.objects.all():
        group.name = f"{group.name} (renamed)"
        group.save()
    assert is_training_admin(User.objects.get(pk=training_admin.pk))
    assert is_trainer(User.objects.get(pk=trainer.pk))
    assert is_practice_lead(User.objects.get(pk=practice_lead.pk))
    assert list(users_with_capability(Capability.RUN_TRAINING)) == [trainer]


def test_a_deactivated_administrator_holds_no_role(training_admin):
    training_admin.is_active = False
    training_admin.save()
    assert not is_training_admin(User.objects.get(pk=training_admin.pk))


def test_a_learner_holds_no_role(new_staff):
    assert not (is_training_admin(new_staff) or is_trainer(new_staff) or is_practice_lead(new_staff))
