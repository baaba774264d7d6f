"""The shape of an xAPI statement: pure rules, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from outbox import xapi

WHEN = dt.datetime(2026, 10, 5, 10, 30, tzinfo=dt.UTC)
SAM = xapi.Actor(name="Sam Okafor", email="sam.okafor@northbridge.gov.uk", account_id="41")


def make(**overrides):
    arguments = {
        "site_url": "https://learning.example.org",
        "platform": "Signs of Safety learning",
        "key": "course-completion:7",
        "actor": SAM,
        "verb": "completed",
        "activity": xapi.Activity("course", "course/12", "Signs of Safety for new staff"),
        "timestamp": WHEN,
        "result": xapi.Result(score_percent=80, success=True),
    }
    arguments.update(overrides)
    return xapi.statement(**arguments)


def test_the_same_event_always_has_the_same_statement_id():
    assert make()["id"] == make()["id"]
    assert make()["id"] != make(key="course-completion:8")["id"]
    assert make()["id"] != make(site_url="https://other.example.org")["id"]


def test_the_actor_is_the_email_address_or_an_account_on_this_site():
    assert make()["actor"] == {
        "objectType": "Agent",
        "name": "Sam Okafor",
        "mbox": "mailto:sam.okafor@northbridge.gov.uk",
    }
    by_account = make(actor=xapi.Actor("Sam Okafor", "sam@x.org", "41", by="account"))["actor"]
    assert by_account == {"objectType": "Agent", "account": {"homePage": "https://learning.example.org", "name": "41"}}


def test_the_object_carries_the_platforms_stable_id_and_the_result_a_scaled_score():
    body = make()
    assert body["object"]["id"] == "https://learning.example.org/xapi/activities/course/12"
    assert body["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert body["result"] == {
        "completion": True,
        "success": True,
        "score": {"scaled": 0.8, "raw": 80, "min": 0, "max": 100},
    }
    assert body["timestamp"] == "2026-10-05T10:30:00.000Z"


def test_a_statement_without_a_score_has_no_score():
    assert "score" not in make(result=xapi.Result())["result"]
    assert "result" not in make(result=None)


@pytest.mark.parametrize(
    "overrides",
    [{"verb": "liked"}, {"activity": xapi.Activity("podcast", "p/1", "x")}, {"timestamp": WHEN.replace(tzinfo=None)}],
)
def test_unknown_verbs_kinds_and_naive_times_are_refused(overrides):
    with pytest.raises(ValueError):
        make(**overrides)
