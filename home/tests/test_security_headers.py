"""Every response carries the security headers the production settings promise."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/accounts/login/", "/privacy/", "/healthz"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_sends_a_strict_content_security_policy(client, home_page, url):
    policy = client.get(url)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.parametrize("url", PAGES)
def test_every_page_sends_the_browser_protection_headers(client, home_page, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_https_responses_tell_browsers_to_keep_using_https(client, home_page, settings):
    # The production value; the test settings switch it off so plain-HTTP tests run.
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_is_redirected_to_https_except_the_health_check(client, home_page, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/privacy/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200


def test_session_and_csrf_cookies_are_secure_and_http_only_in_base_settings():
    from elearning.settings import base

    assert base.SESSION_COOKIE_SECURE and base.CSRF_COOKIE_SECURE and base.SESSION_COOKIE_HTTPONLY
    assert base.DEBUG is False
