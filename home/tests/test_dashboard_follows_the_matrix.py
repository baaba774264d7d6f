"""Every persona's dashboard, block by block, against what the matrix says of them.

The catalogue is the shipped one: the demo's trainings and requirements, its
three e-learning courses, its classroom courses and a scenario set. Each
persona is put in a different place (done, booked, overdue, exempt, expired,
not started); the expectations are read from `matrix.duties.duties_for`,
the matrix's own answer, never written per persona.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from courses.content_file import read_course_file
from courses.importer import ensure_course_index, import_course
from courses.models import CoursePage
from courses.tests.conftest import FIXTURES
from matrix import demo as matrix_demo
from matrix.duties import Duty, duties_for
from matrix.models import CompletionSource, Exemption, MatrixStatus, TrainingKind
from matrix.services import mark_booked, record_completion, refresh_people
from people.models import LearnerProfile
from scenarios.models import ScenarioSet
from training import demo as training_demo

pytestmark = pytest.mark.django_db

PERSONAS = ["new_staff", "councillor", "trainer", "practice_lead", "training_admin", "content_editor", "outsider"]
OFFER_WORDS = ("Start course", "Find a date", "Book a place", "Start<", "Renew it", "Carry on<")


@pytest.fixture
def catalogue(home_page: Any, partnership: dict[str, Any]) -> dict[str, Any]:
    trainings = matrix_demo._ensure_trainings()
    matrix_demo._ensure_requirements(trainings)
    # The courses as the demo names their trainings, made from the small test course files.
    index = ensure_course_index(home_page)
    new_staff = read_course_file(FIXTURES / "new-staff.yaml")
    briefing = read_course_file(FIXTURES / "councillor-briefing.yaml")
    partner = replace(briefing, slug="partner-agencies", title="Partner agency course", audience="partners")
    for spec, training in (
        (new_staff, "elearning-new-staff"),
        (briefing, "councillor-briefing"),
        (partner, "partner-elearning"),
    ):
        import_course(replace(spec, training_slug=training, training_title=trainings[training].title), index)
    training_demo._courses()
    ScenarioSet.objects.create(title="Case scenario practice", training=trainings["scenario-practice"], passes_needed=2)
    return trainings


@pytest.fixture
def placed(catalogue: dict[str, Any], request: pytest.FixtureRequest) -> dict[str, Any]:
    """The personas, each somewhere different on the matrix."""
    people = {name: request.getfixturevalue(name) for name in PERSONAS}
    today = dt.date.today()
    t = catalogue
    # A social worker who has done the two-day training (and nothing else yet).
    record_completion(people["new_staff"], t["two-day-foundation"], today, CompletionSource.CLASSROOM, "event:1")
    # A practice lead whose e-learning was recorded by the training team.
    record_completion(people["practice_lead"], t["elearning-new-staff"], today, CompletionSource.MANUAL, "admin:1")
    # A trainer who started two months ago (their e-learning is overdue) and holds a place on their own course.
    LearnerProfile.objects.filter(user=people["trainer"]).update(start_date=today - dt.timedelta(days=60))
    mark_booked(people["trainer"], t["training-for-trainers"], today + dt.timedelta(days=20))
    # A business support officer excused the e-learning.
    Exemption.objects.create(user=people["training_admin"], training=t["elearning-new-staff"], reason="Done elsewhere")
    # A practice lead whose refresher has run out, with the enhanced training done.
    old = today - dt.timedelta(days=800)
    record_completion(people["content_editor"], t["refresher"], old, CompletionSource.IMPORTED, "import:1")
    record_completion(people["content_editor"], t["practice-lead-enhanced"], old, CompletionSource.IMPORTED, "import:2")
    refresh_people([u.pk for u in people.values()])
    return people


def _sections(page: str) -> dict[str, Tag]:
    soup = BeautifulSoup(page, "html.parser")
    return {s.h2.get_text(strip=True): s for s in soup.select("section.app-dashboard-section")}


def _text(tag: Tag | None) -> str:
    return tag.get_text(" ", strip=True) if tag is not None else ""


def _under(section: Tag | None, heading: str) -> list[Tag]:
    """The elements after an h3 `heading`, up to the next h3."""
    if section is None:
        return []
    h3 = next((h for h in section.find_all("h3") if h.get_text(strip=True) == heading), None)
    found = []
    for sibling in h3.find_next_siblings() if h3 else []:
        if sibling.name == "h3":
            break
        found.append(sibling)
    return found


def _check_matrix_block(section: Tag | None, duties: dict[int, Duty]) -> None:
    if not duties:
        assert section is None or "No training is required" in _text(section)
        return
    rows = section.select("tbody tr")
    assert len(rows) == len(duties)
    by_title = {d.training.title: d for d in duties.values()}
    for row in rows:
        title = row.th.contents[0].strip()
        duty = by_title.pop(title)
        status, action = (_text(td) for td in row.find_all("td"))
        assert status.startswith(MatrixStatus(duty.status).label), (title, status)
        if duty.status in (MatrixStatus.COMPLETE, MatrixStatus.EXEMPT):
            assert action == "Nothing to do."
        elif duty.booked:
            assert action.startswith("See your booking")
        else:
            assert action and action != "Nothing to do."
    assert not by_title


def _check_courses_block(section: Tag | None, duties: dict[int, Duty], started: set[int]) -> None:
    live = {c.title: c.training_id for c in CoursePage.objects.live()}
    to_do = {c.training_id for c in CoursePage.objects.live() if c.training_id in duties and c.pk not in started}
    to_do = {pk for pk in to_do if duties[pk].to_do}
    cards = [part for part in _under(section, "Courses for you to do") if "app-card" in part.get("class", [])]
    offered = {live[_text(card.h4)] for card in cards}
    assert offered == to_do
    for part in _under(section, "Completed")[:1]:
        assert "Start course" not in _text(part)
        for item in part.find_all("li"):
            training_id = live[_text(item.a)]
            assert training_id not in duties or duties[training_id].met
    # "Start course" only on the cards offered.
    assert _text(section).count("Start course") == len(to_do)
    if not to_do and not started and not any(d.kind == TrainingKind.ELEARNING and d.met for d in duties.values()):
        assert section is None


def _check_classroom_block(section: Tag | None, duties: dict[int, Duty]) -> None:
    wanted = {d.training.title for d in duties.values() if d.kind == TrainingKind.CLASSROOM and d.to_do}
    links = [a for a in (section.find_all("a") if section else []) if a.get_text(strip=True).startswith("Find a date")]
    offered = {_text(a.find("span")).removeprefix("for ").strip() for a in links}
    assert offered == wanted
    if not wanted:
        assert section is None  # no bookings in this walk


def _check_scenarios_block(section: Tag | None, duties: dict[int, Duty]) -> None:
    sets = {s.training_id: s.title for s in ScenarioSet.objects.all()}
    required = {pk for pk, d in duties.items() if d.kind == TrainingKind.SCENARIO_SET and d.status != "exempt"}
    shown = {title for title in sets.values() if f"scenarios passed for {title}" in _text(section)}
    assert shown == {sets[pk] for pk in required if pk in sets}
    prompt = "Practise mapping a family's case" in _text(section)
    assert prompt == any(duties[pk].to_do for pk in required)
    if not required:
        assert section is None


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_dashboard_block_follows_the_matrix(client, placed, persona):
    user = placed[persona]
    duties = duties_for(user)
    client.force_login(user)
    sections = _sections(client.get("/").content.decode())
    _check_matrix_block(sections.get("What you must do, by when"), duties)
    _check_courses_block(sections.get("Your e-learning"), duties, started=set())
    _check_classroom_block(sections.get("Classroom training"), duties)
    _check_scenarios_block(sections.get("Case scenarios"), duties)
    # Nothing the matrix does not require is offered anywhere on the page.
    required_titles = {d.training.title for d in duties.values()}
    course_titles = {c.title: c.training_id for c in CoursePage.objects.live()}
    for title, training_id in course_titles.items():
        if training_id not in duties:
            assert title not in client.get("/").content.decode(), (persona, title)
    assert required_titles or not any(word in _text(s) for s in sections.values() for word in OFFER_WORDS)


def test_the_walk_covers_every_kind_of_status(placed):
    """The personas between them are done, booked, overdue, exempt, expired and not started: the walk above
    checks each kind of block, not only empty ones."""
    seen = {d.status for user in placed.values() for d in duties_for(user).values()}
    assert {"complete", "booked", "overdue", "exempt", "expired", "not_started"} <= seen


def test_nobody_is_offered_what_the_matrix_does_not_require(client, placed):
    """The cases from the issue, by name."""
    client.force_login(placed["councillor"])
    page = client.get("/").content.decode()
    assert set(_sections(page)) == {"What you must do, by when", "Your e-learning", "After your training"}
    assert "Find a date" not in page and "scenarios passed" not in page and "Open the training matrix" not in page
    client.force_login(placed["outsider"])
    page = client.get("/").content.decode()
    assert "Partner agency course" in page
    assert "Signs of Safety e-learning for new staff" not in page and "Find a date" not in page
    client.force_login(placed["new_staff"])
    page = client.get("/").content.decode()
    assert "0 of 2 scenarios passed" in page
    assert "Find a date" not in page  # the two-day training is done
    client.force_login(placed["practice_lead"])
    completed = _under(_sections(client.get("/").content.decode()).get("Your e-learning"), "Completed")
    assert completed and "Start course" not in " ".join(_text(p) for p in completed)
