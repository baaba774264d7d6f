"""Line managers approve or decline their staff's requests: on the Approvals
page, or on the request's own page, which the request email links to. Both
need the manager signed in: an approval is recorded as that person's decision."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from people.access import is_training_admin
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


@login_required
def decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One request, answered by a signed-in person. The emailed link comes
    here (signing in first if need be); the Approvals page posts here.
    Anyone but the learner's current line manager (or a training
    administrator) finds nothing, whether or not the request exists."""
    booking = (
        Booking.objects.select_related("learner__profile", "event__course")
        .prefetch_related("event__days")
        .filter(pk=pk)
        .first()
    )
    if booking is None or not services.may_approve(request.user, booking):
        return _problem(request, NO_REQUEST, status=404)
    if request.method == "POST":
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
    if booking.status != BookingStatus.PENDING_APPROVAL:
        already = booking.get_status_display().lower()
        return render(
            request,
            "training/approval_done.html",
            {"message": f"This request has already been answered: the booking is {already}."},
        )
    if not services.is_still_open(booking.event, timezone.now()):
        return _problem(request, CLOSED, status=200)
    return render(request, "training/approval_link.html", {"booking": booking, "decline_form": DeclineForm()})


@login_required
def approval_link(request: HttpRequest, token: str) -> HttpResponse:
    """The signed link of request emails sent before the decision page had
    its own address: it only leads there. It grants nothing by itself: the
    person signs in, and the decision page checks who they are."""
    try:
        data = emails.read_approval_token(token)
    except signing.SignatureExpired:
        return _problem(request, "This link has expired. Use your Approvals page to answer the request.")
    except signing.BadSignature:
        return _problem(
            request,
            "This approval link is not valid: it may have been copied incompletely. "
            "Use the full link from the email, or use your Approvals page.",
        )
    return redirect("training:decide", pk=int(data.get("b") or 0))


NO_REQUEST = (
    "There is no request here for you to answer. Only the learner's current line manager can approve or "
    "decline a training request: if you no longer line manage them, it has gone to their new line manager."
)
CLOSED = (
    "This request can no longer be answered: the event has started or is no longer open for booking. "
    "The request lapses and we tell the learner."
)


def _problem(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return render(request, "training/approval_done.html", {"message": message, "problem": True}, status=status)
