"""Line managers approve or decline their staff's requests: on the Approvals
page, or through the signed link in the request email."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from people.access import is_training_admin
from people.models import User
from people.types import AuthenticatedHttpRequest
from training import emails, services
from training.forms import DeclineForm
from training.models import Booking, BookingStatus
from training.views.common import report_refusal


def _pending() -> QuerySet[Booking]:
    return (
        Booking.objects.filter(status=BookingStatus.PENDING_APPROVAL)
        .select_related("learner", "learner__profile__team", "event__course")
        .prefetch_related("event__days")
        .order_by("approval_requested_at", "pk")
    )


@login_required
def approvals(request: HttpRequest) -> HttpResponse:
    pending = _pending()
    if not is_training_admin(request.user):
        pending = pending.filter(learner__profile__line_manager=request.user)
    return render(request, "training/approvals.html", {"pending": pending, "decline_form": DeclineForm()})


@require_POST
@login_required
def decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    approve = request.POST.get("decision") == "approve"
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        outcome = services.decide_approval(pk, request.user, approve, reason)
    except services.Refused as refusal:
        report_refusal(request, refusal)
    else:
        (messages.success if outcome.ok else messages.info)(request, outcome.message)
    return redirect("training:approvals")


def approval_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the request email. Works without signing in: the signature
    names the booking and the manager, and expires after 14 days. Nothing
    changes on GET, so mail scanners that follow links do no harm."""
    try:
        data = emails.read_approval_token(token)
    except signing.SignatureExpired:
        return _link_problem(
            request, "This approval link has expired. Sign in and use your Approvals page to answer the request."
        )
    except signing.BadSignature:
        return _link_problem(
            request,
            "This approval link is not valid: it may have been copied incompletely. "
            "Use the full link from the email, or sign in and use your Approvals page.",
        )
    booking = (
        (Booking.objects.select_related("learner__profile", "event__course").prefetch_related("event__days"))
        .filter(pk=data.get("b"))
        .first()
    )
    manager = User.objects.filter(pk=data.get("m")).first()
    if booking is None or manager is None or booking.learner.profile.line_manager_id != manager.pk:
        return _link_problem(
            request, "This request is no longer yours to answer: the learner's line manager has changed."
        )
    if request.method == "POST":
        approve = request.POST.get("decision") == "approve"
        form = DeclineForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        try:
            outcome = services.decide_approval(booking.pk, manager, approve, reason)
        except services.Refused as refusal:
            return _link_problem(request, " ".join(refusal.messages))
        return render(request, "training/approval_done.html", {"message": outcome.message, "booking": booking})
    if booking.status != BookingStatus.PENDING_APPROVAL:
        return render(
            request,
            "training/approval_done.html",
            {
                "message": f"This request has already been answered: the booking is {booking.get_status_display().lower()}."
            },
        )
    return render(
        request, "training/approval_link.html", {"booking": booking, "manager": manager, "decline_form": DeclineForm()}
    )


def _link_problem(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "training/approval_done.html", {"message": message, "problem": True}, status=400)
