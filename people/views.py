from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from people.forms import ProfileForm
from people.models import LearnerProfile
from people.types import AuthenticatedHttpRequest


def _safe_next(request: HttpRequest, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@login_required
def welcome(request: AuthenticatedHttpRequest) -> HttpResponse:
    """First sign-in: the learner says which team they are in and what they do."""
    profile, _ = LearnerProfile.objects.get_or_create(user=request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, "Thank you. Your profile is set up.")
            return redirect(_safe_next(request))
    else:
        form = ProfileForm(instance=profile)
    return render(request, "people/welcome.html", {"form": form, "profile": profile, "next": _safe_next(request)})


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The learner's own details, and where to change them."""
    profile, _ = LearnerProfile.objects.select_related("agency", "team", "role", "line_manager").get_or_create(
        user=request.user
    )
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, "Your profile has been updated.")
            return redirect("people:profile")
    else:
        form = ProfileForm(instance=profile)
    return render(request, "people/profile.html", {"form": form, "profile": profile})


def sign_in_through_allauth(request: HttpRequest, **_: str) -> HttpResponse:
    """Wagtail's own sign-in and password-reset pages (the admin's and the
    one for private pages) only send people to ours. They are plain Django
    views: a password there would skip email confirmation, the two-step
    sign-in and the rate limits. Nothing sent to them is read but `next`."""
    target = _safe_next(request, default="")
    login = reverse("account_login")
    return redirect(f"{login}?{urlencode({'next': target})}" if target else login)
