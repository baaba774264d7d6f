"""An answer posted to the builder after the learner's session ended, kept in the new session.

Django keeps session data when someone signs in (`login()` cycles the key
and keeps the data; it flushes only when a *different* user was signed in),
and allauth's login adds and removes only its own keys, so a copy kept here
while signed out is still there when the learner is back. The builder
applies it to the draft it names, only for that draft's owner, and drops it.

A kept copy holds only the builder form's own fields for that scenario, each
value cut at the longest text an answer may hold (`MAX_TEXT_CHARS`), and a
session holds at most `MAX_KEPT` of them, so an anonymous visitor cannot
grow a session row beyond a few times the size of one answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.http import QueryDict

from scenarios.forms import MappingForm
from scenarios.models import Attempt
from scenarios.scenario_file import MAX_TEXT_CHARS

KEY_PREFIX = "scenarios:kept-answer:"
MAX_KEPT = 3


def session_key(attempt_pk: int) -> str:
    return f"{KEY_PREFIX}{attempt_pk}"


@dataclass(frozen=True)
class KeptAnswer:
    """What was posted for one draft: the form fields, which were cut short, and whether it was a submit."""

    owner_pk: int
    fields: dict[str, str]
    cut: tuple[str, ...]
    submitting: bool

    def to_session(self) -> dict[str, Any]:
        return {"owner": self.owner_pk, "fields": self.fields, "cut": list(self.cut), "submit": self.submitting}

    @classmethod
    def from_session(cls, data: Any) -> KeptAnswer | None:
        """None for anything that is not a kept copy as `to_session` writes it."""
        if not isinstance(data, dict) or not isinstance(data.get("owner"), int):
            return None
        fields = data.get("fields")
        if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
            return None
        cut = data.get("cut")
        if not isinstance(cut, list):
            return None
        return cls(data["owner"], fields, tuple(str(name) for name in cut), bool(data.get("submit")))


def keep_answer(session: SessionBase, attempt: Attempt, posted: QueryDict) -> KeptAnswer:
    """Keep the builder fields of `posted` for `attempt`, replacing any older copy for it."""
    form = MappingForm(attempt.scenario.to_scenario())
    fields: dict[str, str] = {}
    cut: list[str] = []
    for name in form.fields:
        value = posted.get(name)
        if not isinstance(value, str) or value == "":
            continue
        if len(value) > MAX_TEXT_CHARS:
            cut.append(name)
        fields[name] = value[:MAX_TEXT_CHARS]
    kept = KeptAnswer(attempt.user_id, fields, tuple(cut), "submit" in posted)
    key = session_key(attempt.pk)
    others = [k for k in session.keys() if k.startswith(KEY_PREFIX) and k != key]
    # Oldest first: the session keeps insertion order.
    for old in others[: max(0, len(others) - (MAX_KEPT - 1))]:
        del session[old]
    session.pop(key, None)
    session[key] = kept.to_session()
    return kept


def take_kept_answer(session: SessionBase, attempt_pk: int) -> KeptAnswer | None:
    """The copy kept for this draft, removed from the session (whoever asks: it is used once or not at all)."""
    return KeptAnswer.from_session(session.pop(session_key(attempt_pk), None))


def drop_kept_answer(session: SessionBase, attempt_pk: int) -> None:
    """Forget the copy once a newer answer is saved, so it can never overwrite that answer later."""
    session.pop(session_key(attempt_pk), None)
