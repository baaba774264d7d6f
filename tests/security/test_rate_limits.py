"""Sign-in, sign-up, password reset and booking are rate-limited.

The test settings switch allauth's limits off for every other test; these
tests put the production limits back.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from elearning.settings import base

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


def test_repeated_failed_sign_ins_for_one_account_are_stopped(client, new_staff, home_page):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": new_staff.email, "password": "wrong-guess"})
    response = client.post(reverse("account_login"), {"login": new_staff.email, "password": "wrong-guess"})
    assert "Too many failed login attempts" in response.content.decode()


def test_once_stopped_even_the_right_password_does_not_sign_in(client, new_staff, home_page):
    from conftest import PASSWORD

    for _ in range(6):
        client.post(reverse("account_login"), {"login": new_staff.email, "password": "wrong-guess"})
    client.post(reverse("account_login"), {"login": new_staff.email, "password": PASSWORD})
    assert client.get(reverse("people:profile")).status_code == 302


def test_many_sign_in_attempts_from_one_address_are_answered_429(client, partnership, home_page):
    answers = [
        client.post(reverse("account_login"), {"login": f"guess{n}@northbridge.gov.uk", "password": "x"}).status_code
        for n in range(35)
    ]
    assert answers[0] == 200 and 429 in answers


def test_repeated_sign_ups_from_one_address_are_refused(client, partnership, home_page):
    answers = [
        client.post(
            reverse("account_signup"),
            {"email": f"new.person{n}@northbridge.gov.uk", "password1": "x", "password2": "y"},
        ).status_code
        for n in range(25)
    ]
    assert 429 in answers and answers[0] != 429


def test_repeated_password_resets_for_one_email_are_refused(client, new_staff, home_page):
    answers = [client.post(reverse("account_reset_password"), {"email": new_staff.email}).status_code for _ in range(8)]
    assert answers[0] in (200, 302)
    assert 429 in answers


@pytest.fixture
def one_minute_window():
    """The booking limit counts in fixed one-minute windows: hold the clock
    still inside one, so a slow run cannot cross into the next and start again."""
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, 30, 5, tzinfo=dt.UTC), tick=False):
        yield


@pytest.mark.usefixtures("one_minute_window")
def test_booking_actions_are_limited_per_person_with_a_clear_page(client, new_staff, home_page, settings):
    settings.BOOKING_ACTIONS_PER_MINUTE = 3
    client.force_login(new_staff)
    answers = [client.post(reverse("training:book", args=[999999])).status_code for _ in range(5)]
    assert answers[:3] == [404, 404, 404]
    assert answers[3:] == [429, 429]
    response = client.post(reverse("training:book", args=[999999]))
    assert "too many booking changes" in response.content.decode()
    assert response["Retry-After"] == "60"


@pytest.mark.usefixtures("one_minute_window")
def test_the_booking_limit_is_per_person(client, new_staff, outsider, home_page, settings):
    settings.BOOKING_ACTIONS_PER_MINUTE = 2
    client.force_login(new_staff)
    for _ in range(3):
        client.post(reverse("training:book", args=[999999]))
    client.force_login(outsider)
    assert client.post(reverse("training:book", args=[999999])).status_code == 404


@pytest.mark.usefixtures("one_minute_window")
def test_looking_at_bookings_is_never_limited(client, new_staff, home_page, settings):
    settings.BOOKING_ACTIONS_PER_MINUTE = 1
    client.force_login(new_staff)
    assert all(client.get(reverse("training:my_bookings")).status_code == 200 for _ in range(4))
