"""Trainers' review comments beside the card, statement or goal they are about."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("scenarios/includes/review_comments.html", takes_context=True)
def review_comments(context: dict[str, Any], target: str, key: Any) -> dict[str, Any]:
    """The comments on one thing, read from the view's `review_comments` ({(target, key): [comment, ...]})."""
    grouped = context.get("review_comments") or {}
    return {"comments": grouped.get((target, str(key)), []), "is_owner": context.get("is_owner", False)}


@register.inclusion_tag("scenarios/includes/comment_box.html", takes_context=True)
def comment_box(context: dict[str, Any], target: str, key: Any, label: str) -> dict[str, Any]:
    """On the review page: the comments so far and a form to add one, opened with the text kept if it was refused."""
    key = str(key)
    grouped = context.get("review_comments") or {}
    failed = context.get("comment_at") == (target, key)
    posted = context.get("posted") or {}
    return {
        "attempt": context["attempt"],
        "comments": grouped.get((target, key), []),
        "target": target,
        "key": key,
        "label": label,
        "error": context.get("comment_error", "") if failed else "",
        "text": posted.get("text", "") if failed else "",
        "csrf_token": context.get("csrf_token"),
        "is_owner": False,
    }
