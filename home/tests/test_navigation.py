"""Every link in the main menu leads somewhere real, for every kind of user."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client

from home.demo_loader import load_all
from people.demo import DEMO_ACCOUNTS
from people.models import User

pytestmark = pytest.mark.django_db

NAV_LINK = re.compile(r'class="govuk-service-navigation__link" href="([^"]+)"')


@pytest.fixture
def demo(db):
    load_all(io.StringIO())


def test_every_menu_link_works_for_every_demo_account(demo):
    for account in DEMO_ACCOUNTS:
        client = Client()
        client.force_login(User.objects.get(email=account.email))
        links = NAV_LINK.findall(client.get("/").content.decode())
        assert "/courses/" in links and "/scenarios/" in links, account.email
        for href in links:
            if "logout" in href:
                continue
            response = client.get(href, follow=True)
            assert response.status_code == 200, f"{account.description}: {href} gave {response.status_code}"


def test_the_current_section_is_marked_in_the_menu(demo):
    client = Client()
    client.force_login(User.objects.get(email=DEMO_ACCOUNTS[0].email))
    page = client.get("/courses/").content.decode()
    assert 'href="/courses/" aria-current="page"' in page


def test_every_menu_link_works_when_signed_out(demo, client):
    for href in NAV_LINK.findall(client.get("/").content.decode()):
        assert client.get(href).status_code == 200, href
