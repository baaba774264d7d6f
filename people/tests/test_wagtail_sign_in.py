"""Wagtail's own sign-in pages only point to ours: a password typed there
would skip email confirmation, the two-step sign-in and the rate limits."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/login/", "/_util/login/"])
def test_a_password_sent_to_wagtail_sign_in_signs_nobody_in(client, training_admin, url):
    # An address never confirmed, and an administrator with an authenticator app:
    # neither may get in with a password alone.
    EmailAddress.objects.filter(user=training_admin).update(verified=False)
    TOTP.activate(training_admin, generate_totp_secret())
    response = client.post(
        url, {"username": training_admin.email, "password": PASSWORD, "next": "/admin/"}, follow=False
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


def test_the_admin_sends_signed_out_visitors_to_our_sign_in_page(client):
    assert client.get("/admin/pages/")["Location"] == "/accounts/login/?next=/admin/pages/"
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"


def test_a_next_address_on_another_site_is_dropped(client):
    assert client.get("/admin/login/?next=https://elsewhere.example/")["Location"] == "/accounts/login/"


def test_wagtail_password_reset_is_switched_off(client, training_admin):
    from django.core import mail

    response = client.post("/admin/password_reset/", {"email": training_admin.email})
    assert response["Location"] == "/accounts/login/"
    assert client.get("/admin/password_reset/done/")["Location"] == "/accounts/login/"
    assert mail.outbox == []


def test_a_private_page_sends_people_to_our_sign_in_page(client, home_page, new_staff):
    restriction = PageViewRestriction.objects.create(page=Page.objects.get(pk=home_page.pk), restriction_type="groups")
    restriction.groups.add(Group.objects.create(name="Nobody"))
    client.force_login(new_staff)
    assert client.get("/")["Location"].startswith("/accounts/login/?next=/")
