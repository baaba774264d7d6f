"""`load_demo` runs each app's demo content in the order the apps registered it.

An app registers its demo with the `register_demo_content` Wagtail hook in its
own `wagtail_hooks.py` (a function returning an object, usually the app's
`demo` module, with `load(out, scale)` and optionally `load_at_scale(out,
scale)`); the hook's `order` places it (people first). Each loader must be
idempotent: it looks things up by a stable key (a slug, an email) and creates
only what is missing, so running it twice changes nothing. Loaders after
`people` may rely on what earlier ones made. Adding an app needs no change here.
"""

from __future__ import annotations

from typing import Any, TextIO

from django.db import transaction
from wagtail import hooks

from people.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAccount

DEMO_CONTENT_HOOK = "register_demo_content"

DEMO_ACCOUNTS_HEADER = f"\nDemo accounts (password for all: {DEMO_PASSWORD}):"


def load_all(out: TextIO, scale: int = 0) -> list[DemoAccount]:
    loaded: list[Any] = []
    with transaction.atomic():
        for provide in hooks.get_hooks(DEMO_CONTENT_HOOK):
            module = provide()
            module.load(out, scale=scale)
            loaded.append(module)
        # At scale, what needs every module's content first (events booked by
        # the synthetic learners the matrix module makes).
        for module in loaded:
            if scale > 0 and hasattr(module, "load_at_scale"):
                module.load_at_scale(out, scale)
        # Page permissions are granted once the page tree the loaders built exists,
        # so a second run finds them already there.
        from people.groups import ensure_groups

        ensure_groups()
    return list(DEMO_ACCOUNTS)
