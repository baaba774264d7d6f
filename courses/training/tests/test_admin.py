"""The admin screens for training administrators."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODELS = ["classroomcourse", "event", "trainerlicence", "bookingauditentry"]


@pytest.mark.parametrize("model", MODELS)
def test_training_administrators_can_open_the_admin_screens(client, training_admin, event, model):
    client.force_login(training_admin)
    listing = client.get(reverse(f"wagtailsnippets_training_{model}:list"))
    assert listing.status_code == 200
    if model != "bookingauditentry":
        assert client.get(reverse(f"wagtailsnippets_training_{model}:add")).status_code == 200
    if model == "event":
        assert client.get(reverse("wagtailsnippets_training_event:edit", args=[event.pk])).status_code == 200


def test_learners_cannot_open_the_admin_screens(client, new_staff, event):
    client.force_login(new_staff)
    response = client.get(reverse("wagtailsnippets_training_event:list"))
    assert response.status_code in (302, 403)
