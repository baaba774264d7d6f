"""Script injection in every field a person can type into, and in editors' Markdown.

Each payload is saved through the app's own service (as a learner, trainer,
administrator or editor would), then every page that shows it is fetched and
parsed: no inline script, no on* handler, no javascript: URL may appear.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.world import give_records, model_answer, small_world

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = '<a href="javascript:alert(1)">click</a>'
TEXT = f"Worried {SCRIPT} {IMG} {LINK} javascript:alert(1)"
# Passes the mapping validator (which refuses tags outright): breaks out of an attribute if unescaped.
PLAIN = '" onmouseover="alert(1)" x=" javascript:alert(1) & \'quoted\' < 3'
MARKDOWN = (
    "### Heading\n\nSafe text with [a js link](javascript:alert(1)) and "
    '<b onmouseover="alert(1)">raw html</b>\n\n'
    f'{SCRIPT}\n\n{IMG}\n\n<iframe src="javascript:alert(1)"></iframe>\n\n'
    '<svg onload="alert(1)"></svg> [data](data:text/html;base64,PHNjcmlwdD4=)'
)


class ExecutableFinder(HTMLParser):
    """Collects anything a browser would run: inline script, handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        src = values.get("src") or ""
        ours = src.startswith("/static/") or (src.startswith("//") and "/static/" in src.split("?")[0][:40])
        if tag == "script" and not ours and values.get("type") != "application/json":
            self.found.append(f"<script> {values}")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href", "data") and value:
                if value.strip().lower().replace("\t", "").startswith(("javascript:", "data:text/html", "vbscript:")):
                    self.found.append(f"<{tag} {name}={value!r}>")


def executable_parts(html: str) -> list[str]:
    finder = ExecutableFinder()
    finder.feed(html)
    return finder.found


def test_the_checker_catches_each_payload_when_unescaped():
    for payload in (SCRIPT, IMG, LINK, '<b onmouseover="x">'):
        assert executable_parts(f"<p>{payload}</p>")
    assert not executable_parts('<script type="module" src="/static/js/site.js"></script><p>&lt;script&gt;</p>')


def assert_safe(client: Client, url: str, *, expect: str | None = None) -> None:
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    html = response.content.decode()
    assert not executable_parts(html), f"{url} runs: {executable_parts(html)}"
    if expect is not None:
        assert expect in html, f"{url} does not show the saved text {expect!r}"


@pytest.fixture
def hostile(home_page: Any, trainer: Any, make_person: Any, training_admin: Any) -> dict[str, Any]:
    world = small_world(home_page, trainer)
    learner = make_person(IMG, SCRIPT)
    records = give_records(learner, course=world["course"], scenario=world["scenario"], event=world["event"])
    return {"world": world, "learner": learner, "records": records}


