"""Wagtail wiring for the home app."""

from __future__ import annotations

from types import ModuleType

from wagtail import hooks


@hooks.register("register_demo_content", order=10)
def demo_content() -> ModuleType:
    """home's part of the demo partnership, for `load_demo` (home.demo_loader)."""
    from home import demo

    return demo
