"""A new-event form posted twice (a double click, the back button) makes one
event: the second post lands on the event the first one made."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.urls import reverse

from training import services
from training.models import AuditAction, BookingAuditEntry, Event, EventStatus
from training.tests.conftest import event_form

pytestmark = pytest.mark.django_db

DAYS = [
    services.DayInput(1, dt.date(2027, 3, 2), dt.time(9, 30), dt.time(16, 30)),
    services.DayInput(2, dt.date(2027, 3, 3), dt.time(9, 30), dt.time(16, 30)),
]
FIELDS = {"status": EventStatus.OPEN, "capacity": 12, "venue_name": "Riverside Learning Centre"}


def _form(course, token: str | None) -> dict[str, object]:
    data = event_form(course, token=token)
    if token is None:
        del data["token"]
    return data


def test_the_new_event_form_carries_a_one_time_token(client, trainer, event):
    client.force_login(trainer)
    assert 'type="hidden" name="token"' in client.get(reverse("training:event_create")).content.decode()
    assert 'name="token"' not in client.get(reverse("training:event_edit", args=[event.pk])).content.decode()


def test_posting_the_same_form_twice_makes_one_event_and_lands_on_it(client, trainer, course, event):
    client.force_login(trainer)
    data = _form(course, uuid.uuid4().hex)
    first = client.post(reverse("training:event_create"), data)
    created = Event.objects.exclude(pk=event.pk).get()
    assert first["Location"] == reverse("training:roster", args=[created.pk])
    assert "The event is created." in client.get(first["Location"]).content.decode()
    second = client.post(reverse("training:event_create"), data)
    assert Event.objects.exclude(pk=event.pk).count() == 1
    assert second.status_code == 302
    assert second["Location"] == reverse("training:roster", args=[created.pk])
    page = client.get(second["Location"]).content.decode()
    assert "This form had already created the event, so no second one was made. Here it is." in page
    assert "The event is created." not in page
    assert BookingAuditEntry.objects.filter(action=AuditAction.EVENT_CREATED, event=created).count() == 1


def test_two_forms_make_two_events(client, trainer, course, event):
    client.force_login(trainer)
    client.post(reverse("training:event_create"), _form(course, uuid.uuid4().hex))
    client.post(reverse("training:event_create"), _form(course, uuid.uuid4().hex))
    assert Event.objects.exclude(pk=event.pk).count() == 2


@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_a_form_without_a_good_token_makes_nothing_and_says_why(client, trainer, course, event, token):
    client.force_login(trainer)
    response = client.post(reverse("training:event_create"), _form(course, token))
    assert response.status_code == 200
    assert "The form was out of date" in response.content.decode()
    assert Event.objects.count() == 1


def test_the_service_returns_the_event_already_made_with_the_token(course, trainer, training_admin):
    token = uuid.uuid4().hex
    event, created = services.create_event_once(course, trainer, FIELDS, DAYS, [trainer], token)
    again, created_again = services.create_event_once(course, trainer, FIELDS, DAYS, [trainer], token)
    assert (created, created_again) == (True, False)
    assert again == event
    # The token belongs to the person whose form it was: someone else's post is their own event.
    other, other_created = services.create_event_once(course, training_admin, FIELDS, DAYS, [trainer], token)
    assert other_created and other != event