def client_as(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_names_are_escaped_wherever_people_are_listed(hostile, trainer, practice_lead, training_admin):
    learner, records = hostile["learner"], hostile["records"]
    assert_safe(client_as(learner), reverse("people:profile"), expect="&lt;img src=x onerror=alert(1)&gt;")
    assert_safe(client_as(learner), reverse("privacy:my_data"))
    assert_safe(client_as(learner), reverse("courses:certificate", args=[records.certificate.code]))
    assert_safe(Client(), reverse("courses:verify_code", args=[records.certificate.code]))
    assert_safe(client_as(practice_lead), reverse("matrix:people"))
    assert_safe(client_as(training_admin), reverse("matrix:people"))
    assert_safe(client_as(trainer), reverse("training:roster", args=[hostile["world"]["event"].pk]))
    assert_safe(client_as(trainer), reverse("scenarios:result", args=[records.attempt.pk]))
    assert_safe(client_as(trainer), reverse("scenarios:report", args=[hostile["world"]["scenario"].slug]))
    from privacy.models import DeletionRequest

    DeletionRequest.objects.create(user=learner, reason=TEXT)
    assert_safe(client_as(training_admin), reverse("privacy:requests"))
    assert_safe(client_as(training_admin), reverse("privacy:person", args=[learner.pk]))


def test_reflections_are_escaped_in_the_journal_and_the_lesson(hostile):
    from courses import services

    entry = hostile["records"].journal[0]
    lesson = entry.lesson.specific
    services.save_reflection(hostile["learner"], lesson, hostile["world"]["course"], entry.prompt_id, TEXT)
    client = client_as(hostile["learner"])
    assert_safe(client, reverse("courses:journal"), expect="&lt;script&gt;alert(1)&lt;/script&gt;")
    assert_safe(client, lesson.url)


def test_mapping_statements_goals_and_reasons_are_escaped(hostile, trainer):
    from scenarios import services
    from scenarios.scenario_file import ScenarioFileError

    scenario = hostile["world"]["scenario"]
    draft = services.start_attempt(hostile["learner"], scenario)
    with pytest.raises(ScenarioFileError, match="HTML"):
        services.save_draft(draft, model_answer(scenario, statement=TEXT))
    answer = model_answer(scenario, reason=PLAIN, statement=PLAIN)
    answer["goals"] = [PLAIN]
    services.save_draft(draft, answer)
    assert_safe(client_as(hostile["learner"]), reverse("scenarios:builder", args=[draft.pk]))
    submitted = services.start_attempt(hostile["learner"], scenario)
    services.submit_attempt(submitted, answer)
    services.override_score(submitted, trainer, 3, TEXT)
    assert_safe(client_as(hostile["learner"]), reverse("scenarios:result", args=[submitted.pk]))
    assert_safe(client_as(trainer), reverse("scenarios:result", args=[submitted.pk]))
    assert_safe(client_as(trainer), reverse("scenarios:report", args=[scenario.slug]))


def test_cancellation_reasons_and_trainer_messages_are_escaped(hostile, trainer):
    from training import services

    booking = hostile["records"].booking
    services.cancel(booking.pk, hostile["learner"], TEXT)
    event = hostile["world"]["event"]
    assert_safe(client_as(hostile["learner"]), reverse("training:my_bookings"))
    assert_safe(client_as(trainer), reverse("training:roster", args=[event.pk]))
    services.cancel_event(event.pk, trainer, TEXT)
    assert_safe(client_as(hostile["learner"]), reverse("training:my_bookings"))
    assert_safe(client_as(hostile["learner"]), reverse("training:event", args=[event.pk]))


def test_event_details_typed_by_trainers_are_escaped(hostile, trainer):
    from training.models import Event

    event = hostile["world"]["event"]
    Event.objects.filter(pk=event.pk).update(venue_name=TEXT, venue_address=TEXT, accessibility_notes=TEXT)
    for user in (hostile["learner"], trainer):
        assert_safe(client_as(user), reverse("training:event", args=[event.pk]))
    assert_safe(client_as(trainer), reverse("training:roster", args=[event.pk]))
    assert_safe(client_as(trainer), reverse("training:sign_in_sheet", args=[event.pk]))


def test_imported_names_are_escaped_in_the_import_preview(training_admin, home_page):
    from matrix.models import ImportBatch, ImportKind

    content = (
        "first name,last name,email,agency,team,role,start date\n"
        f'"{IMG}","{SCRIPT}",x@northbridge.gov.uk,"{LINK}","{SCRIPT}","{IMG}",2026-01-01\n'
    ).encode()
    batch = ImportBatch.objects.create(kind=ImportKind.STAFF, filename=f"{SCRIPT}.csv", content=content)
    assert_safe(client_as(training_admin), reverse("matrix:import_preview", args=[batch.pk]))


def test_markdown_in_lessons_keeps_formatting_but_loses_every_script(hostile):
    from courses.models import LessonPage

    lesson = LessonPage.objects.live().descendant_of(hostile["world"]["course"]).first().specific
    lesson.body.append(("markdown", MARKDOWN))
    lesson.save_revision().publish()
    response = client_as(hostile["learner"]).get(lesson.url)
    html = response.content.decode()
    assert not executable_parts(html), executable_parts(html)
    assert "raw html" in html and "Heading" in html


def test_markdown_in_scenario_narratives_loses_every_script(hostile):
    scenario = hostile["world"]["scenario"]
    scenario.narrative = MARKDOWN
    scenario.save_revision().publish()
    assert_safe(Client(), scenario.url, expect="raw html")
    draft = hostile["records"].draft
    assert_safe(client_as(hostile["learner"]), reverse("scenarios:builder", args=[draft.pk]), expect="raw html")


def test_names_typed_at_the_first_sign_in_and_profile_are_escaped(client, partnership, home_page):
    from people.models import User

    user = User.objects.create_user(username="fresh", email="fresh@northbridge.gov.uk", password="pass-phrase-1234")
    User.objects.filter(pk=user.pk).update(
        first_name=SCRIPT, last_name=IMG, date_joined=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    client.force_login(user)
    assert_safe(client, reverse("people:welcome"))
