"""allauth hooks: the agency-domain rule for sign-up and single sign-on.

Only people with an email address at a partner agency may have an account,
whether they sign up with a password or arrive through Microsoft Entra ID;
either way their agency is the one that owns the address's domain.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse

from lib.client_ip import client_ip
from people.domains import agency_for_email, email_domain
from people.groups import GroupName
from people.models import LearnerProfile, Role, Team, User, line_manager_problem

log = logging.getLogger(__name__)

# The address just confirmed in a browser where nobody is signed in: the
# sign-in page fills it in once, so the person only types their password.
CONFIRMED_EMAIL_SESSION_KEY = "people.confirmed_email"

UNKNOWN_DOMAIN_MESSAGE = (
    "You can only create an account with a work email address from a partner agency. "
    "{domain} is not one of them. Use your work email, or ask your training team to add your agency."
)


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        """The address rate limits count: the real client behind our
        trusted proxies (lib/client_ip.py), as the audit log records it."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        if agency_for_email(email) is None:
            raise forms.ValidationError(UNKNOWN_DOMAIN_MESSAGE.format(domain=email_domain(email) or "That address"))
        return email

    def save_user(self, request: HttpRequest, user: User, form: Any, commit: bool = True) -> User:
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            assign_agency_from_email(user)
        return user

    def get_email_verification_redirect_url(self, email_address: Any) -> str:
        """After confirming an address in a browser that is not signed in, go to
        sign-in with the address filled in.

        The browser that signed up is signed in straight away (allauth keeps the
        half-finished sign-in in that browser's session). Any other browser only
        proves it can read the mailbox, and a link that signed in wherever it was
        opened would be a key to the account sitting in the inbox, mail logs and
        link scanners: there the person signs in with their password, as they
        would anyway, and two-step sign-in still applies."""
        request = self.request
        if request.user.is_authenticated:
            return super().get_email_verification_redirect_url(email_address)
        request.session[CONFIRMED_EMAIL_SESSION_KEY] = email_address.email
        return reverse("account_login")

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Sign-in mail goes straight to the mail server, not through the outbox:
        its links are keys to an account and must not sit in a table that
        administrators can read. A mail server failure is logged, not shown as
        an error page; every one of these messages can be asked for again."""
        # allauth renders the subject without the request, so the site's names from the context
        # processor never reached it ("Confirm your email address for"): give them to every part.
        context = {"SITE_NAME": settings.WAGTAIL_SITE_NAME, "PARTNERSHIP_NAME": settings.PARTNERSHIP_NAME, **context}
        try:
            super().send_mail(template_prefix, email, context)
        except Exception as exc:  # noqa: BLE001 - SMTP, socket and DNS errors alike
            log.error("account email not sent", extra={"template": template_prefix, "error": str(exc)})


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Single sign-on users are placed in the agency of their email domain."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        email = (sociallogin.user.email or "").strip()
        return bool(email) and agency_for_email(email) is not None

    def get_app(self, request: HttpRequest, provider: str, client_id: str | None = None) -> Any:
        """With single sign-on switched off, its addresses are simply not there
        (a 404), rather than an error page."""
        from allauth.socialaccount.models import SocialApp

        try:
            return super().get_app(request, provider, client_id)
        except SocialApp.DoesNotExist:
            raise Http404("Single sign-on is not switched on.") from None

    def is_email_verified(self, provider: Any, email: str) -> bool:
        """The council's Entra tenant vouches for its own staff's addresses, and
        only for a partner agency's domain do we take its word."""
        if provider.id == "microsoft" and agency_for_email(email) is not None:
            return True
        return super().is_email_verified(provider, email)

    def save_user(self, request: HttpRequest, sociallogin: Any, form: Any = None) -> User:
        user = super().save_user(request, sociallogin, form)
        assign_agency_from_email(user)
        apply_claims(user, sociallogin.account.extra_data or {})
        return user

    def pre_social_login(self, request: HttpRequest, sociallogin: Any) -> None:
        """At every later sign-in, what the organisation's directory says now."""
        super().pre_social_login(request, sociallogin)
        if sociallogin.is_existing:
            apply_claims(sociallogin.user, sociallogin.account.extra_data or {})


def assign_agency_from_email(user: User) -> None:
    """Give a new user the agency of their email domain and the learner group."""
    agency = agency_for_email(user.email)
    profile, _ = LearnerProfile.objects.get_or_create(user=user)
    if agency is not None and profile.agency_id is None:
        profile.agency = agency
        profile.save(update_fields=["agency", "updated_at"])
    learners, _ = Group.objects.get_or_create(name=GroupName.LEARNER)
    user.groups.add(learners)


def _claim_text(claims: Mapping[str, Any], *names: str) -> str:
    for name in names:
        value = claims.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _manager_email(claims: Mapping[str, Any]) -> str:
    """The manager's address: Microsoft Graph's expanded `manager` object
    (`mail`, else `userPrincipalName`), or a plain address claim."""
    manager = claims.get("manager")
    if isinstance(manager, Mapping):
        return _claim_text(manager, "mail", "userPrincipalName").lower()
    if isinstance(manager, str):
        return manager.strip().lower()
    return _claim_text(claims, "manager_email", "managerEmail").lower()


def apply_claims(user: User, claims: Mapping[str, Any]) -> list[str]:
    """Set role, team and line manager from the sign-in provider's claims,
    where they are present and name something on record: `jobTitle` a role
    (by name or slug), `department` a team of the person's agency, `manager`
    their line manager. These are the organisation's facts, so they take
    effect at once (`set_profile`), but a line manager still has to pass the
    line-manager rule: one who may not line-manage this person is not set,
    and the reason is logged. Returns those reasons."""
    from people.services import set_profile

    profile, _ = LearnerProfile.objects.get_or_create(user=user)
    values: dict[str, Any] = {}
    title = _claim_text(claims, "jobTitle", "job_title")
    if title:
        role = Role.objects.filter(Q(name__iexact=title) | Q(slug__iexact=title)).first()
        if role is not None and role.pk != profile.role_id:
            values["role"] = role
    department = _claim_text(claims, "department")
    if department and profile.agency_id:
        team = Team.objects.filter(agency_id=profile.agency_id, name__iexact=department).first()
        if team is not None and team.pk != profile.team_id:
            values["team"] = team
    problems = []
    email = _manager_email(claims)
    if email:
        manager = User.objects.filter(email__iexact=email).first()
        if manager is None:
            problems.append(f"{email} has no account here.")
        elif manager.pk != profile.line_manager_id:
            problem = line_manager_problem(profile, manager)
            if problem:
                problems.append(problem)
            else:
                values["line_manager"] = manager
    for problem in problems:
        log.warning("line manager from sign-in not set", extra={"user_id": user.pk, "reason": problem})
    if values:
        set_profile(profile, **values)
    return problems
