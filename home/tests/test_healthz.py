from __future__ import annotations

from unittest import mock

import pytest
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_it_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_it_answers_503_when_the_database_does_not(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_it_needs_no_sign_in(client):
    assert client.get("/healthz").status_code == 200
