"""Trainers (for their own events) and training administrators (for all):
events, rosters, attendance, sign-in sheets, CSV, email, cancel."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from lib.page_sections import page_sections
from matrix.duties import required_training_ids
from matrix.models import CompletionRecord
from people.access import is_training_admin
from people.types import AuthenticatedHttpRequest
from training import rules, services
from training.forms import AttendanceForm, CancelEventForm, EmailEveryoneForm, EventForm
from training.models import Booking, BookingStatus, Event, EventStatus
from training.views.common import NotAllowed, event_for_trainer, may_run_events, not_allowed, report_refusal

View = Callable[..., HttpResponse]


def trainer_view(view: View) -> View:
    """Signed in, a trainer or training administrator; a refusal becomes a clear 403 page."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_run_events(request.user):
            return not_allowed(request, "This page is for trainers and training administrators.")
        try:
            return view(request, *args, **kwargs)
        except NotAllowed as refusal:
            return not_allowed(request, refusal.message)

    return wrapper


@trainer_view
def my_events(request: HttpRequest) -> HttpResponse:
    admin = is_training_admin(request.user)
    events = Event.objects.all() if admin else Event.objects.filter(trainers=request.user)
    events = events.with_counts().select_related("course").prefetch_related("days").order_by("first_date", "pk")
    today = timezone.localdate()
    upcoming = [e for e in events if e.first_date is None or (e.last_day and e.last_day.date >= today)]
    past = [e for e in events if e not in upcoming]
    return render(request, "training/my_events.html", {"upcoming": upcoming, "past": past[::-1], "admin": admin})


@trainer_view
def event_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    admin = is_training_admin(request.user)
    form = EventForm(request.POST or None, user=request.user, admin=admin)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        event, created = services.create_event_once(
            data["course"], request.user, form.event_fields(), form.days, form.chosen_trainers, data["token"]
        )
        if created:
            messages.success(request, "The event is created.")
        else:
            messages.info(request, "This form had already created the event, so no second one was made. Here it is.")
        return redirect("training:roster", pk=event.pk)
    return render(request, "training/event_form.html", {"form": form, "event": None})


@trainer_view
def event_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = event_for_trainer(request, pk)
    admin = is_training_admin(request.user)
    form = EventForm(request.POST or None, instance=event, user=request.user, admin=admin)
    if event.status == EventStatus.CANCELLED:
        messages.error(request, "This event has been cancelled and can no longer be changed.")
        return redirect("training:roster", pk=pk)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["course"] != event.course:
            form.add_error("course", "The course of an existing event cannot change. Create a new event instead.")
        else:
            trainers = form.chosen_trainers if admin else None
            try:
                outcome = services.update_event(event.pk, request.user, form.event_fields(), form.days, trainers)
            except services.Refused as refusal:
                for message in refusal.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, outcome.message)
                return redirect("training:roster", pk=pk)
    active = Counter(event.bookings.filter(status__in=rules.ACTIVE_STATUSES).values_list("status", flat=True))
    return render(request, "training/event_form.html", {"form": form, "event": event, "active": active})


def _roster(event: Event) -> list[Booking]:
    return list(
        event.bookings.select_related("learner", "learner__profile__team", "learner__profile__agency")
        .prefetch_related("attendances__day")
        .order_by("created_at", "pk")
    )


