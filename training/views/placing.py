"""Placing people on an event: training administrators book one person or a
cohort (picked from the matrix, typed or uploaded as a list of email
addresses); line managers nominate their direct reports."""

from __future__ import annotations

import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from matrix.models import MatrixStatus, RequirementAssignment
from people.access import is_training_admin
from people.models import User
from people.types import AuthenticatedHttpRequest
from training import services
from training.models import Event
from training.views.common import not_allowed

MAX_UPLOAD_BYTES = 200_000
EMAIL = re.compile(r"[^\s,;<>\"']+@[^\s,;<>\"']+\.[^\s,;<>\"']+")
STILL_NEEDED = [MatrixStatus.NOT_STARTED, MatrixStatus.IN_PROGRESS, MatrixStatus.OVERDUE, MatrixStatus.EXPIRED]
MATRIX_PICKS = 200


def emails_in(text: str) -> list[str]:
    """Email addresses in the order they appear, once each (a pasted column,
    a CSV with other columns, or a list separated by commas)."""
    seen: dict[str, None] = {}
    for match in EMAIL.findall(text):
        seen.setdefault(match.lower(), None)
    return list(seen)


def _candidates(request: AuthenticatedHttpRequest, event: Event) -> list[User]:
    if is_training_admin(request.user):
        rows = (
            RequirementAssignment.objects.filter(training=event.course.training, status__in=STILL_NEEDED)
            .select_related("user", "team")
            .order_by("due_on", "user__last_name")
        )
        return [row.user for row in rows[:MATRIX_PICKS]]
    return list(User.objects.filter(profile__line_manager=request.user, is_active=True).order_by("last_name"))


@login_required
def place_people(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = Event.objects.select_related("course__training").prefetch_related("days").filter(pk=pk).first()
    if event is None:
        raise Http404("No such event.")
    admin = is_training_admin(request.user)
    candidates = _candidates(request, event)
    if not admin and not candidates:
        return not_allowed(request, "Only training administrators and line managers can place people on training.")
    context: dict[str, object] = {"event": event, "admin": admin, "candidates": candidates}
    if request.method != "POST":
        return render(request, "training/place_people.html", context)

    errors: list[str] = []
    by_id = {user.pk: user for user in candidates}
    chosen = [by_id[int(v)] for v in request.POST.getlist("person") if v.isdigit() and int(v) in by_id]
    typed: list[str] = []
    if admin:
        typed = emails_in(request.POST.get("emails", ""))
        upload = request.FILES.get("file")
        if upload is not None:
            if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
                errors.append("The file is too big: upload a list of at most 200 KB, one email address a line.")
            else:
                text = upload.read(MAX_UPLOAD_BYTES + 1).decode("utf-8-sig", errors="replace")
                typed += [e for e in emails_in(text) if e not in typed]
    found = {u.email.lower(): u for u in User.objects.filter(email__in=typed, is_active=True)} if typed else {}
    unknown = [e for e in typed if e not in found]
    people = chosen + [found[e] for e in typed if e in found]
    if not people and not errors:
        errors.append("Choose at least one person, or give their email addresses.")
    if len(people) > services.MAX_COHORT:
        errors.append(f"Place at most {services.MAX_COHORT} people at a time.")
    if errors:
        return render(request, "training/place_people.html", {**context, "errors": errors}, status=400)
    try:
        report = services.place(event.pk, people, request.user)
    except services.Refused as refused:
        return render(request, "training/place_people.html", {**context, "errors": refused.messages}, status=400)
    return render(request, "training/place_people_done.html", {**context, "report": report, "unknown": unknown})
