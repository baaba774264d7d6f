"""One event end to end in a real browser, from attendance to impact.

Three learners map the Hollins family before day one, attend both days, give
feedback at the end of each day, map the Carter family after the course and,
with the clock moved three months on, answer the follow-up. The trainer sees
the cohort's profile and the change on the roster; the training
administrator's board report shows the impact section with those figures.
Accessibility is checked on every kind of page the journey visits.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from playwright.sync_api import expect

from conftest import PASSWORD
from impact.models import DayFeedback, FollowUp
from training.models import ClassroomCourse, CourseKind, EventStatus, TrainerLicence

ROOT = Path(__file__).resolve().parents[2]
BEFORE = ROOT / "scenarios" / "tests" / "fixtures" / "hollins-family.md"
AFTER = ROOT / "scenarios" / "content" / "carter-family.md"
START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
AFTER_DAY_1 = dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.UTC)
AFTER_DAY_2 = dt.datetime(2026, 12, 2, 17, 0, tzinfo=dt.UTC)
THREE_MONTHS_ON = dt.datetime(2027, 3, 3, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=True) as traveller:
        yield traveller


@pytest.fixture
def world(clock, home_page, trainer, training_admin, make_person):
    from matrix.models import Training, TrainingKind
    from scenarios.demo import ensure_index
    from scenarios.importing import import_file
    from scenarios.models import ScenarioPage
    from training import services

    index = ensure_index()
    for path in (BEFORE, AFTER):
        assert not import_file(path, index).error
    training = Training.objects.create(
        slug="two-day", title="Signs of Safety two-day training", kind=TrainingKind.CLASSROOM
    )
    course = ClassroomCourse.objects.create(
        training=training,
        slug="two-day",
        title="Signs of Safety two-day training",
        kind=CourseKind.FOUNDATION,
        description="Two days.",
        audience="Everyone.",
    )
    TrainerLicence.objects.create(
        trainer=trainer, course_kind=CourseKind.FOUNDATION, reference="LIC-9", valid_until=dt.date(2030, 1, 1)
    )
    event = services.create_event(
        course,
        trainer,
        {"status": EventStatus.OPEN, "capacity": 10, "venue_name": "Civic Hall"},
        [
            services.DayInput(1, dt.date(2026, 12, 1), dt.time(9, 30), dt.time(16, 30)),
            services.DayInput(2, dt.date(2026, 12, 2), dt.time(9, 30), dt.time(16, 30)),
        ],
        [trainer],
    )
    learners = [
        make_person("Aisha", "Begum"),
        make_person("Callum", "Fraser", team="south"),
        make_person("Dana", "Kowalski"),
    ]
    for learner in learners:
        services.book(event.pk, learner)
    pages = {p.slug: p for p in ScenarioPage.objects.all()}
    return {"event": event, "learners": learners, "before": pages["hollins-family"], "after": pages["carter-family"]}


def switch_to(page, sign_in, user) -> None:
    page.context.clear_cookies()
    sign_in(user.email, PASSWORD)
    page.wait_for_url("**/")


def map_case(page, axe_check, scenario_page, changes: dict[str, str], check: bool) -> None:
    """From the learner's 'after your training' page to the scenario, then the plain mapping form."""
    scenario = scenario_page.to_scenario()
    page.goto("/impact/")
    page.get_by_role("link", name="Map a case").click()
    page.get_by_role("button", name="Start this scenario").click()
    page.wait_for_url("**/mapping/attempts/*/")
    if check:
        axe_check(page)
    for item in scenario.items:
        page.locator(f"#id_place-{item.id}").select_option(changes.get(item.id, item.category))
    page.locator("#id_statement_1").fill(changes.get("statement", scenario.statements[0].text))
    page.locator("#id_goal_1").fill(scenario.goals[0].text)
    page.locator(f"#id_scale_{changes.get('scale', scenario.scaling.min)}").check()
    page.locator("#id_reason").fill(scenario.scaling.rationale)
    page.get_by_role("button", name="Submit for marking").click()
    page.wait_for_url("**/result/")


def day_feedback(page, axe_check, day: int, rating: str, useful: str, check: bool) -> None:
    page.goto("/impact/")
    page.get_by_role("link", name=f"Tell us about day {day}").click()
    if check:
        axe_check(page)
    for group in page.get_by_role("group").all():
        group.get_by_label(rating, exact=False).first.check()
    page.get_by_label("What was most useful today?").fill(useful)
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text(f"Your feedback on day {day} is saved")).to_be_visible()


def mark_attendance(page, axe_check, event, day: int) -> None:
    page.goto(f"/training/trainer/events/{event.pk}/days/{day}/attendance/")
    axe_check(page)
    for group in page.get_by_role("group").all():
        group.get_by_label("Attended", exact=True).check()
    page.get_by_role("button", name=f"Save attendance for day {day}").click()
    page.wait_for_url(f"**/training/trainer/events/{event.pk}/")


