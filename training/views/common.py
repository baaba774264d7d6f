"""Shared helpers: the refusal page and the loaders that check permission."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from people.access import is_trainer, is_training_admin
from people.types import AuthenticatedHttpRequest
from training.models import Booking, Event
from training.services import Refused


class NotAllowed(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def not_allowed(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "training/not_allowed.html", {"message": message}, status=403)


def may_run_events(user: object) -> bool:
    return is_trainer(user) or is_training_admin(user)


def event_for_trainer(request: HttpRequest, pk: int) -> Event:
    """The event, if the user is one of its trainers or a training administrator."""
    event = (
        Event.objects.select_related("course", "course__training")
        .prefetch_related("days", "trainers")
        .filter(pk=pk)
        .first()
    )
    if event is None:
        raise Http404("No such event.")
    if not event.is_run_by(request.user):
        raise NotAllowed("Only the event's trainers and training administrators can see this page.")
    return event


def own_booking(request: AuthenticatedHttpRequest, pk: int) -> Booking:
    booking = (
        Booking.objects.select_related("event__course", "event__course__training")
        .prefetch_related("event__days", "attendances__day")
        .filter(pk=pk, learner=request.user)
        .first()
    )
    if booking is None:
        raise Http404("You have no booking with that number.")
    return booking


def report_refusal(request: HttpRequest, refusal: Refused) -> None:
    for message in refusal.messages:
        messages.error(request, message)
