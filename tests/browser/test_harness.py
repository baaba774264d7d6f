"""The browser harness itself: it runs, and its accessibility check can fail."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.django_db(transaction=True)
def test_the_home_page_passes_the_accessibility_check(page, axe_check, home_page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_the_accessibility_check_fails_on_a_broken_page(page, axe_check, home_page):
    page.goto("/")
    # An image with no text alternative and a button with no name: both serious.
    page.evaluate(
        """() => {
            const img = document.createElement('img'); img.src = '/static/none.png';
            const button = document.createElement('button');
            document.querySelector('main').append(img, button);
        }"""
    )
    violations = axe_check(page, fail=False)
    assert {v["id"] for v in violations} >= {"image-alt", "button-name"}
