"""The admin may frame its own previews; the public site allows no inline script."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_public_site_allows_no_inline_script(client, home_page):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy


def test_the_admin_can_show_previews_of_our_own_pages(client, content_editor):
    client.force_login(content_editor)
    policy = client.get("/admin/").headers["Content-Security-Policy"]
    assert "frame-src 'self'" in policy
    assert "frame-ancestors 'self'" in policy
