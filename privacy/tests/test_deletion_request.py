"""A learner asks for their account to be deleted; nothing happens until they confirm."""

from __future__ import annotations

import pytest
from django.urls import reverse

from privacy.models import DeletionRequest, DeletionStatus

pytestmark = pytest.mark.django_db


def test_it_refuses_a_request_without_the_confirmation_box(client, new_staff, home_page):
    client.force_login(new_staff)
    response = client.post(reverse("privacy:delete"), {"reason": "Leaving"})
    assert response.status_code == 400
    assert "Tick the box to confirm" in response.content.decode()
    assert not DeletionRequest.objects.exists()


def test_a_confirmed_request_is_recorded_once(client, new_staff, home_page):
    client.force_login(new_staff)
    response = client.post(reverse("privacy:delete"), {"reason": "I have left the council", "confirm": "on"})
    assert response.status_code == 302
    client.post(reverse("privacy:delete"), {"reason": "again", "confirm": "on"})
    request = DeletionRequest.objects.get()
    assert (request.user, request.status, request.reason) == (
        new_staff,
        DeletionStatus.REQUESTED,
        "I have left the council",
    )
    assert "You already asked" in client.get(reverse("privacy:delete")).content.decode()


def test_the_learner_can_withdraw_the_request(client, new_staff, home_page):
    client.force_login(new_staff)
    client.post(reverse("privacy:delete"), {"confirm": "on"})
    client.post(reverse("privacy:withdraw"))
    assert DeletionRequest.objects.get().status == DeletionStatus.WITHDRAWN
    assert client.get(reverse("privacy:withdraw")).status_code == 405


def test_administrators_see_the_request_and_others_do_not(client, new_staff, training_admin, practice_lead, home_page):
    DeletionRequest.objects.create(user=new_staff, reason="Moving away")
    client.force_login(training_admin)
    page = client.get(reverse("privacy:requests"))
    assert page.status_code == 200 and "Moving away" in page.content.decode()
    for person in (new_staff, practice_lead):
        client.force_login(person)
        assert client.get(reverse("privacy:requests")).status_code == 403
