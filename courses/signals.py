"""Keep the cached course tree (`courses.tree_cache`) right: any change to a
page, to where it sits or to who may see it makes the cached shape stale.

Connected to each page model and to view restrictions by name, so the saves of
every other model (progress, completions, emails) never call in here."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from courses import tree_cache


def page_changed(sender: Any, **kwargs: Any) -> None:
    tree_cache.bump()


def connect() -> None:
    """Called from the app's `ready()`, once every model is loaded: each page type saves as itself."""
    senders = [model for model in apps.get_models() if issubclass(model, Page)] + [PageViewRestriction]
    for model in senders:
        label = model._meta.label_lower
        post_save.connect(page_changed, sender=model, dispatch_uid=f"courses.tree.post_save.{label}")
        post_delete.connect(page_changed, sender=model, dispatch_uid=f"courses.tree.post_delete.{label}")
    page_unpublished.connect(page_changed, dispatch_uid="courses.tree.unpublished")
    post_page_move.connect(page_changed, dispatch_uid="courses.tree.moved")