@pytest.mark.django_db(transaction=True)
def test_one_event_from_attendance_to_impact(page, axe_check, sign_in, clock, world, trainer, training_admin):
    event, learners = world["event"], world["learners"]
    # The trainer chooses the matched pair of scenarios from the roster.
    switch_to(page, sign_in, trainer)
    page.goto(f"/training/trainer/events/{event.pk}/")
    page.get_by_role("link", name="Choose the scenarios").click()
    axe_check(page)
    page.get_by_label("Scenario to map before day one").select_option(label="The Hollins family")
    page.get_by_label("Matched scenario to map after the last day").select_option(label="The Carter family")
    page.get_by_role("button", name="Save the scenarios").click()
    expect(page.get_by_text("The before-and-after scenarios are saved")).to_be_visible()

    # Before day one: two of three treat strengths as safety; one uses jargon.
    before = [
        {"school-attendance": "safety", "scale": "2"},
        {"school-attendance": "safety", "gran-nearby": "safety"},
        {"statement": "We are worried about domestic violence and that Dean might hit Kayleigh again."},
    ]
    for n, (learner, changes) in enumerate(zip(learners, before, strict=True)):
        switch_to(page, sign_in, learner)
        if n == 0:
            page.goto("/impact/")
            axe_check(page)
        map_case(page, axe_check, world["before"], changes, check=n == 0)

    switch_to(page, sign_in, trainer)
    page.goto(f"/training/trainer/events/{event.pk}/")
    expect(page.get_by_text("Strengths treated as safety: 67% (2 of 3)")).to_be_visible()
    axe_check(page)

    # Day one, then its feedback.
    clock.move_to(AFTER_DAY_1)
    switch_to(page, sign_in, trainer)
    mark_attendance(page, axe_check, event, 1)
    for n, learner in enumerate(learners):
        switch_to(page, sign_in, learner)
        day_feedback(page, axe_check, 1, "3", f"Day one point {n}", check=n == 0)

    # Day two, its feedback and the mapping after the course.
    clock.move_to(AFTER_DAY_2)
    switch_to(page, sign_in, trainer)
    mark_attendance(page, axe_check, event, 2)
    for n, learner in enumerate(learners):
        switch_to(page, sign_in, learner)
        day_feedback(page, axe_check, 2, "5", f"Day two point {n}", check=False)
        map_case(page, axe_check, world["after"], {}, check=False)
    assert DayFeedback.objects.count() == 6

    # Three months on.
    clock.move_to(THREE_MONTHS_ON)
    for n, learner in enumerate(learners):
        switch_to(page, sign_in, learner)
        page.goto("/impact/")
        page.get_by_role("link", name="Three months on from").click()
        if n == 0:
            axe_check(page)
        page.get_by_role("group", name="danger or worry statement").get_by_label("Yes", exact=True).check()
        page.get_by_role("group", name="safety or well-being goal").get_by_label(
            "Yes" if n else "No", exact=True
        ).check()
        page.get_by_label("What happened?").fill(f"Follow-up story {n}")
        page.get_by_role("button", name="Send answers").click()
        expect(page.get_by_text("Your answers are saved")).to_be_visible()
    assert FollowUp.objects.count() == 3

    # The trainer sees the profile before and the change after, and the answers without names.
    switch_to(page, sign_in, trainer)
    page.goto(f"/training/trainer/events/{event.pk}/")
    expect(page.get_by_role("heading", name="What changed after the course")).to_be_visible()
    change = page.locator("tr", has_text="Strengths treated as safety (% of people)").first
    expect(change).to_contain_text("66.7")
    expect(change).to_contain_text("-66.7")
    axe_check(page)
    page.get_by_role("link", name="What attendees thought of the event").click()
    expect(page.get_by_text("Day two point 2")).to_be_visible()
    expect(page.get_by_text("67% (2 of 3)")).to_be_visible()  # used a safety goal since
    assert "Aisha" not in page.content()
    axe_check(page)

    # The board report's impact section.
    switch_to(page, sign_in, training_admin)
    page.goto("/matrix/board/")
    section = page.locator("section", has=page.get_by_role("heading", name="Impact of the training"))
    expect(section).to_contain_text("from 6 answers")
    expect(section).to_contain_text("100% had used a danger or worry statement in their work (3 of 3)")
    expect(section).to_contain_text("Everyone: 3 before, 3 after")
    expect(section).to_contain_text("From 1 event with a before-and-after mapping")
    axe_check(page)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=str(ROOT / "var" / "impact-board-375.png"), full_page=True)
