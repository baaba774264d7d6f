"""`load_demo` runs each app's `demo.load(out, scale)` in this order.

Each loader must be idempotent: it looks things up by a stable key (a slug,
an email) and creates only what is missing, so running it twice changes
nothing. Loaders after `people` may rely on what earlier ones made.
"""

from __future__ import annotations

import importlib
from typing import TextIO

from django.db import transaction

from people.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAccount

DEMO_MODULES = [
    "people.demo",
    "home.demo",
    "courses.demo",
    "training.demo",
    "scenarios.demo",
    "matrix.demo",
]

DEMO_ACCOUNTS_HEADER = f"\nDemo accounts (password for all: {DEMO_PASSWORD}):"


def load_all(out: TextIO, scale: int = 0) -> list[DemoAccount]:
    loaded = []
    with transaction.atomic():
        for module_name in DEMO_MODULES:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name == module_name:
                    continue
                raise
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
