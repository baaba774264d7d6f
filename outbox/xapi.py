"""xAPI 1.0.3 statements: what the platform tells a council's learning record
store. Pure rules: no Django import, so the shape is tested without a database.

Statement ids are UUIDv5 of the site and a key naming what happened
(`completion:41`), so the same event always has the same id and a resend can
never make a second statement in the store."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

LANGUAGE = "en-GB"

VERBS = {
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "attended": "http://adlnet.gov/expapi/verbs/attended",
    "earned": "http://id.tincanapi.com/verb/earned",
}

ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "scenario": "http://adlnet.gov/expapi/activities/assessment",
    "event": "http://adlnet.gov/expapi/activities/meeting",
    "certificate": "https://w3id.org/xapi/openbadges/activity-types/badge",
}


@dataclass(frozen=True)
class Actor:
    """Who: by email (mbox) or, where the council prefers, by an account on this site."""

    name: str
    email: str
    account_id: str
    by: str = "email"  # or "account"


@dataclass(frozen=True)
class Activity:
    kind: str  # a key of ACTIVITY_TYPES
    path: str  # the platform's stable id for it, e.g. "course/12"
    name: str


@dataclass(frozen=True)
class Result:
    score_percent: int | None = None
    success: bool | None = None
    completion: bool = True


def statement_id(site_url: str, key: str) -> uuid.UUID:
    return uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, site_url), key)


def actor_json(actor: Actor, site_url: str) -> dict[str, Any]:
    if actor.by == "account":
        return {"objectType": "Agent", "account": {"homePage": site_url, "name": actor.account_id}}
    return {"objectType": "Agent", "name": actor.name, "mbox": f"mailto:{actor.email}"}


def statement(
    *,
    site_url: str,
    platform: str,
    key: str,
    actor: Actor,
    verb: str,
    activity: Activity,
    timestamp: dt.datetime,
    result: Result | None = None,
) -> dict[str, Any]:
    """One statement, complete with its id, ready to PUT to the store."""
    if verb not in VERBS:
        raise ValueError(f"Unknown verb {verb!r}.")
    if activity.kind not in ACTIVITY_TYPES:
        raise ValueError(f"Unknown activity kind {activity.kind!r}.")
    if timestamp.tzinfo is None:
        raise ValueError("The timestamp must carry its time zone.")
    body: dict[str, Any] = {
        "id": str(statement_id(site_url, key)),
        "actor": actor_json(actor, site_url),
        "verb": {"id": VERBS[verb], "display": {LANGUAGE: verb}},
        "object": {
            "objectType": "Activity",
            "id": f"{site_url}/xapi/activities/{activity.path}",
            "definition": {"name": {LANGUAGE: activity.name}, "type": ACTIVITY_TYPES[activity.kind]},
        },
        "timestamp": timestamp.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "context": {"platform": platform, "language": LANGUAGE},
    }
    if result is not None:
        shown: dict[str, Any] = {"completion": result.completion}
        if result.success is not None:
            shown["success"] = result.success
        if result.score_percent is not None:
            percent = max(0, min(100, result.score_percent))
            shown["score"] = {"scaled": round(percent / 100, 4), "raw": percent, "min": 0, "max": 100}
        body["result"] = shown
    return body
