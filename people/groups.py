"""The permission groups and exactly what each one may do.

Group membership says what someone may do in the platform; a person's job
role (`Role`) says what training they need. The two are separate: a social
worker may also be a practice lead.

Code never asks for a group by name (renaming a group in the admin must not
remove a role): it asks `user.has_perm(...)` for one of the platform's own
permissions (`Capability`, declared on `people.User`) or for a model
permission. `GROUP_PERMISSIONS` is the whole grant, the same table as in
docs/security.md; `ensure_groups` makes the database match it exactly, so a
permission added by hand in the admin is taken back at the next migrate.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import models
from django.db.models import Q


class GroupName(models.TextChoices):
    LEARNER = "Learners", "Learner: takes courses, scenarios and training"
    PRACTICE_LEAD = "Practice leads", "Practice lead: sees the training of named teams or a whole agency"
    TRAINER = "Trainers", "Trainer: runs classroom training and sees scenario results"
    TRAINING_ADMIN = "Training administrators", "Training administrator: manages people, requirements and events"
    CONTENT_EDITOR = "Content editors", "Content editor: writes courses and scenarios in the admin"


class Capability(models.TextChoices):
    """The platform's own permissions (on `people.User`), checked with `has_perm("people.<value>")`."""

    SEE_TEAM_TRAINING = "see_team_training", "See the training records of the teams or agency they lead"
    RUN_TRAINING = "run_training_events", "Run classroom training events and review scenario attempts"
    MANAGE_TRAINING = (
        "manage_partnership_training",
        "Manage people, requirements, events and personal data requests across the partnership",
    )
    SEE_COURSE_STATISTICS = "see_course_statistics", "See course statistics"


def _crud(app_label: str, model: str, actions: tuple[str, ...] = ("add", "change", "delete", "view")) -> list[str]:
    return [f"{app_label}.{action}_{model}" for action in actions]


# Every permission each group holds, as "app_label.codename"; "app_label.*"
# means every permission of that app (Wagtail's image and document apps,
# whose permissions are all about content). Classroom events and the booking
# history are only read in the admin: they change through training.services
# (capacity rules, emails, the audit trail). Outgoing email is only read.
# Training administrators edit accounts but never add or delete them
# (accounts come from sign-up, single sign-on and imports; removing one is
# erasure, on the platform's own pages).
GROUP_PERMISSIONS: dict[str, list[str]] = {
    GroupName.LEARNER: [],
    GroupName.PRACTICE_LEAD: [f"people.{Capability.SEE_TEAM_TRAINING}"],
    GroupName.TRAINER: [f"people.{Capability.RUN_TRAINING}"],
    GroupName.TRAINING_ADMIN: [
        "wagtailadmin.access_admin",
        f"people.{Capability.MANAGE_TRAINING}",
        f"people.{Capability.SEE_COURSE_STATISTICS}",
        *_crud("people", "user", ("change", "view")),
        *_crud("people", "learnerprofile", ("change", "view")),
        *_crud("people", "agency"),
        *_crud("people", "agencydomain"),
        *_crud("people", "team"),
        *_crud("people", "role"),
        *_crud("matrix", "training"),
        *_crud("matrix", "requirement"),
        *_crud("matrix", "exemption"),
        *_crud("matrix", "completionrecord"),
        "outbox.view_outboundemail",
        *_crud("training", "classroomcourse"),
        *_crud("training", "trainerlicence"),
        "training.view_event",
        "training.view_bookingauditentry",
        *_crud("scenarios", "jargonterm"),
    ],
    GroupName.CONTENT_EDITOR: [
        "wagtailadmin.access_admin",
        f"people.{Capability.SEE_COURSE_STATISTICS}",
        *_crud("scenarios", "jargonterm"),
        *_crud("scenarios", "scenarioset"),
        # To choose the training a course or scenario set counts towards.
        "matrix.view_training",
        "wagtailimages.*",
        "wagtaildocs.*",
    ],
}

# Page permissions (Wagtail's, on the root page) for content editors.
PAGE_PERMISSIONS: dict[str, list[str]] = {
    GroupName.CONTENT_EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def permission_query(names: list[str]) -> Q:
    """A filter on `Permission` for "app_label.codename" / "app_label.*" names."""
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".", 1)
        if codename == "*":
            query |= Q(content_type__app_label=app_label)
        else:
            query |= Q(content_type__app_label=app_label, codename=codename)
    return query


def ensure_groups(**kwargs: Any) -> None:
    """Create the groups and give each exactly the permissions of the table. Safe to run again."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    # Run after the people app migrates, before later apps have made their
    # permissions: make them all now so the grant is whole on a new database.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for name in GroupName.values:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(permission_query(GROUP_PERMISSIONS[name])))
    _grant_page_permissions()


def _grant_page_permissions() -> None:
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for codename in codenames:
            permission = Permission.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
            if permission is not None:
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
