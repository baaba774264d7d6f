"""Every URL of the site, listed from the URL configuration itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

# The admin is crawled by test_admin_access.py; documents/ is Wagtail's own
# serving view; the Wagtail page catch-all's pages are walked from the page
# tree instead.
SKIPPED_PREFIXES = ("admin/", "documents/", "static/", "media/")
SKIPPED_NAMES = {
    "wagtail_serve",
    "wagtail_serve_preview",
}


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    params: tuple[str, ...]


def _walk(patterns: list, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            space = namespace
            if entry.namespace:
                space = f"{namespace}{entry.namespace}:"
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), space)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = f"{namespace}{entry.name}" if entry.name else f"<unnamed {route}>"
            params = tuple(entry.pattern.converters) if hasattr(entry.pattern, "converters") else ()
            if not params and hasattr(entry.pattern, "regex"):
                params = tuple(entry.pattern.regex.groupindex)
            yield Route(name=name, route=route, params=params)


def all_routes() -> list[Route]:
    """Every named route, the admin's included (tests/security/test_admin_access.py crawls those)."""
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns):
        seen.setdefault(route.name, route)
    return sorted(seen.values(), key=lambda r: r.name)


def site_routes() -> list[Route]:
    """Every route outside the admin (test_access_matrix.py has an explicit rule for each)."""
    return [
        route
        for route in all_routes()
        if not route.route.startswith(SKIPPED_PREFIXES) and route.name not in SKIPPED_NAMES
    ]
