"""Every URL, posted bad data: CSRF is always checked, nothing ever answers 500.

URLs come from the same automatic list as the access matrix. Each is posted
(and asked with a bad query string) by the people who reach its real logic:
the owner of the records, a trainer of the event and a training
administrator. A 500 fails with the URL, the persona and the payload.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.access import PARAMS, client_for
from tests.security.test_access_matrix import NOT_REQUESTED, ROUTES

pytestmark = pytest.mark.django_db

NAMES = sorted(route.name for route in ROUTES if route.name not in NOT_REQUESTED)
HUGE = "Ω" * 200_000
FIELDS = [
    "reason",
    "note",
    "score",
    "decision",
    "statement_1",
    "goal_1",
    "scale",
    "action",
    "earlier",
    "subject",
    "body",
    "q",
    "team",
    "role",
    "agency",
    "status",
    "first_name",
    "last_name",
    "email",
    "login",
    "password",
    "password1",
    "password2",
    "capacity",
    "venue_name",
    "day_1_date",
    "confirm",
    "answer",
    "chosen",
    "text",
    "section",
    "index",
    "attempt",
    "place-police-callout",
    "mark-1",
    "page",
    "who",
    "whose",
    "line_manager",
]

PAYLOADS: dict[str, Any] = {
    "empty": {},
    "huge strings": dict.fromkeys(FIELDS, HUGE),
    "wrong types": {name: ["1", "two", "", "-9999999999999999999999"] for name in FIELDS},
    "nulls and controls": dict.fromkeys(FIELDS, "\x00\x01\x7f\ud7ff<>\"'"),
    "numbers out of range": dict.fromkeys(FIELDS, "99999999999999999999999999"),
}
RAW_BODIES = {
    "invalid utf-8 form": ("application/x-www-form-urlencoded", b"reason=%ff%fe%fd&score=%c3%28&" + b"\xff\xfe" * 50),
    "binary body": ("application/octet-stream", bytes(range(256)) * 20),
    "nested json": (
        "application/json",
        json.dumps(
            {"statements": {"a": [[{"b": None}]]}, "goals": 5, "placements": [1, 2], "scaling": "high", "scenario": []}
        ).encode(),
    ),
    "json that is not json": ("application/json", b'{"statements": ["unterminated'),
    "deep json": ("application/json", ("[" * 5000 + "]" * 5000).encode()),
}
BAD_QUERIES = [
    {"page": "-1"},
    {"page": "abc"},
    {"agency": "x", "role": "y", "team": "z", "status": "nonsense", "training": "1e9"},
    {"agency": "99999999999999999999999", "role": "-1", "group": "agency"},
    {"q": HUGE[:5000], "next": "https://evil.example.org/"},
    {"attempt": "abc", "section": "statements", "index": "x"},
]
PERSONAS = ["learner", "trainer", "admin"]


def _problems(client: Client, method: str, url: str, label: str, **kwargs: Any) -> list[str]:
    try:
        response = getattr(client, method)(url, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the test client re-raises a view's exception: that is a 500
        return [f"{method.upper()} {url} with {label}: {type(exc).__name__}: {str(exc)[:200]}"]
    if response.status_code >= 500:
        return [f"{method.upper()} {url} with {label}: {response.status_code}"]
    return []


@pytest.mark.parametrize("name", NAMES)
def test_bad_input_never_causes_a_server_error(site, name):
    url = reverse(name, kwargs=PARAMS[name](site) if name in PARAMS else None)
    problems: list[str] = []
    for persona in PERSONAS:
        client = client_for(site, persona)
        for label, data in PAYLOADS.items():
            problems += _problems(client, "post", url, f"{label} as {persona}", data=data)
        for label, (content_type, body) in RAW_BODIES.items():
            problems += _problems(client, "post", url, f"{label} as {persona}", data=body, content_type=content_type)
        for query in BAD_QUERIES:
            problems += _problems(client, "get", url, f"query {list(query)} as {persona}", data=query)
    assert not problems, "\n".join(problems)


CSRF_EXEMPT: dict[str, str] = {}


@pytest.mark.parametrize("name", NAMES)
def test_every_post_without_a_csrf_token_is_refused(site, name):
    url = reverse(name, kwargs=PARAMS[name](site) if name in PARAMS else None)
    for persona in ("anonymous", "learner", "admin"):
        client = client_for(site, persona, enforce_csrf_checks=True)
        response = client.post(url, {"confirm": "on", "reason": "forged"})
        if name in CSRF_EXEMPT:
            continue
        assert response.status_code == 403, f"{name} as {persona} answered {response.status_code} to a forged POST"
