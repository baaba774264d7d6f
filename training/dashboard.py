"""The training section of the signed-in home page."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from home.dashboard import DashboardSection
from training import rules
from training.models import Booking, BookingStatus, Event, EventStatus
from training.views.common import may_run_events


def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    user = request.user
    if not user.is_authenticated:
        return None
    today = timezone.localdate()
    bookings = list(
        Booking.objects.filter(learner=user, status__in=rules.ACTIVE_STATUSES, event__days__date__gte=today)
        .exclude(event__status=EventStatus.CANCELLED)
        .select_related("event__course")
        .prefetch_related("event__days")
        .distinct()
        .order_by("created_at")
    )
    offers = [b for b in bookings if b.status == BookingStatus.OFFERED]
    approvals = (
        Booking.objects.filter(status=BookingStatus.PENDING_APPROVAL, learner__profile__line_manager=user)
        .select_related("learner", "event__course")
        .prefetch_related("event__days")[:10]
    )
    events_to_run: list[Event] = []
    if may_run_events(user):
        events_to_run = list(
            Event.objects.filter(trainers=user)
            .exclude(status__in=[EventStatus.CANCELLED, EventStatus.FINISHED])
            .with_counts()
            .filter(first_date__gte=today)
            .select_related("course")
            .prefetch_related("days")
            .order_by("first_date")[:5]
        )
    return DashboardSection(
        title="Classroom training",
        template="training/dashboard_section.html",
        context={
            "bookings": [b for b in bookings if b.status != BookingStatus.OFFERED],
            "offers": offers,
            "approvals": list(approvals),
            "events_to_run": events_to_run,
        },
        order=30,
    )
