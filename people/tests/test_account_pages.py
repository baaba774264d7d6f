"""Every allauth page renders as a GOV.UK page: our layout, labels, hints, error summary."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import generate_totp_secret

from conftest import PASSWORD

pytestmark = pytest.mark.django_db

SIGNED_OUT_PAGES = [
    ("/accounts/login/", "Sign in"),
    ("/accounts/signup/", "Create an account"),
    ("/accounts/confirm-email/", "Check your email"),
    ("/accounts/password/reset/", "Reset your password"),
    ("/accounts/password/reset/done/", "Check your email"),
    ("/accounts/password/reset/key/1-set-password/", "This link does not work"),
    ("/accounts/password/reset/key/done/", "Your password has been changed"),
    ("/accounts/confirm-email/bad-key/", "This link does not work"),
]
SIGNED_IN_PAGES = [
    ("/accounts/password/change/", "Change your password"),
    ("/accounts/email/", "Your email addresses"),
    ("/accounts/2fa/", "Two-step sign-in"),
    ("/accounts/2fa/totp/activate/", "Set up an authenticator app"),
    ("/accounts/reauthenticate/", "Confirm it is you"),
]


def _assert_govuk_page(body: str, heading: str) -> None:
    assert f"<title>{heading} - " in body
    assert "govuk-template__body" in body
    assert 'id="main-content"' in body
    assert "govuk-heading-l" in body or "govuk-panel__title" in body
    assert "placeholder=" not in body
    assert "style=" not in body
    assert "<script>" not in body


@pytest.mark.parametrize(("url", "heading"), SIGNED_OUT_PAGES)
def test_each_signed_out_page_is_a_govuk_page(client, partnership, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    _assert_govuk_page(response.content.decode(), heading)


def _sign_in(client, user) -> None:
    # A real sign-in, not force_login: allauth asks for the password again
    # before security settings unless the person signed in a moment ago.
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    # Setting up an authenticator also asks for the password once more.
    assert client.post("/accounts/reauthenticate/", {"password": PASSWORD}).status_code == 302


@pytest.mark.parametrize(("url", "heading"), [*SIGNED_IN_PAGES, ("/accounts/logout/", "Sign out")])
def test_each_account_settings_page_is_a_govuk_page(client, new_staff, url, heading):
    _sign_in(client, new_staff)
    response = client.get(url)
    assert response.status_code == 200
    _assert_govuk_page(response.content.decode(), heading)


@pytest.mark.parametrize(("url", "heading"), SIGNED_IN_PAGES)
def test_account_settings_pages_need_sign_in(client, partnership, url, heading):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_signing_out_asks_first_and_then_signs_out(client, new_staff):
    client.force_login(new_staff)
    assert b"Are you sure you want to sign out?" in client.get("/accounts/logout/").content
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_the_sign_in_form_has_labels_and_a_link_to_reset_the_password(client, partnership):
    body = client.get("/accounts/login/").content.decode()
    assert '<label class="govuk-label govuk-label--s" for="id_login">Email address</label>' in body
    assert 'for="id_password">Password</label>' in body
    assert 'autocomplete="email"' in body and 'autocomplete="current-password"' in body
    assert "/accounts/password/reset/" in body


def test_a_failed_sign_in_shows_an_error_summary(client, new_staff):
    body = client.post("/accounts/login/", {"login": new_staff.email, "password": "wrong-password"}).content.decode()
    assert "govuk-error-summary" in body
    assert "There is a problem" in body
    assert "not correct" in body


def test_a_missing_field_links_from_the_summary_to_the_field(client, partnership):
    body = client.post("/accounts/login/", {"login": "", "password": ""}).content.decode()
    assert '<a href="#id_login">Enter email address</a>' in body
    assert 'id="id_login-error"' in body
    assert 'aria-describedby="id_login-error"' in body


def test_the_sign_up_form_explains_the_password_rules_in_words(client, partnership):
    body = client.get("/accounts/signup/").content.decode()
    assert "Use at least 10 characters." in body
    assert "<ul>" not in body.split('id="id_password1-hint"')[1].split("</div>")[0]


def test_changing_the_password_works_and_checks_the_old_one(client, new_staff):
    client.force_login(new_staff)
    bad = client.post(
        "/accounts/password/change/",
        {"oldpassword": "not-it", "password1": "lantern-meadow-copper-7", "password2": "lantern-meadow-copper-7"},
    )
    assert "govuk-error-summary" in bad.content.decode()
    good = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "lantern-meadow-copper-7", "password2": "lantern-meadow-copper-7"},
    )
    assert good.status_code == 302
    new_staff.refresh_from_db()
    assert new_staff.check_password("lantern-meadow-copper-7")


def test_adding_an_email_outside_the_partner_agencies_is_refused(client, new_staff):
    client.force_login(new_staff)
    response = client.post("/accounts/email/", {"action_add": "", "email": "sam@gmail.com"})
    assert "partner agency" in response.content.decode()
    assert not EmailAddress.objects.filter(email="sam@gmail.com").exists()


def test_the_security_code_page_is_a_govuk_page(client, new_staff):
    Authenticator.objects.create(user=new_staff, type=Authenticator.Type.TOTP, data={"secret": generate_totp_secret()})
    response = client.post("/accounts/login/", {"login": new_staff.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    page = client.get("/accounts/2fa/authenticate/")
    _assert_govuk_page(page.content.decode(), "Enter your security code")
