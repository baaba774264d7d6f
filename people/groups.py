"""The permission groups and what each one means.

Group membership says what someone may do in the platform; a person's job
role (`Role`) says what training they need. The two are separate: a social
worker may also be a practice lead.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import models


class GroupName(models.TextChoices):
    LEARNER = "Learners", "Learner: takes courses, scenarios and training"
    PRACTICE_LEAD = "Practice leads", "Practice lead: sees the training of named teams or a whole agency"
    TRAINER = "Trainers", "Trainer: runs classroom training and sees scenario results"
    TRAINING_ADMIN = "Training administrators", "Training administrator: manages people, requirements and events"
    CONTENT_EDITOR = "Content editors", "Content editor: writes courses and scenarios in the admin"


# Whole apps whose models each group manages in the admin. New models in
# these apps are covered without editing this file.
APP_PERMISSIONS: dict[str, list[str]] = {
    GroupName.TRAINING_ADMIN: ["people", "matrix", "outbox"],
    GroupName.CONTENT_EDITOR: ["courses", "scenarios", "wagtailimages", "wagtaildocs"],
}

# The classroom training app is granted model by model, never whole: events
# and bookings change only through `training.services` (capacity
# rules, emails, the audit trail), so the admin may change courses and
# licences and only read events and the booking history. Trainers get none:
# they run their events on the platform's trainer pages. Any other training
# permission a group holds is taken back by `ensure_groups`.
TRAINING_APP = "training"
TRAINING_PERMISSIONS: dict[str, list[str]] = {
    GroupName.TRAINING_ADMIN: [
        *(f"{action}_classroomcourse" for action in ("add", "change", "delete", "view")),
        *(f"{action}_trainerlicence" for action in ("add", "change", "delete", "view")),
        "view_event",
        "view_bookingauditentry",
    ],
}
ADMIN_ACCESS = {GroupName.TRAINING_ADMIN, GroupName.CONTENT_EDITOR, GroupName.TRAINER}


def ensure_groups(**kwargs: Any) -> None:
    """Create the groups and give them their permissions. Safe to run again."""
    for name in GroupName.values:
        group, _ = Group.objects.get_or_create(name=name)
        perms = list(Permission.objects.filter(content_type__app_label__in=APP_PERMISSIONS.get(name, [])))
        training = TRAINING_PERMISSIONS.get(name, [])
        perms += list(Permission.objects.filter(content_type__app_label=TRAINING_APP, codename__in=training))
        if name in ADMIN_ACCESS:
            perms += list(Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"))
        if perms:
            group.permissions.add(*perms)
        stale = group.permissions.filter(content_type__app_label=TRAINING_APP).exclude(codename__in=training)
        if stale:
            group.permissions.remove(*stale)
    _grant_page_permissions()


def _grant_page_permissions() -> None:
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    editors = Group.objects.get(name=GroupName.CONTENT_EDITOR)
    for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
        permission = Permission.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
        if permission is not None:
            GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)


def in_group(user: Any, name: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    cache = getattr(user, "_group_names_cache", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._group_names_cache = cache
    return name in cache
