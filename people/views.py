from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail import hooks

from people import services
from people.access import is_training_admin
from people.forms import ChangeProposalForm, ProfileForm
from people.models import LearnerProfile, ProfileChange
from people.types import AuthenticatedHttpRequest


def _safe_next(request: HttpRequest, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@login_required
def welcome(request: AuthenticatedHttpRequest) -> HttpResponse:
    """First sign-in: the learner says which team they are in and what they do.
    Only while nothing is on record: after that a change is a proposal."""
    profile, _ = LearnerProfile.objects.get_or_create(user=request.user)
    if profile.is_complete:
        return redirect(_safe_next(request, default=reverse("people:profile")))
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, "Thank you. Your profile is set up.")
            return redirect(_safe_next(request))
    else:
        form = ProfileForm(instance=profile)
    return render(request, "people/welcome.html", {"form": form, "profile": profile, "next": _safe_next(request)})


def _profile_of(user: object) -> LearnerProfile:
    return LearnerProfile.objects.select_related("agency", "team", "role", "line_manager").get_or_create(user=user)[0]


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What is on record about the learner, who can change it, what they will
    be sent, and a way to propose a change (which changes nothing until it is
    approved)."""
    profile = _profile_of(request.user)
    # The form works on its own copy: a proposal must never show as if on record.
    form = ChangeProposalForm(request.POST or None, instance=_profile_of(request.user))
    if request.method == "POST" and form.is_valid():
        proposal = services.Proposal(
            team=form.cleaned_data["team"],
            role=form.cleaned_data["role"],
            line_manager=form.cleaned_data.get("line_manager_email"),
            start_date=form.cleaned_data.get("start_date"),
            reason=form.cleaned_data.get("reason", ""),
        )
        try:
            services.propose_change(request.user, proposal)
        except services.ChangeRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, "Your change has been sent for approval. Your record stays as it is until it is approved."
            )
            return redirect("people:profile")
    pending = ProfileChange.objects.filter(user=request.user, status="pending").first()
    history = ProfileChange.objects.filter(user=request.user).exclude(status="pending")[:5]
    context = {
        "form": form,
        "profile": profile,
        "pending": pending,
        "history": history,
        "reminders": reminder_preview(request.user),
    }
    return render(request, "people/profile.html", context)


def reminder_preview(user: object) -> list[dict[str, object]]:
    """What the person will be sent, from the matrix's rules, through the hook
    each app registers (none when no app does)."""
    preview: list[dict[str, object]] = []
    for hook in hooks.get_hooks("reminder_preview"):
        preview.extend(hook(user))
    return preview


@login_required
@require_POST
def pause_reminders(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = _profile_of(request.user)
    profile.pause_reminders = request.POST.get("pause") == "yes"
    profile.save(update_fields=["pause_reminders", "updated_at"])
    if profile.pause_reminders:
        messages.success(request, "Reminders that are not essential are paused. You will still get overdue notices.")
    else:
        messages.success(request, "All reminders are on again.")
    return redirect("people:profile")


@login_required
@require_POST
def withdraw_change(request: AuthenticatedHttpRequest, change_id: int) -> HttpResponse:
    services.withdraw_change(request.user, change_id)
    messages.success(request, "Your proposed change has been withdrawn.")
    return redirect("people:profile")


@login_required
def changes(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Changes proposed by the people this user line-manages (everyone's, for a
    training administrator), to approve or refuse."""
    if request.method == "POST":
        try:
            change = services.decide_change(
                request.user,
                int(request.POST.get("change", "0") or 0),
                approve=request.POST.get("decision") == "approve",
                note=request.POST.get("note", ""),
            )
        except ProfileChange.DoesNotExist:
            messages.error(request, "That change no longer exists.")
        except services.ChangeRefused as refused:
            messages.error(request, str(refused))
        else:
            verb = "approved" if change.status == "approved" else "not approved"
            messages.success(request, f"{change.user.display_name}'s change is {verb}. They have been told.")
        return redirect("people:changes")
    waiting = services.pending_for(request.user)
    if not waiting and not is_training_admin(request.user) and not request.user.managed_profiles.exists():
        return render(request, "people/changes.html", {"waiting": [], "manages_nobody": True}, status=403)
    return render(request, "people/changes.html", {"waiting": waiting})


def sign_in_through_allauth(request: HttpRequest, **_: str) -> HttpResponse:
    """Wagtail's own sign-in and password-reset pages (the admin's and the
    one for private pages) only send people to ours. They are plain Django
    views: a password there would skip email confirmation, the two-step
    sign-in and the rate limits. Nothing sent to them is read but `next`."""
    target = _safe_next(request, default="")
    login = reverse("account_login")
    return redirect(f"{login}?{urlencode({'next': target})}" if target else login)
