"""Practice leads see late cancellations and no-shows of the people they cover."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from people.access import lead_scope_q
from training.models import Attendance, AttendanceStatus, Booking
from training.views.common import not_allowed


@login_required
def lead_report(request: HttpRequest) -> HttpResponse:
    scope = lead_scope_q(request.user, "learner__profile__")
    if scope is None:
        return not_allowed(request, "This page is for practice leads and training administrators.")
    late = (
        Booking.objects.filter(scope, late_cancellation=True)
        .select_related("learner", "learner__profile__team", "event__course")
        .prefetch_related("event__days")
        .order_by("-cancelled_at")[:200]
    )
    attendance_scope = lead_scope_q(request.user, "booking__learner__profile__")
    no_shows = (
        Attendance.objects.filter(attendance_scope, status=AttendanceStatus.ABSENT)
        .select_related("booking__learner", "booking__learner__profile__team", "booking__event__course", "day")
        .order_by("-day__date")[:200]
    )
    return render(request, "training/lead_report.html", {"late": late, "no_shows": no_shows})
