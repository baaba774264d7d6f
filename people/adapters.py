"""allauth hooks: the agency-domain rule for sign-up and single sign-on.

Only people with an email address at a partner agency may have an account,
whether they sign up with a password or arrive through Microsoft Entra ID;
either way their agency is the one that owns the address's domain.
"""

from __future__ import annotations

import logging
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from lib.client_ip import client_ip
from people.domains import agency_for_email, email_domain
from people.groups import GroupName
from people.models import LearnerProfile, User

log = logging.getLogger(__name__)

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
        return user


def assign_agency_from_email(user: User) -> None:
    """Give a new user the agency of their email domain and the learner group."""
    agency = agency_for_email(user.email)
    profile, _ = LearnerProfile.objects.get_or_create(user=user)
    if agency is not None and profile.agency_id is None:
        profile.agency = agency
        profile.save(update_fields=["agency", "updated_at"])
    learners, _ = Group.objects.get_or_create(name=GroupName.LEARNER)
    user.groups.add(learners)
