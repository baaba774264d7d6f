"""Microsoft Entra ID: off unless configured; when on, only partner agencies' staff."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory

from people.adapters import SocialAccountAdapter, apply_claims
from people.groups import GroupName
from people.models import LearnerProfile, User

pytestmark = pytest.mark.django_db

ENTRA_APP = {
    "microsoft": {"APPS": [{"client_id": "client-id", "secret": "client-secret", "settings": {"tenant": "tenant-id"}}]}
}
BUTTON = "Sign in with your council account"


@pytest.fixture
def entra_on(settings):
    settings.ENTRA_ENABLED = True
    settings.SOCIALACCOUNT_PROVIDERS = ENTRA_APP


def _request():
    request = RequestFactory().get("/accounts/microsoft/login/callback/")
    SessionMiddleware(lambda r: None).process_request(request)
    return request


def _sociallogin(email: str) -> SocialLogin:
    user = User(email=email, first_name="Kai", last_name="Lee", username="kai.lee")
    return SocialLogin(user=user, account=SocialAccount(provider="microsoft", uid="entra-object-id-1"))


def test_it_is_off_by_default_and_the_pages_do_not_mention_it(client, partnership, settings):
    assert settings.ENTRA_ENABLED is False
    assert settings.SOCIALACCOUNT_PROVIDERS == {}
    for url in ("/accounts/login/", "/accounts/signup/"):
        assert BUTTON not in client.get(url).content.decode()


def test_with_it_off_its_addresses_are_not_found_rather_than_an_error(client, partnership):
    assert client.post("/accounts/microsoft/login/").status_code == 404
    assert client.get("/accounts/microsoft/login/callback/?code=x&state=y").status_code in (200, 404)


def test_with_it_on_the_sign_in_page_offers_the_council_account(client, partnership, entra_on):
    body = client.get("/accounts/login/").content.decode()
    assert BUTTON in body
    assert 'action="/accounts/microsoft/login/?process=login"' in body
    assert BUTTON in client.get("/accounts/signup/").content.decode()


def test_with_it_on_the_button_sends_people_to_their_councils_tenant(client, partnership, entra_on):
    response = client.post("/accounts/microsoft/login/?process=login")
    assert response.status_code == 302
    assert response["Location"].startswith("https://login.microsoftonline.com/tenant-id/oauth2/v2.0/authorize")
    assert "client_id=client-id" in response["Location"]


def test_the_settings_read_the_tenant_where_allauth_looks_for_it():
    # allauth 65's Microsoft adapter reads app.settings["tenant"].
    from pathlib import Path

    import allauth.socialaccount.providers.microsoft.views as views

    assert 'app.settings.get("tenant"' in Path(views.__file__).read_text()
    base = (Path(__file__).resolve().parents[2] / "elearning" / "settings" / "base.py").read_text()
    assert '"settings": {"tenant": env_str("ENTRA_TENANT_ID", required=True)}' in base


@pytest.mark.parametrize(
    ("email", "open_for_signup"),
    [
        ("kai.lee@northbridge.gov.uk", True),
        ("KAI.LEE@Northbridge.gov.uk", True),
        ("kai.lee@northbridge-health.nhs.uk", True),
        ("kai.lee@contractor.example.com", False),
        ("", False),
    ],
)
def test_only_partner_agency_addresses_may_sign_up_through_it(partnership, email, open_for_signup):
    assert SocialAccountAdapter().is_open_for_signup(_request(), _sociallogin(email)) is open_for_signup


def test_it_trusts_the_tenant_for_partner_addresses_only(partnership):
    class Microsoft:
        id = "microsoft"
        app = None

        def get_settings(self):
            return {}

    adapter = SocialAccountAdapter()
    assert adapter.is_email_verified(Microsoft(), "kai.lee@northbridge.gov.uk")
    assert not adapter.is_email_verified(Microsoft(), "kai.lee@contractor.example.com")


def test_a_new_single_sign_on_user_is_placed_in_the_agency_of_their_domain(partnership, entra_on):
    request = _request()
    sociallogin = _sociallogin("kai.lee@northbridge.gov.uk")
    user = SocialAccountAdapter().save_user(request, sociallogin)
    user.refresh_from_db()
    assert user.profile.agency == partnership["csc"]
    assert not user.has_usable_password()
    assert user.groups.filter(name=GroupName.LEARNER).exists()
    assert not user.profile.is_complete  # they still choose team and role at first sign-in


def test_an_unknown_domain_sees_a_clear_page_not_an_error(partnership):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    request = _request()
    request.user = AnonymousUser()
    body = render_to_string("account/signup_closed.html", request=request)
    assert "You cannot create an account this way" in body
    assert "work email address from one of the partnership" in body


def _signed_in_with(email: str, claims: dict) -> SocialLogin:
    sociallogin = _sociallogin(email)
    sociallogin.account.extra_data = {"mail": email, **claims}
    return sociallogin


def test_the_directory_s_job_title_department_and_manager_are_on_record_at_once(partnership, entra_on, practice_lead):
    claims = {
        "jobTitle": "Social worker",
        "department": "Assessment Team South",
        "manager": {"mail": practice_lead.email},
    }
    user = SocialAccountAdapter().save_user(_request(), _signed_in_with("kai.lee@northbridge.gov.uk", claims))
    profile = LearnerProfile.objects.get(user=user)
    assert profile.role.slug == "social-worker" and profile.team.name == "Assessment Team South"
    assert profile.line_manager == practice_lead


def test_a_manager_in_the_claims_who_may_not_line_manage_is_not_set(
    partnership, entra_on, training_admin, outsider, practice_lead
):
    """The same rule as an administrator's edit: the rest of the claims still apply."""
    partnership["roles"]["business-support"].may_line_manage = False
    partnership["roles"]["business-support"].save()
    claims = {"jobTitle": "social-worker", "manager": {"userPrincipalName": training_admin.email}}
    user = SocialAccountAdapter().save_user(_request(), _signed_in_with("kai.lee@northbridge.gov.uk", claims))
    profile = LearnerProfile.objects.get(user=user)
    assert profile.role.slug == "social-worker" and profile.line_manager is None
    # Someone from an agency this one does not accept managers from, at a later sign-in: not set either.
    later = _signed_in_with("kai.lee@northbridge.gov.uk", {"manager": outsider.email})
    later.user = user
    SocialAccountAdapter().pre_social_login(_request(), later)
    assert LearnerProfile.objects.get(user=user).line_manager is None
    assert apply_claims(user, later.account.extra_data) == [
        "Hannah Price works for Community Health, which cannot line-manage this agency's staff."
    ]
    # A manager the rule allows is set at the next sign-in.
    again = _signed_in_with("kai.lee@northbridge.gov.uk", {"manager": {"mail": practice_lead.email}})
    again.user = user
    SocialAccountAdapter().pre_social_login(_request(), again)
    assert LearnerProfile.objects.get(user=user).line_manager == practice_lead