@trainer_view
def roster(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_trainer(request, pk)
    bookings = _roster(event)
    prerequisites = list(event.course.prerequisites.all())
    learner_ids = [b.learner_id for b in bookings]
    done = set(
        CompletionRecord.objects.filter(user__in=learner_ids, training__in=prerequisites).values_list(
            "user_id", "training_id"
        )
    )
    # Only what the matrix requires of each attendee counts as missing: a
    # partner agency's staff are not flagged for the new-staff course.
    required = required_training_ids(learner_ids, [t.pk for t in prerequisites])
    days = event.day_list
    rows = []
    for booking in bookings:
        marks = booking.marks()
        rows.append(
            {
                "booking": booking,
                "marks": [(day, marks.get(day.number)) for day in days],
                "missing_prerequisites": [
                    t.title
                    for t in prerequisites
                    if (booking.learner_id, t.pk) in required and (booking.learner_id, t.pk) not in done
                ],
            }
        )
    holding = [r for r in rows if r["booking"].holds_place]
    waiting = [r for r in rows if r["booking"].status == BookingStatus.WAITLISTED]
    other = [r for r in rows if not r["booking"].is_active]
    return render(
        request,
        "training/roster.html",
        {
            "event": event,
            "days": days,
            "holding": holding,
            "waiting": waiting,
            "other": other,
            "places_left": rules.places_left(event.capacity, len(holding)),
            "audit": event.audit_entries.select_related("actor", "booking__learner")[:50],
            "extra_sections": page_sections("training_roster_sections", request, event=event),
        },
    )


@trainer_view
def attendance(request: AuthenticatedHttpRequest, pk: int, day: int) -> HttpResponse:
    event = event_for_trainer(request, pk)
    event_day = next((d for d in event.day_list if d.number == day), None)
    if event_day is None:
        return not_allowed(request, f"This event has no day {day}.")
    not_started = services.not_started_message(event_day, timezone.now())
    bookings = services.attendees_for_day(event, day)
    form = AttendanceForm(request.POST or None, bookings=bookings, day_number=day)
    if request.method == "POST" and not not_started and form.is_valid():
        try:
            outcome = services.mark_attendance(event.pk, day, form.marks(), request.user)
        except services.Refused as refusal:
            report_refusal(request, refusal)
        else:
            messages.success(request, outcome.message)
            return redirect("training:roster", pk=pk)
    return render(
        request,
        "training/attendance.html",
        {"event": event, "day": event_day, "form": form, "not_started": not_started},
    )


@trainer_view
def sign_in_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_trainer(request, pk)
    bookings = [b for b in _roster(event) if b.status == BookingStatus.CONFIRMED]
    return render(request, "training/sign_in_sheet.html", {"event": event, "bookings": bookings})


def csv_cell(value: object) -> str:
    """Spreadsheet programs run cells that start with = + - @ (or tab/CR) as
    formulas; a leading apostrophe makes them plain text."""
    text = "" if value is None else str(value)
    if text and text[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


@trainer_view
def roster_csv(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_for_trainer(request, pk)
    days = event.day_list
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="roster-{event.course.slug}-{event.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["Name", "Email", "Agency", "Team", "Booking status", "Booked at", "Late cancellation"]
        + [f"Day {d.number} ({d.date:%d/%m/%Y})" for d in days]
    )
    for booking in _roster(event):
        profile = getattr(booking.learner, "profile", None)
        marks = booking.marks()
        writer.writerow(
            [
                csv_cell(value)
                for value in [
                    booking.learner.display_name,
                    booking.learner.email,
                    profile.agency.name if profile and profile.agency else "",
                    profile.team.name if profile and profile.team else "",
                    booking.get_status_display(),
                    timezone.localtime(booking.created_at).strftime("%d/%m/%Y %H:%M"),
                    "Yes" if booking.late_cancellation else "",
                ]
                + [marks.get(d.number, "") for d in days]
            ]
        )
    return response


@trainer_view
def email_everyone(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = event_for_trainer(request, pk)
    form = EmailEveryoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = services.email_everyone(event.pk, request.user, data["subject"], data["body"], data["token"])
        messages.success(request, outcome.message)
        return redirect("training:roster", pk=pk)
    count = event.bookings.filter(status__in=rules.HOLDING_STATUSES).count()
    return render(request, "training/email_everyone.html", {"event": event, "form": form, "count": count})


@trainer_view
def cancel_event(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = event_for_trainer(request, pk)
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.cancel_event(event.pk, request.user, form.cleaned_data["reason"])
        except services.Refused as refusal:
            report_refusal(request, refusal)
        else:
            messages.success(request, outcome.message)
            return redirect("training:roster", pk=pk)
    count = event.bookings.filter(status__in=rules.ACTIVE_STATUSES).count()
    return render(request, "training/cancel_event.html", {"event": event, "form": form, "count": count})
