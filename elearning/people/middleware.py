"""Two gates on every request: finish your profile; administrators use MFA."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# Paths a user with an unfinished profile may still reach.
_ALWAYS_ALLOWED = ("/accounts/", "/welcome/", "/static/", "/media/", "/healthz", "/certificates/verify")


class ProfileCompletionMiddleware:
    """Send a signed-in learner to the first-sign-in step until team and role are set."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_superuser
            and not request.path.startswith(_ALWAYS_ALLOWED)
            and not request.path.startswith("/admin/")
            and request.method == "GET"
        ):
            profile = getattr(user, "profile", None)
            if profile is not None and not profile.is_complete:
                return redirect(f"{reverse('people:welcome')}?next={request.get_full_path()}")
        return self.get_response(request)


class AdminMFAMiddleware:
    """Anyone entering the Wagtail admin must have an authenticator app set up."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/admin/") and request.user.is_authenticated:
            from allauth.mfa.models import Authenticator
            from django.conf import settings

            if (
                getattr(settings, "ADMIN_MFA_REQUIRED", True)
                and not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()
            ):
                return redirect(f"{reverse('mfa_activate_totp')}?next={request.get_full_path()}")
        return self.get_response(request)
