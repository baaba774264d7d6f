"""The privacy notice and accessibility statement: linked from every page, editable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/my-data/"])
def test_every_page_links_to_the_privacy_notice_and_accessibility_statement(client, new_staff, home_page, url):
    client.force_login(new_staff)
    page = client.get(url, follow=True).content.decode()
    assert 'href="/privacy/"' in page and 'href="/accessibility/"' in page


def test_both_are_live_editable_pages(client, home_page, content_editor):
    pages = {page.slug: page for page in StandardPage.objects.live()}
    assert {"privacy", "accessibility"} <= set(pages)
    client.force_login(content_editor)
    for slug in ("privacy", "accessibility"):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[pages[slug].pk])).status_code == 200


def test_the_admin_menu_shows_privacy_pages_to_administrators_only(client, home_page, training_admin, content_editor):
    client.force_login(training_admin)
    assert reverse("privacy:audit_log") in client.get("/admin/").content.decode()
    client.force_login(content_editor)
    assert reverse("privacy:audit_log") not in client.get("/admin/").content.decode()
