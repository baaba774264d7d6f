"""Behind the load balancer, rate limits and the audit log count the real
client: the X-Forwarded-For entry our own proxies added, never the load
balancer's address and never an entry the client made up."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from elearning.settings import base
from lib.client_ip import client_ip
from privacy.models import AuditEvent

LOAD_BALANCER = "10.0.0.1"


@pytest.fixture
def production_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def behind_one_proxy(settings):
    """As the README's deployment sets it: TRUSTED_PROXY_COUNT=1."""
    settings.TRUSTED_PROXY_COUNT = 1


def sign_in_from(client, forwarded_for: str, n: int):
    return client.post(
        reverse("account_login"),
        {"login": f"guess{n}@northbridge.gov.uk", "password": "wrong"},
        REMOTE_ADDR=LOAD_BALANCER,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("production_limits", "behind_one_proxy", "home_page", "partnership")
def test_one_client_over_the_limit_does_not_lock_out_everyone_behind_the_load_balancer(client):
    answers = [sign_in_from(client, "203.0.113.5", n).status_code for n in range(31)]
    assert answers[0] == 200 and answers[-1] == 429
    # Another person, through the same load balancer, a moment later.
    assert sign_in_from(client, "198.51.100.7", 99).status_code == 200


@pytest.mark.django_db
@pytest.mark.usefixtures("production_limits", "behind_one_proxy", "home_page", "partnership")
def test_made_up_forwarded_entries_do_not_escape_the_limit(client):
    answers = [sign_in_from(client, f"192.0.2.{n}, 203.0.113.5", n).status_code for n in range(31)]
    assert answers[-1] == 429


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_one_proxy")
def test_the_audit_log_records_the_client_our_proxy_saw_not_the_first_hop(client, practice_lead, home_page):
    client.force_login(practice_lead)
    response = client.get(
        reverse("matrix:people"), REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5"
    )
    assert response.status_code == 200
    assert AuditEvent.objects.get().ip_address == "203.0.113.5"


@pytest.mark.django_db
def test_without_trusted_proxies_the_forwarded_header_is_ignored(client, practice_lead, home_page):
    client.force_login(practice_lead)
    client.get(reverse("matrix:people"), REMOTE_ADDR="192.0.2.44", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert AuditEvent.objects.get().ip_address == "192.0.2.44"


@pytest.mark.parametrize(
    ("count", "header", "meta", "expected"),
    [
        (0, None, {"HTTP_X_FORWARDED_FOR": "6.6.6.6"}, LOAD_BALANCER),
        (1, None, {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.5"}, "203.0.113.5"),
        (2, None, {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.5, 10.0.0.9"}, "203.0.113.5"),
        (2, None, {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}, "203.0.113.5"),  # fewer entries than proxies
        (1, None, {}, LOAD_BALANCER),  # reached without the load balancer
        (1, None, {"HTTP_X_FORWARDED_FOR": "not-an-address"}, None),
        (1, None, {"HTTP_X_FORWARDED_FOR": "203.0.113.5:4431"}, "203.0.113.5"),
        (1, None, {"HTTP_X_FORWARDED_FOR": "[2001:db8::1]:4431"}, "2001:db8::1"),
        (0, "X-Real-IP", {"HTTP_X_REAL_IP": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "6.6.6.6"}, "203.0.113.5"),
    ],
)
def test_the_client_address_rule(settings, count, header, meta, expected):
    settings.TRUSTED_PROXY_COUNT = count
    settings.TRUSTED_CLIENT_IP_HEADER = header
    request = RequestFactory().get("/", REMOTE_ADDR=LOAD_BALANCER, **meta)
    assert client_ip(request) == expected


def test_sign_in_limits_and_the_audit_log_share_one_rule(settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")
    assert get_adapter().get_client_ip(request) == client_ip(request) == "203.0.113.5"
    assert base.ALLAUTH_TRUSTED_PROXY_COUNT == base.TRUSTED_PROXY_COUNT
    assert base.ALLAUTH_TRUSTED_CLIENT_IP_HEADER == base.TRUSTED_CLIENT_IP_HEADER
