"""How to fill each URL's parameters from the shared site, and how to ask."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client

from tests.security.conftest import Site

# URL name -> its parameters, from the site's real objects. Object-level
# parameters name Sam's records, so everyone but Sam (and those allowed to
# see them) must be refused.
PARAMS: dict[str, Callable[[Site], dict[str, Any]]] = {
    "courses:answer": lambda s: {"lesson_id": s.objects["lesson"].pk, "question_id": s.objects["question_id"]},
    "courses:reflect": lambda s: {"lesson_id": s.objects["reflective"].pk, "prompt_id": s.objects["prompt_id"]},
    "courses:complete": lambda s: {"lesson_id": s.objects["lesson"].pk},
    "courses:certificate": lambda s: {"code": s.records.certificate.code},
    "courses:certificate_pdf": lambda s: {"code": s.records.certificate.code},
    "courses:verify_code": lambda s: {"code": s.records.certificate.code},
    "matrix:import_preview": lambda s: {"pk": s.objects["batch"].pk},
    "matrix:import_upload": lambda s: {"kind": "staff"},
    "matrix:people_export": lambda s: {"fmt": "csv"},
    "matrix:summary_export": lambda s: {"fmt": "csv"},
    "privacy:person": lambda s: {"pk": s.people["learner"].pk},
    "matrix:person": lambda s: {"user_id": s.people["learner"].pk},
    "training:calendar_feed": lambda s: {"token": "not-a-real-token"},
    "scenarios:accept": lambda s: {"slug": s.objects["scenario"].slug},
    "scenarios:report": lambda s: {"slug": s.objects["scenario"].slug},
    "scenarios:hints": lambda s: {"slug": s.objects["scenario"].slug},
    "scenarios:start": lambda s: {"slug": s.objects["scenario"].slug},
    "scenarios:builder": lambda s: {"pk": s.records.draft.pk},
    "scenarios:draft": lambda s: {"pk": s.records.draft.pk},
    "scenarios:result": lambda s: {"pk": s.records.attempt.pk},
    "scenarios:override": lambda s: {"pk": s.records.attempt.pk},
    "scenarios:review": lambda s: {"pk": s.records.attempt.pk},
    "scenarios:comment": lambda s: {"pk": s.records.attempt.pk},
    "training:accept_offer": lambda s: {"pk": s.records.booking.pk},
    "training:decline_offer": lambda s: {"pk": s.records.booking.pk},
    "training:offer": lambda s: {"pk": s.records.booking.pk},
    "training:calendar": lambda s: {"pk": s.records.booking.pk},
    "training:cancel_booking": lambda s: {"pk": s.records.booking.pk},
    "training:decide": lambda s: {"pk": s.records.booking.pk},
    "training:approval_link": lambda s: {"token": "not-a-real-token"},
    "training:book": lambda s: {"pk": s.objects["event"].pk},
    "training:place_people": lambda s: {"pk": s.objects["event"].pk},
    "courses:renew": lambda s: {"course_id": s.objects["course"].pk},
    "people:withdraw_change": lambda s: {"change_id": 1},
    "training:book_catch_up": lambda s: {"pk": s.objects["event"].pk},
    "training:event": lambda s: {"pk": s.objects["event"].pk},
    "training:roster": lambda s: {"pk": s.objects["event"].pk},
    "training:roster_csv": lambda s: {"pk": s.objects["event"].pk},
    "training:sign_in_sheet": lambda s: {"pk": s.objects["event"].pk},
    "training:event_edit": lambda s: {"pk": s.objects["event"].pk},
    "training:email_everyone": lambda s: {"pk": s.objects["event"].pk},
    "training:cancel_event": lambda s: {"pk": s.objects["event"].pk},
    "training:attendance": lambda s: {"pk": s.objects["event"].pk, "day": 1},
    "impact:day_feedback": lambda s: {"pk": s.objects["event"].pk, "day": 1},
    "impact:follow_up": lambda s: {"pk": s.objects["event"].pk},
    "impact:event_evaluation": lambda s: {"pk": s.objects["event"].pk},
    "impact:cohort": lambda s: {"pk": s.objects["event"].pk},
    "impact:plan": lambda s: {"pk": s.objects["event"].pk},
    "impact:my_observation": lambda s: {"pk": observation_of_sam(s).pk},
}


def observation_of_sam(site: Site) -> Any:
    """An observation of Sam's practice by Priya, his practice lead (made once per test)."""
    import datetime as dt

    from impact.models import Observation

    observation, _ = Observation.objects.get_or_create(
        worker=site.people["learner"],
        observer=site.people["lead"],
        defaults={"observed_on": dt.date(2026, 10, 1), "kind": "case_writing", "statements": 2},
    )
    return observation


def client_for(site: Site, persona: str, **options: Any) -> Client:
    client = Client(**options)
    user = site.people.get(persona)
    if user is not None:
        client.force_login(user)
    return client


def outcome(response: Any) -> str:
    """A response in one word: the status, or where a redirect goes."""
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if "/accounts/login/" in location:
            return "login"
        if "/welcome/" in location:
            return "welcome"
        return "redirect"
    return str(response.status_code)
