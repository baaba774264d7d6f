"""lib.page_sections: what other apps add to a page through a Wagtail hook."""

from __future__ import annotations

from wagtail import hooks

from lib.page_sections import page_sections


def test_each_registered_function_adds_its_html_and_none_adds_nothing():
    with (
        hooks.register_temporarily("test_page_sections", lambda request, **context: f"<p>{context['n']}</p>"),
        hooks.register_temporarily("test_page_sections", lambda request, **context: None),
    ):
        assert page_sections("test_page_sections", None, n=3) == ["<p>3</p>"]


def test_a_page_nobody_extends_has_no_sections():
    assert page_sections("test_no_such_hook", None) == []
