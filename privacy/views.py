from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from people.access import is_training_admin
from people.models import User
from people.types import AuthenticatedHttpRequest
from privacy import services
from privacy.forms import AuditFilterForm, DeletionRequestForm, EraseForm
from privacy.models import AuditAction, AuditEvent, DeletionRequest, DeletionStatus
from privacy.rules import is_erased_email


def _admins_only(request: HttpRequest) -> HttpResponse | None:
    if is_training_admin(request.user):
        return None
    return render(
        request,
        "privacy/not_allowed.html",
        {"message": "Only training administrators can see this page."},
        status=403,
    )


@login_required
@require_GET
def my_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = services.export_user_data(request.user)
    open_request = DeletionRequest.objects.filter(user=request.user, status=DeletionStatus.REQUESTED).first()
    return render(request, "privacy/my_data.html", {"data": data, "open_request": open_request})


@login_required
@require_GET
def my_data_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    body = services.export_json(request.user)
    services.record(
        AuditAction.OWN_EXPORT, actor=request.user, subject=request.user, what="privacy:download", request=request
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-learning-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: AuthenticatedHttpRequest) -> HttpResponse:
    open_request = DeletionRequest.objects.filter(user=request.user, status=DeletionStatus.REQUESTED).first()
    form = DeletionRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and open_request is None and form.is_valid():
        services.request_deletion(request.user, form.cleaned_data["reason"], request=request)
        messages.success(
            request,
            "We have your request. A training administrator will delete your account within one month "
            "and email you when it is done.",
        )
        return redirect("privacy:my_data")
    status = 400 if request.method == "POST" and open_request is None else 200
    return render(request, "privacy/delete_account.html", {"form": form, "open_request": open_request}, status=status)


@login_required
@require_POST
def withdraw(request: AuthenticatedHttpRequest) -> HttpResponse:
    if services.withdraw_deletion(request.user):
        messages.success(request, "You have withdrawn your request. Your account stays as it is.")
    return redirect("privacy:my_data")


@login_required
@require_GET
def requests(request: HttpRequest) -> HttpResponse:
    if refusal := _admins_only(request):
        return refusal
    open_requests = (
        DeletionRequest.objects.filter(status=DeletionStatus.REQUESTED)
        .select_related("user__profile__agency", "user__profile__team")
        .order_by("requested_at")
    )
    handled = DeletionRequest.objects.exclude(status=DeletionStatus.REQUESTED).order_by("-handled_at")[:20]
    return render(request, "privacy/requests.html", {"open_requests": open_requests, "handled": handled})


@login_required
@require_http_methods(["GET", "POST"])
def person(request: HttpRequest, pk: int) -> HttpResponse:
    if refusal := _admins_only(request):
        return refusal
    subject = get_object_or_404(User.objects.select_related("profile__agency", "profile__team", "profile__role"), pk=pk)
    erased = is_erased_email(subject.email)
    form = EraseForm(request.POST if request.method == "POST" else None)
    problem = ""
    if request.method == "POST" and not erased and form.is_valid():
        try:
            services.erase_person(subject, by=request.user, request=request)
        except services.PrivacyError as exc:
            problem = str(exc)
        else:
            messages.success(
                request, f"Person {subject.pk} has been erased. Their learning records are kept without a name."
            )
            return redirect("privacy:requests")
    context: dict[str, Any] = {
        "subject": subject,
        "erased": erased,
        "form": form,
        "problem": problem,
        "open_request": DeletionRequest.objects.filter(user=subject, status=DeletionStatus.REQUESTED).first(),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "privacy/person.html", context, status=status)


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    if refusal := _admins_only(request):
        return refusal
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.all()
    if form.is_valid():
        if who := form.cleaned_data["who"].strip():
            events = events.filter(actor_label__icontains=who)
        if whose := form.cleaned_data["whose"].strip():
            events = events.filter(subject_label__icontains=whose)
    page = Paginator(events.order_by("-at", "-id"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "privacy/audit_log.html", {"form": form, "page": page, "query": query.urlencode()})
