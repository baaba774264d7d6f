"""The training section of the signed-in home page.

Which classroom training to book comes from the training matrix
(`matrix.duties`): "Find a date" is offered for each classroom training the
matrix requires of the person that they have neither met nor booked. The
section is left out when there is nothing in it."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from home.dashboard import DashboardSection
from matrix.duties import duties_for_request
from matrix.models import TrainingKind
from training import rules
from training.models import Booking, BookingStatus, ClassroomCourse, Event, EventStatus
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
    duties = [d for d in duties_for_request(request).values() if d.kind == TrainingKind.CLASSROOM and d.to_do]
    courses = dict(
        ClassroomCourse.objects.filter(training_id__in=[d.training.pk for d in duties]).values_list("training_id", "pk")
    )
    events_url = reverse("training:events")
    # The list of dates for the course that counts towards it, else the training's own link.
    to_book = [
        (d, f"{events_url}?course={courses[d.training.pk]}" if d.training.pk in courses else d.training.start_url)
        for d in duties
    ]
    context = {
        "bookings": [b for b in bookings if b.status != BookingStatus.OFFERED],
        "offers": offers,
        "approvals": list(approvals),
        "events_to_run": events_to_run,
        "to_book": to_book,
    }
    if not any(context.values()):
        return None
    return DashboardSection(
        title="Classroom training", template="training/dashboard_section.html", context=context, order=30
    )
