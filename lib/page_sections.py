"""Sections another app adds to a page through a Wagtail hook.

A page that other apps may extend (the event roster, the board report, a
learner's training page) asks `page_sections(hook_name, request, **context)`;
each function registered under that hook returns rendered HTML or None. The
page's own app imports none of them, so an app can be added or removed
without touching the page.
"""

from __future__ import annotations

from typing import Any

from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks


def page_sections(hook_name: str, request: Any, **context: Any) -> list[SafeString]:
    sections = []
    for fn in hooks.get_hooks(hook_name):
        html = fn(request, **context)
        if html:
            sections.append(mark_safe(html))
    return sections
