"""Everyone who can enter the admin must sign in with an authenticator app too."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def totp_now(secret: str, at: float | None = None) -> str:
    """The 6-digit code a phone app shows now (RFC 6238: HMAC-SHA1, 30 seconds)."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


@pytest.fixture(autouse=True)
def admin_mfa_on(settings):
    settings.ADMIN_MFA_REQUIRED = True


def test_an_administrator_without_an_authenticator_is_sent_to_set_one_up(client, training_admin):
    client.force_login(training_admin)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    page = client.get("/accounts/2fa/", follow=True)
    assert b"To use the admin you need two-step sign-in" in page.content


@pytest.mark.parametrize("persona", ["training_admin", "content_editor"])
def test_every_group_with_admin_access_is_gated(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/admin/pages/")["Location"] == "/accounts/2fa/totp/activate/"


def test_an_administrator_with_an_authenticator_gets_in_after_giving_a_real_code(client, training_admin):
    secret = generate_totp_secret()
    TOTP.activate(training_admin, secret)
    response = client.post("/accounts/login/", {"login": training_admin.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    # Not signed in yet: the password alone is not enough.
    assert "_auth_user_id" not in client.session
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000" if totp_now(secret) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert b"govuk-error-summary" in wrong.content
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_now(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_setting_up_the_app_with_a_real_code_opens_the_admin(client, training_admin):
    client.post("/accounts/login/", {"login": training_admin.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]
    assert secret in page.content.decode()
    bad = client.post("/accounts/2fa/totp/activate/", {"code": "12345"})
    assert b"There is a problem" in bad.content
    assert not Authenticator.objects.filter(user=training_admin).exists()
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_now(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=training_admin, type=Authenticator.Type.TOTP).exists()
    codes = client.get(response["Location"])
    assert b"Your recovery codes" in codes.content and b"go to the admin" in codes.content
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("persona", ["new_staff", "practice_lead", "outsider", "councillor"])
def test_people_without_admin_access_are_refused_and_not_asked_for_an_app(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/admin/")
    assert response.status_code == 403
    assert b"The admin is for trainers, training administrators and content editors." in response.content
    assert client.get("/admin/pages/").status_code == 403


def test_the_gate_can_be_switched_off_for_development(client, training_admin, settings):
    settings.ADMIN_MFA_REQUIRED = False
    client.force_login(training_admin)
    assert client.get("/admin/").status_code == 200


def test_two_step_sign_in_is_offered_to_everyone_from_their_profile(client, new_staff):
    client.force_login(new_staff)
    body = client.get("/profile/").content.decode()
    assert 'href="/accounts/2fa/"' in body


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/accounts/2fa/", "Two-step sign-in"),
        ("/accounts/2fa/totp/deactivate/", "Turn off two-step sign-in"),
        ("/accounts/2fa/recovery-codes/", "Your recovery codes"),
        ("/accounts/2fa/recovery-codes/generate/", "Make new recovery codes"),
    ],
)
def test_the_pages_for_someone_using_an_app_are_govuk_pages(client, new_staff, url, title):
    client.post("/accounts/login/", {"login": new_staff.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.get("/accounts/2fa/totp/activate/")
    client.post("/accounts/2fa/totp/activate/", {"code": totp_now(client.session["mfa.totp.secret"])})
    body = client.get(url).content.decode()
    assert f"<title>{title} - " in body
    assert "govuk-button" in body
    assert "style=" not in body


def test_an_export_outside_the_admin_sends_the_administrator_to_set_up_the_app_and_back(client, training_admin):
    """The same gate for administrative pages wherever their URL is (`people.two_step`)."""
    client.post("/accounts/login/", {"login": training_admin.email, "password": PASSWORD})
    response = client.get("/matrix/export/people.csv")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert b"you need two-step sign-in, because your account can see other people" in page.content
    secret = client.session["mfa.totp.secret"]
    done = client.post("/accounts/2fa/totp/activate/", {"code": totp_now(secret)})
    codes = client.get(done["Location"])
    assert b'href="/matrix/export/people.csv">Go back to the page you wanted' in codes.content
    export = client.get("/matrix/export/people.csv")
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")


def test_a_learner_with_no_role_is_not_asked_for_two_step_sign_in(client, make_person, practice_lead):
    """A line manager with no other role answers their own staff's requests with a password."""
    manager = make_person("Lee", "Manager")
    make_person("Ben", "Ward", line_manager=manager)
    client.force_login(manager)
    assert client.get("/training/approvals/").status_code == 200
    client.force_login(practice_lead)
    assert client.get("/training/approvals/")["Location"] == "/accounts/2fa/totp/activate/"
