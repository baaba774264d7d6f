"""The browser tab's title: "Page - Site", or the site's name alone, never the site's name twice."""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def with_site_name(title: str, site_name: str) -> SafeString:
    """`title` is the rendered (already escaped) title block; the site's name is escaped here."""
    title = " ".join(conditional_escape(title).split())
    site = str(conditional_escape(site_name))
    if not title or title == site or title.endswith(f" - {site}"):
        return mark_safe(title or site)  # both parts escaped above
    return mark_safe(f"{title} - {site}")  # both parts escaped above
