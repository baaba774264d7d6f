"""Two gates on every request: finish your profile; administrators use MFA
(in the admin, and on every administrative page elsewhere: `people.two_step`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from people import two_step

# Paths a user with an unfinished profile may still reach.
_ALWAYS_ALLOWED = ("/accounts/", "/welcome/", "/static/", "/media/", "/healthz", "/learning/certificates/verify")
ADMIN_PREFIX = "/admin/"
ADMIN_NOT_ALLOWED = "The admin is for trainers, training administrators and content editors."
ADMIN_MFA_MESSAGE = (
    "To use the admin you need two-step sign-in. Set up an authenticator app, then go back to the admin."
)


class ProfileCompletionMiddleware:
    """Send a signed-in learner to the first-sign-in step until team and role are set."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_superuser
            and request.method == "GET"
            and not request.path.startswith(_ALWAYS_ALLOWED)
            and not request.path.startswith(ADMIN_PREFIX)
        ):
            profile = getattr(user, "profile", None)
            if profile is not None and not profile.is_complete:
                return redirect(f"{reverse('people:welcome')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class AdminMFAMiddleware:
    """Anyone entering the Wagtail admin must have an authenticator app set up.

    allauth then asks for a code at every sign-in, so an administrator's
    session always passed two steps. Someone signed in without admin access
    is told so here: Wagtail would send them to the sign-in page, which
    sends a signed-in person straight back.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (request.path.startswith(ADMIN_PREFIX) and request.user.is_authenticated):
            return self.get_response(request)
        if not request.user.has_perm("wagtailadmin.access_admin"):
            if request.path == ADMIN_PREFIX + "logout/":
                return self.get_response(request)
            return render(request, "403.html", {"reason": ADMIN_NOT_ALLOWED}, status=403)
        if two_step.required() and not two_step.has_authenticator(request.user):
            messages.info(request, ADMIN_MFA_MESSAGE)
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        """The same gate for the administrative pages outside the admin (`people.two_step`)."""
        match = request.resolver_match
        if match is None or not two_step.needs_setting_up(request.user, match.view_name):
            return None
        path = request.get_full_path()
        if request.method == "GET" and path.startswith("/") and not path.startswith("//"):
            request.session[two_step.NEXT_KEY] = path
        messages.info(request, two_step.TWO_STEP_MESSAGE)
        return redirect("mfa_activate_totp")
