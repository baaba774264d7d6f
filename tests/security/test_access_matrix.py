"""Who gets what from every URL of the site.

The URL list comes from the URL configuration and the page tree, so a new
page without a rule here fails `test_every_url_has_a_rule`. Object-level
parameters name Sam Okafor's records (his certificate, attempts, booking):
everyone not allowed to see them gets a 404 or 403, never his data.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.access import PARAMS, client_for, outcome
from tests.security.conftest import PERSONAS
from tests.security.urls import site_routes

pytestmark = pytest.mark.django_db

SIGNED_IN = [p for p in PERSONAS if p != "anonymous"]


def everyone(result: str) -> dict[str, str]:
    return dict.fromkeys(PERSONAS, result)


def signed_in(result: str, anonymous: str = "login") -> dict[str, str]:
    return {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, result)}


def only(*allowed: str, refused: str = "403", result: str = "200", anonymous: str = "login") -> dict[str, str]:
    return {"anonymous": anonymous, **{p: result if p in allowed else refused for p in SIGNED_IN}}


LEADS = ("lead", "other_lead", "admin")  # the matrix: each lead sees their own scope (checked below)
EVENT_STAFF = ("trainer", "admin")  # Tom trains the event; the other trainer does not
REVIEWERS = ("learner", "trainer", "other_trainer", "admin")  # trainers review scenario attempts

# What each URL answers a GET with, per persona. POST-only views answer 405
# (their POSTs are checked in test_object_level_posts).
RULES: dict[str, dict[str, str]] = {
    # Public
    "healthz": everyone("200"),
    "courses:verify": everyone("200"),
    "courses:verify_code": everyone("200"),
    "wagtailcore_login": everyone("login"),  # only points to our sign-in page
    # Sign-in pages (allauth)
    "account_login": {"anonymous": "200", **dict.fromkeys(SIGNED_IN, "redirect")},
    "account_signup": {"anonymous": "200", **dict.fromkeys(SIGNED_IN, "redirect")},
    "account_logout": {"anonymous": "redirect", **dict.fromkeys(SIGNED_IN, "200")},
    "account_reset_password": everyone("200"),
    "account_reset_password_done": everyone("200"),
    "account_reset_password_from_key_done": everyone("200"),
    "account_email_verification_sent": everyone("200"),
    "account_inactive": everyone("200"),
    "account_confirm_login_code": signed_in("redirect"),
    "account_change_password": signed_in("200"),
    "account_set_password": signed_in("redirect"),
    "account_email": signed_in("200"),
    "account_reauthenticate": signed_in("200"),
    "mfa_index": signed_in("200"),
    "mfa_activate_totp": signed_in("redirect"),
    "mfa_authenticate": signed_in("redirect"),
    "mfa_reauthenticate": signed_in("redirect"),
    "mfa_generate_recovery_codes": signed_in("redirect"),
    "mfa_deactivate_totp": signed_in("404"),
    "mfa_view_recovery_codes": signed_in("404"),
    "mfa_download_recovery_codes": signed_in("404"),
    "socialaccount_connections": signed_in("200"),
    "socialaccount_login_cancelled": everyone("200"),
    "socialaccount_login_error": everyone("401"),
    "socialaccount_signup": everyone("login"),
    "microsoft_login": everyone("404"),  # single sign-on is switched off in tests
    "microsoft_callback": everyone("404"),
    # People
    "people:profile": signed_in("200"),
    "people:welcome": signed_in("redirect"),  # only while nothing is on record: everyone here has a record
    "people:changes": only("lead", "admin"),  # Priya line-manages Sam; others manage nobody
    "people:pause_reminders": signed_in("405"),
    "people:withdraw_change": signed_in("405"),
    # E-learning
    "courses:journal": signed_in("200"),  # always the signed-in learner's own
    "courses:certificate": only("learner", refused="404"),
    "courses:certificate_pdf": only("learner", refused="404"),
    "courses:answer": signed_in("405"),
    "courses:reflect": signed_in("405"),
    "courses:complete": signed_in("405"),
    "courses:renew": signed_in("405"),
    # Scenarios
    "scenarios:builder": only("learner", refused="404"),
    "scenarios:result": only(*REVIEWERS, refused="404"),
    "scenarios:report": only("trainer", "other_trainer", "admin", refused="404"),
    "scenarios:accept": only(refused="404"),  # needs ?attempt=; without it nobody gets a page
    "scenarios:reviews": only("trainer", "other_trainer", "admin", refused="404"),
    "scenarios:review": only("trainer", "other_trainer", "admin", refused="404"),
    "scenarios:comment": signed_in("405"),
    "scenarios:start": signed_in("405"),
    "scenarios:override": signed_in("405"),
    "scenarios:draft": everyone("405"),
    "scenarios:hints": everyone("405"),
    # Classroom training
    "training:events": signed_in("200"),
    "training:event": signed_in("200"),
    "training:my_bookings": signed_in("200"),
    "training:calendar_subscription": signed_in("200"),  # always the signed-in person's own address
    "training:calendar_feed": everyone("404"),  # no sign-in: the token is the key, and this one is unknown
    "training:approvals": signed_in("200"),  # lists only requests from the viewer's own staff
    "training:cancel_booking": only("learner", refused="404"),
    "training:offer": only("learner", refused="404"),
    "training:calendar": only(refused="404"),  # Sam's booking is not confirmed: no calendar file, even for him
    "training:book": everyone("405"),
    "training:place_people": only("lead", "admin"),  # a line manager nominates; administrators place anyone
    "training:book_catch_up": everyone("405"),
    "training:accept_offer": everyone("405"),
    "training:decline_offer": everyone("405"),
    # One request, answered only by Sam's current line manager (Priya) or an administrator, signed in;
    # everyone else finds nothing there. Links of earlier emails need sign-in too, then a real token.
    "training:decide": only("lead", "admin", refused="404"),
    "training:approval_link": signed_in("400"),
    "training:lead_report": only("lead", "other_lead", "admin"),
    "training:my_events": only("trainer", "other_trainer", "admin"),
    "training:event_create": only("trainer", "other_trainer", "admin"),
    "training:roster": only(*EVENT_STAFF),
    "training:roster_csv": only(*EVENT_STAFF),
    "training:sign_in_sheet": only(*EVENT_STAFF),
    "training:attendance": only(*EVENT_STAFF),
    "training:event_edit": only(*EVENT_STAFF),
    "training:email_everyone": only(*EVENT_STAFF),
    "training:cancel_event": only(*EVENT_STAFF),
    # Matrix
    "matrix:mine": signed_in("200"),
    "matrix:people": {
        **only(*LEADS),
        **dict.fromkeys(("learner", "other_agency", "trainer", "other_trainer", "editor"), "redirect"),
    },
    "matrix:people_export": only(*LEADS),
    "matrix:person": {**only("lead", "admin"), "other_lead": "404"},  # Sam is outside the other lead's scope
    "matrix:summary": only(*LEADS),
    "matrix:summary_export": only(*LEADS),
    "matrix:board": only(*LEADS),
    "matrix:import_upload": only("admin"),
    "matrix:import_preview": only("admin"),
    # Impact
    "impact:home": signed_in("200"),
    "impact:coach": signed_in("200"),
    "impact:events": only("trainer", "other_trainer", "admin"),
    "impact:day_feedback": only(),  # Sam's place is not confirmed and the day is ahead: nobody yet
    "impact:follow_up": only(),
    "impact:event_evaluation": only(*EVENT_STAFF),
    "impact:cohort": only(*EVENT_STAFF),
    "impact:plan": only(*EVENT_STAFF),
    "impact:evaluation": only("admin"),
    "impact:observations": only("lead", "other_lead"),  # practice leads and line managers
    "impact:observe": only("lead", "other_lead"),
    "impact:my_observation": only("learner", refused="404"),
    # Privacy
    "privacy:my_data": signed_in("200"),
    "privacy:download": signed_in("200"),
    "privacy:delete": signed_in("200"),
    "privacy:withdraw": signed_in("405"),
    "privacy:requests": only("admin"),
    "privacy:person": only("admin"),
    "privacy:audit_log": only("admin"),
}

# Reached only through a key in an email or a page restriction's own form;
# each is tested by the app that owns it.
NOT_REQUESTED = {
    "account_confirm_email": "needs the key from a confirmation email",
    "account_reset_password_from_key": "needs the key from a reset email",
    "wagtailcore_authenticate_with_password": "a password-protected page's form; no page uses one",
}

PAGE_RULES: dict[str, dict[str, str]] = {
    "HomePage": everyone("200"),
    "StandardPage": everyone("200"),
    "CourseIndexPage": signed_in("200"),
    "CoursePage": signed_in("200"),
    "ModulePage": signed_in("200"),
    "LessonPage": signed_in("200"),
    "ScenarioIndexPage": everyone("200"),
    "ScenarioPage": everyone("200"),
}

ROUTES = [route for route in site_routes() if not route.name.startswith("<unnamed")]


def test_every_url_has_a_rule():
    missing = [
        f"add a rule for {route.name} ({route.route})"
        for route in ROUTES
        if route.name not in RULES and route.name not in NOT_REQUESTED
    ]
    assert not missing, "\n".join(missing)
    assert not [route for route in site_routes() if route.name.startswith("<unnamed") and "social" not in route.route]


def test_every_rule_speaks_of_every_persona():
    assert all(set(rule) == set(PERSONAS) for rule in RULES.values())


@pytest.mark.parametrize("name", sorted(RULES))
def test_each_persona_gets_the_expected_answer(site, name):
    url = reverse(name, kwargs=PARAMS[name](site) if name in PARAMS else None)
    got = {persona: outcome(client_for(site, persona).get(url)) for persona in PERSONAS}
    wrong = {p: f"expected {RULES[name][p]}, got {got[p]}" for p in PERSONAS if got[p] != RULES[name][p]}
    assert not wrong, f"{name} ({url}): {wrong}"


def test_every_live_page_in_the_tree_answers_by_its_rule(site):
    from wagtail.models import Page

    wrong = []
    pages = list(Page.objects.live().specific().exclude(depth=1))
    assert len(pages) > 50
    clients = {persona: client_for(site, persona) for persona in PERSONAS}
    for page in pages:
        kind = type(page).__name__
        if kind not in PAGE_RULES:
            wrong.append(f"add a page rule for {kind} ({page.url})")
            continue
        for persona, client in clients.items():
            got = outcome(client.get(page.url))
            if got != PAGE_RULES[kind][persona]:
                wrong.append(f"{page.url} as {persona}: expected {PAGE_RULES[kind][persona]}, got {got}")
    assert not wrong, "\n".join(wrong)


SAMS_NAME = "Okafor"


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [("matrix:people", None), ("matrix:people_export", {"fmt": "csv"}), ("training:lead_report", None)],
)
def test_a_lead_of_another_team_never_sees_sam(site, name, kwargs):
    def body(persona: str) -> str:
        response = client_for(site, persona).get(reverse(name, kwargs=kwargs), {"q": "Sam"})
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return content.decode()

    assert SAMS_NAME not in body("other_lead")
    assert SAMS_NAME in body("lead") or name == "training:lead_report"


def test_the_journal_shows_only_its_owners_entries(site):
    sams = site.records.journal[0].answer
    assert sams in client_for(site, "learner").get(reverse("courses:journal")).content.decode()
    entry = site.other.journal[0]
    entry.__class__.objects.filter(pk=entry.pk).update(answer="Oscar keeps these words private")
    for persona in SIGNED_IN:
        page = client_for(site, persona).get(reverse("courses:journal")).content.decode()
        assert "Oscar keeps these words private" not in page
    # ...while Oscar himself sees them, so the words above are really on a journal page.
    owner = Client()
    owner.force_login(entry.user)
    assert "Oscar keeps these words private" in owner.get(reverse("courses:journal")).content.decode()


def _posts(site: Any) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    attempt, draft, booking = site.records.attempt, site.records.draft, site.records.booking
    return [
        ("training:cancel_booking", {"pk": booking.pk}, {"reason": "Not me"}),
        ("training:accept_offer", {"pk": booking.pk}, {}),
        ("training:decline_offer", {"pk": booking.pk}, {}),
        ("training:decide", {"pk": booking.pk}, {"decision": "approve"}),
        ("scenarios:draft", {"pk": draft.pk}, {"statement_1": "Overwritten by someone else"}),
        ("scenarios:builder", {"pk": draft.pk}, {"action": "submit", "statement_1": "Overwritten"}),
        ("scenarios:override", {"pk": attempt.pk}, {"score": "1", "note": "Lowered by someone else"}),
        ("scenarios:review", {"pk": attempt.pk}, {"decision": "change", "score": "1", "note": "Lowered"}),
        ("scenarios:comment", {"pk": attempt.pk}, {"target": "goal", "key": "1", "text": "Written by someone else"}),
        ("privacy:person", {"pk": site.people["learner"].pk}, {"confirm": "on"}),
    ]


@pytest.mark.parametrize("persona", ["anonymous", "other_agency", "other_lead", "other_trainer", "editor"])
def test_no_one_changes_sams_records_by_posting_to_their_ids(site, persona):
    from scenarios.models import Attempt, ReviewComment
    from training.models import Booking

    before = (
        Booking.objects.get(pk=site.records.booking.pk).status,
        Attempt.objects.get(pk=site.records.draft.pk).mapping,
        Attempt.objects.get(pk=site.records.attempt.pk).override_score,
        site.people["learner"].__class__.objects.get(pk=site.people["learner"].pk).email,
        ReviewComment.objects.count(),
    )
    client = client_for(site, persona)
    for name, kwargs, data in _posts(site):
        if persona == "other_trainer" and name in {"scenarios:override", "scenarios:review", "scenarios:comment"}:
            continue  # trainers may override scores and comment in review: that is their job
        got = outcome(client.post(reverse(name, kwargs=kwargs), data))
        assert got in {"login", "401", "403", "404", "redirect"}, f"{name} as {persona}: {got}"
    after = (
        Booking.objects.get(pk=site.records.booking.pk).status,
        Attempt.objects.get(pk=site.records.draft.pk).mapping,
        Attempt.objects.get(pk=site.records.attempt.pk).override_score,
        site.people["learner"].__class__.objects.get(pk=site.people["learner"].pk).email,
        ReviewComment.objects.count(),
    )
    assert after == before
