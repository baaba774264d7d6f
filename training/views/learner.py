"""Learners: find an event, book it, manage their bookings."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from matrix.models import CompletionRecord, CompletionSource
from people.access import is_training_admin
from people.types import AuthenticatedHttpRequest
from training import rules, services
from training.calendar import booking_calendar
from training.forms import CancelForm, EventFilterForm
from training.models import Booking, BookingStatus, Event, EventStatus, TrainerLicence
from training.throttle import limit_bookings
from training.views.common import own_booking, report_refusal

LISTED = [EventStatus.OPEN, EventStatus.FULL]


def _upcoming(today: dt.date) -> QuerySet[Event]:
    return Event.objects.filter(status__in=LISTED).with_counts().filter(first_date__gte=today)


@login_required
def event_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    base = _upcoming(today)
    first_dates = sorted({d.replace(day=1) for d in base.values_list("first_date", flat=True)})
    venues = sorted({v or "Online" for v in base.values_list("venue_name", flat=True)})
    form = EventFilterForm(request.GET or None, months=first_dates, venues=venues)
    events = base.select_related("course").prefetch_related("days").order_by("first_date", "pk")
    if form.is_valid():
        data = form.cleaned_data
        if data["course"]:
            events = events.filter(course=data["course"])
        if data["month"]:
            year, month = (int(part) for part in data["month"].split("-"))
            events = events.filter(first_date__year=year, first_date__month=month)
        if data["venue"] == "Online":
            events = events.filter(venue_name="")
        elif data["venue"]:
            events = events.filter(venue_name=data["venue"])
        if data["places"]:
            events = events.filter(holding_count__lt=F("capacity"))
    page = Paginator(events, 20).get_page(request.GET.get("page"))
    mine = dict(
        Booking.objects.filter(learner=request.user, status__in=rules.ACTIVE_STATUSES).values_list("event_id", "status")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "training/event_list.html",
        {
            "form": form,
            "page": page,
            "mine": {k: BookingStatus(v).label for k, v in mine.items()},
            "query": query.urlencode(),
        },
    )


def _catch_up_for(request: AuthenticatedHttpRequest, event: Event) -> tuple[Booking, int] | None:
    """An earlier booking on the same course with exactly one missed day that this event runs."""
    candidates = (
        Booking.objects.filter(learner=request.user, event__course=event.course, status=BookingStatus.CONFIRMED)
        .exclude(event=event)
        .filter(event__days__date__lt=timezone.localdate())
        .prefetch_related("event__days", "attendances__day")
        .distinct()
    )
    numbers = {d.number for d in event.day_list}
    for booking in candidates:
        missing = rules.catch_up_day(booking.required_days(), booking.marks())
        if missing in numbers and not booking.catch_ups.filter(status__in=rules.ACTIVE_STATUSES).exists():
            return booking, missing
    return None


@login_required
def event_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = (
        Event.objects.select_related("course", "course__training")
        .prefetch_related(
            "days",
            "course__prerequisites",
            Prefetch("trainers__trainer_licences", queryset=TrainerLicence.objects.order_by("-valid_until")),
        )
        .filter(pk=pk)
        .first()
    )
    if event is None or (event.status == EventStatus.DRAFT and not event.is_run_by(request.user)):
        raise Http404("No such event.")
    last_day = event.last_day.date if event.last_day else timezone.localdate()
    trainers = [
        (trainer, next((lic for lic in trainer.trainer_licences.all() if lic.covers(event.course, last_day)), None))
        for trainer in event.trainers.all()
    ]
    booking = Booking.objects.filter(event=event, learner=request.user, status__in=rules.ACTIVE_STATUSES).first()
    check = None if booking else services.check_booking(event, request.user)
    return render(
        request,
        "training/event_detail.html",
        {
            "event": event,
            "trainers": trainers,
            "booking": booking,
            "check": check,
            "catch_up": _catch_up_for(request, event) if not booking else None,
            "can_run": event.is_run_by(request.user),
            "can_place": event.status in LISTED
            and (is_training_admin(request.user) or request.user.managed_profiles.exists()),
        },
    )


@require_POST
@login_required
@limit_bookings
def book(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    if not Event.objects.filter(pk=pk).exclude(status=EventStatus.DRAFT).exists():
        raise Http404("No such event.")
    try:
        outcome = services.book(pk, request.user)
    except services.Refused as refusal:
        report_refusal(request, refusal)
        return redirect("training:event", pk=pk)
    messages.success(request, outcome.message) if outcome.created else messages.info(request, outcome.message)
    return redirect("training:my_bookings")


@require_POST
@login_required
@limit_bookings
def book_catch_up(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    try:
        earlier = int(request.POST.get("earlier", ""))
    except ValueError:
        messages.error(request, "Choose which booking you are making up a day for.")
        return redirect("training:event", pk=pk)
    try:
        outcome = services.book_catch_up(earlier, pk, request.user)
    except services.Refused as refusal:
        report_refusal(request, refusal)
        return redirect("training:event", pk=pk)
    messages.success(request, outcome.message)
    return redirect("training:my_bookings")


@login_required
def my_bookings(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    bookings = list(
        Booking.objects.filter(learner=request.user)
        .select_related("event__course", "event__course__training")
        .prefetch_related("event__days", "attendances__day")
        .order_by("-created_at", "-pk")
    )
    completed_refs = set(
        CompletionRecord.objects.filter(user=request.user, source=CompletionSource.CLASSROOM).values_list(
            "source_ref", flat=True
        )
    )
    course_ids = {b.event.course_id for b in bookings}
    next_events: dict[int, list[Event]] = {}
    for event in _upcoming(today).filter(course_id__in=course_ids).prefetch_related("days").order_by("first_date"):
        next_events.setdefault(event.course_id, []).append(event)
    upcoming, past = [], []
    for booking in bookings:
        last = booking.event.last_day
        row = {"booking": booking, "completed": f"event:{booking.event_id}" in completed_refs}
        is_past = booking.status == BookingStatus.CONFIRMED and (
            row["completed"] or (last is not None and last.date < today)
        )
        if is_past:
            result = booking.attendance()
            row["result"] = result
            missing = rules.catch_up_day(booking.required_days(), booking.marks())
            if missing and not row["completed"] and not booking.catch_up_day:
                row["missing_day"] = missing
                row["catch_up_event"] = next(
                    (
                        e
                        for e in next_events.get(booking.event.course_id, [])
                        if missing in [d.number for d in e.day_list]
                    ),
                    None,
                )
            past.append(row)
        elif booking.is_active:
            upcoming.append(row)
        else:
            past.append(row)
    return render(request, "training/my_bookings.html", {"upcoming": upcoming, "past": past})


@login_required
@limit_bookings
def cancel_booking(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = own_booking(request, pk)
    if not booking.is_active:
        messages.info(request, "This booking is already cancelled.")
        return redirect("training:my_bookings")
    event = booking.event
    late = booking.status == BookingStatus.CONFIRMED and rules.is_late_cancellation(
        timezone.now(), event.first_start, event.course.late_cancellation_days
    )
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.cancel(booking.pk, request.user, form.cleaned_data["reason"])
        except services.Refused as refusal:
            report_refusal(request, refusal)
        else:
            messages.success(request, outcome.message)
            return redirect("training:my_bookings")
    return render(request, "training/cancel_booking.html", {"booking": booking, "form": form, "late": late})


@login_required
def offer(request: HttpRequest, pk: int) -> HttpResponse:
    booking = own_booking(request, pk)
    live = booking.status == BookingStatus.OFFERED and rules.offer_is_live(booking.offer_expires_at, timezone.now())
    return render(request, "training/offer.html", {"booking": booking, "live": live})


@require_POST
@login_required
@limit_bookings
def accept_offer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = own_booking(request, pk)
    outcome = services.accept_offer(booking.pk, request.user)
    (messages.success if outcome.ok else messages.error)(request, outcome.message)
    return redirect("training:my_bookings")


@require_POST
@login_required
@limit_bookings
def decline_offer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = own_booking(request, pk)
    outcome = services.decline_offer(booking.pk, request.user)
    (messages.success if outcome.ok else messages.error)(request, outcome.message)
    return redirect("training:my_bookings")


@login_required
def calendar_file(request: HttpRequest, pk: int) -> HttpResponse:
    booking = own_booking(request, pk)
    if booking.status != BookingStatus.CONFIRMED:
        raise Http404("Only a confirmed booking has a calendar file.")
    response = HttpResponse(booking_calendar(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{booking.event.course.slug}-{booking.event_id}.ics"'
    return response
