"""Emails that tell a line manager or the training team about something that
happened to a booking or a licence. Their words are templates under
templates/training/emails/; each has an outbox key naming the record and the
reason, so it is sent once."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse

from outbox.services import send_templated
from people.groups import GroupName
from people.models import LearnerProfile, User
from training.models import Booking, TrainerLicence


def _manager_of(user: User) -> User | None:
    profile = LearnerProfile.objects.select_related("line_manager").filter(user=user).first()
    manager = profile.line_manager if profile else None
    return manager if manager is not None and manager.is_active else None


def no_show(booking: Booking, day_number: int) -> None:
    """The learner was marked absent for a whole day of their booking."""
    manager = _manager_of(booking.learner)
    if manager is None:
        return
    send_templated(
        f"manager-no-show:{booking.pk}:{day_number}",
        [manager.email],
        "training/emails/manager_no_show",
        {"booking": booking, "person": booking.learner, "manager": manager, "day_number": day_number},
    )


def late_cancellation(booking: Booking) -> None:
    manager = _manager_of(booking.learner)
    if manager is None:
        return
    send_templated(
        f"manager-late-cancellation:{booking.pk}",
        [manager.email],
        "training/emails/manager_late_cancellation",
        {"booking": booking, "person": booking.learner, "manager": manager},
    )


def licence_warnings(today: dt.date) -> int:
    """Warn each trainer, and the training administrators, before a licence
    ends; once per licence and end date."""
    until = today + dt.timedelta(days=settings.LICENCE_WARNING_DAYS)
    licences = TrainerLicence.objects.filter(valid_until__gte=today, valid_until__lte=until).select_related(
        "trainer", "course"
    )
    admins = list(User.objects.filter(is_active=True, groups__name=GroupName.TRAINING_ADMIN).distinct())
    sent = 0
    for licence in licences:
        context = {"licence": licence, "trainer": licence.trainer, "link": reverse("training:my_events")}
        recipients = ([licence.trainer] if licence.trainer.is_active else []) + [
            admin for admin in admins if admin.pk != licence.trainer_id
        ]
        for recipient in recipients:
            send_templated(
                f"licence-expiring:{licence.pk}:{licence.valid_until:%Y-%m-%d}:{recipient.pk}",
                [recipient.email],
                "training/emails/licence_expiring",
                {**context, "recipient": recipient, "is_trainer": recipient.pk == licence.trainer_id},
            )
            sent += 1
    return sent
