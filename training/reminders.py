"""The daily reminder job, run from cron by `manage.py send_training_reminders`:
reminders, approval chases, lapsed offers, approval requests lapsed once
their event has started (the learner is told), events whose days are over marked
finished, and warnings before a trainer's licence ends.

It is safe to run as often as you like: every email it queues has an outbox
key naming the booking and the occasion, so a second run sends nothing new.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Min
from django.utils import timezone

from training import emails, notices, services
from training.models import Booking, BookingStatus, EventStatus


@dataclass
class ReminderReport:
    reminded: int = 0
    chased: int = 0
    expired: int = 0
    lapsed: int = 0
    finished: int = 0
    licences: int = 0


def send_reminders(now: dt.datetime | None = None) -> ReminderReport:
    now = now or timezone.now()
    today = timezone.localdate(now)
    report = ReminderReport()
    report.expired = services.expire_offers(now)
    report.lapsed = services.lapse_unanswered_requests(now)
    report.finished = services.finish_past_events(today)
    report.licences = notices.licence_warnings(today)

    confirmed = (
        Booking.objects.filter(status=BookingStatus.CONFIRMED)
        .exclude(event__status__in=[EventStatus.CANCELLED, EventStatus.DRAFT])
        .annotate(first_date=Min("event__days__date"))
        .filter(first_date__gte=today)
        .select_related("learner", "event__course")
        .prefetch_related("event__days")
    )
    for booking in confirmed:
        days_before = (booking.event.day_list[0].date - today).days
        if days_before <= booking.event.course.reminder_days:
            emails.event_reminder(booking)
            report.reminded += 1

    pending = (
        Booking.objects.filter(status=BookingStatus.PENDING_APPROVAL)
        .select_related("learner__profile__line_manager", "event__course")
        .prefetch_related("event__days")
    )
    for booking in pending:
        if booking.approval_requested_at is None:
            continue
        waited = (now - booking.approval_requested_at).days
        every = max(1, booking.event.course.approval_chase_days)
        # One chase per whole period waited: chase 1 after N days, chase 2 after 2N...
        chase = waited // every
        if chase >= 1:
            emails.approval_requested(booking, chase=chase)
            report.chased += 1
    return report
