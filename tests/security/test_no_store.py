"""Pages with a person's records are never kept by a browser or a proxy:
after signing out on a shared computer, the back button shows nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/",  # the dashboard, once signed in
        reverse("courses:journal"),
        reverse("privacy:my_data"),
        reverse("training:my_bookings"),
        reverse("people:profile"),
    ],
)
def test_a_signed_in_persons_pages_say_no_store(client, new_staff, home_page, url):
    client.force_login(new_staff)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_csv_export_says_no_store(client, training_admin, home_page):
    client.force_login(training_admin)
    response = client.get(reverse("matrix:people_export", args=["csv"]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_data_download_keeps_its_own_no_store(client, new_staff, home_page):
    client.force_login(new_staff)
    assert client.get(reverse("privacy:download"))["Cache-Control"] == "no-store"


def test_a_public_page_for_a_visitor_may_still_be_cached(client, home_page):
    response = client.get("/")
    assert "no-store" not in response.get("Cache-Control", "")
