"""Keep the cached course tree (`courses.tree_cache`) right: any change to a
page, to where it sits or to who may see it makes the cached shape stale."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from courses import tree_cache


def page_changed(sender: Any, instance: Any = None, **kwargs: Any) -> None:
    if instance is None or isinstance(instance, Page | PageViewRestriction):
        tree_cache.bump()


def connect() -> None:
    post_save.connect(page_changed, dispatch_uid="courses.tree.post_save")
    post_delete.connect(page_changed, dispatch_uid="courses.tree.post_delete")
    page_unpublished.connect(page_changed, dispatch_uid="courses.tree.unpublished")
    post_page_move.connect(page_changed, dispatch_uid="courses.tree.moved")
