"""allauth hooks: the agency-domain rule for sign-up and single sign-on."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.http import HttpRequest

from elearning.people.domains import agency_for_email, email_domain
from elearning.people.models import LearnerProfile, User

UNKNOWN_DOMAIN_MESSAGE = (
    "You can only create an account with a work email address from a partner agency. "
    "{domain} is not one of them. Use your work email, or ask your training team to add your agency."
)


class AccountAdapter(DefaultAccountAdapter):
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


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Single sign-on users are placed in the agency of their email domain."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        email = (sociallogin.user.email or "").strip()
        return bool(email) and agency_for_email(email) is not None

    def save_user(self, request: HttpRequest, sociallogin: Any, form: Any = None) -> User:
        user = super().save_user(request, sociallogin, form)
        assign_agency_from_email(user)
        return user


def assign_agency_from_email(user: User) -> None:
    from elearning.people.groups import GroupName

    agency = agency_for_email(user.email)
    profile, _ = LearnerProfile.objects.get_or_create(user=user)
    if agency is not None and profile.agency_id is None:
        profile.agency = agency
        profile.save(update_fields=["agency", "updated_at"])
    from django.contrib.auth.models import Group

    learners, _ = Group.objects.get_or_create(name=GroupName.LEARNER)
    user.groups.add(learners)
