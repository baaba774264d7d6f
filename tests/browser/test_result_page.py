"""The result page teaches: what to work on next first, both boards side by side, wrong cards marked in place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from tests.browser.conftest import broken_words

EXAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "tests" / "fixtures" / "hollins-family.md"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTHS = [(1024, 768), (1280, 900), (1440, 900), (375, 812)]


@pytest.fixture
def poor_attempt(home_page, make_person):
    """A weak first try: strengths taken for safety, a complicating factor taken for harm, a card left out."""
    from scenarios.demo import ensure_index
    from scenarios.importing import import_file
    from scenarios.models import ScenarioPage
    from scenarios.services import start_attempt, submit_attempt

    import_file(EXAMPLE, ensure_index())
    page = ScenarioPage.objects.get(slug="hollins-family")
    scenario = page.to_scenario()
    learner = make_person("Sam", "Okafor")
    placements = {item.id: item.category for item in scenario.items}
    placements.update(
        {"school-attendance": "safety", "health-visitor": "safety", "drinking": "harm", "housing": "strength"}
    )
    del placements["programme"]
    attempt = start_attempt(learner, page)
    submit_attempt(
        attempt,
        {
            "scenario": scenario.slug,
            "placements": placements,
            "statements": ["Things are bad at home because of the DV."],
            "goals": ["Dean will not drink."],
            "scaling": {"score": 8, "reason": "They love the kids."},
        },
    )
    return learner, attempt


@pytest.mark.django_db(transaction=True)
def test_a_learner_sees_what_to_work_on_before_the_detail_and_each_wrong_card_in_place(
    page, sign_in, axe_check, poor_attempt
):
    learner, attempt = poor_attempt
    sign_in(learner.email, PASSWORD)
    page.goto(f"/mapping/attempts/{attempt.pk}/result/")
    # The heading has the focus for screen readers, but draws no outline across the page.
    assert page.evaluate("() => document.activeElement.id") == "result-heading"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "none"
    priorities = page.get_by_role("region", name="What to work on next")
    expect(priorities.locator("li")).to_have_count(3)
    assert page.evaluate(
        "() => document.getElementById('priorities-heading').compareDocumentPosition("
        "document.getElementById('feedback-heading')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    # The wrong card sits where the learner put it, saying what was chosen, where it belongs and why.
    yours = page.get_by_role("region", name="Your mapping", exact=True)
    card = yours.locator(".app-result-card", has_text="goes to school every day")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Right column, wrong category: half marks")
    expect(card).to_contain_text("Belongs in")
    expect(card).to_contain_text("Strength")
    assert yours.get_by_role("region", name="What's working well?").locator(".app-result-card--wrong").count() == 3
    drinking = yours.locator(".app-result-card", has_text="drinks heavily")
    expect(drinking).to_contain_text("Right column, wrong category")
    expect(yours.get_by_role("region", name="Not placed")).to_contain_text("Not placed: no marks")
    expect(yours.locator(".app-result-card--wrong", has_text="Wrong column: no marks")).to_have_count(1)
    model = page.get_by_role("region", name="The model answer", exact=True)
    assert model.locator(".app-result-card--wrong").count() == 0
    # Side by side from 1024px.
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        boxes = yours.bounding_box(), model.bounding_box()
        if width >= 1024:
            assert boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"], width
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (
            width
        )
        axe_check(page)
        if os.environ.get("SAVE_SCREENSHOTS") and width in (1280, 375):
            page.screenshot(path=SCREENSHOTS / f"result-{width}.png", full_page=True)


@pytest.mark.django_db(transaction=True)
def test_the_detail_is_grouped_by_section_and_opens_without_javascript(browser, live_server, poor_attempt):
    learner, attempt = poor_attempt
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(learner.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"/mapping/attempts/{attempt.pk}/result/")
        sections = page.locator("details.app-feedback-section")
        assert sections.count() >= 3
        summaries = sections.locator("summary").all_text_contents()
        assert summaries[0].startswith("Sorting the case information")
        assert any(s.startswith("Danger statements") for s in summaries)
        second = sections.nth(1)
        assert second.get_attribute("open") is None
        second.locator("summary").click()
        assert second.get_attribute("open") is not None
        expect(second.locator(".govuk-details__text")).to_be_visible()
    finally:
        context.close()


LABELS = "main h1, main h2, main h3, main h4, main h5, main th, main summary, main .govuk-tag, main dt"
LOOK = os.environ.get(
    "REVIEW_SCREENSHOTS"
)  # a folder: the commented result at 375, 1024 and 1280 px for a person to look at


@pytest.mark.django_db(transaction=True)
def test_a_trainers_comments_sit_in_place_on_the_learners_board_at_every_width(
    page, sign_in, axe_check, poor_attempt, trainer
):
    from scenarios.models import CommentTarget
    from scenarios.reviewing import add_comment

    learner, attempt = poor_attempt
    on_card = "Attendance is a strength here, not safety: nobody acted to protect Mia."
    on_goal = "Say who will do what, and how we would know: Dean will not drink is a hope, not a goal."
    on_statement = (
        "Name the harm and who did it, without labels such as DV: what did Mia see and hear, and what might happen?"
    )
    add_comment(attempt, trainer, CommentTarget.CARD, "school-attendance", on_card)
    add_comment(attempt, trainer, CommentTarget.GOAL, "1", on_goal)
    add_comment(attempt, trainer, CommentTarget.STATEMENT, "1", on_statement)
    sign_in(learner.email, PASSWORD)
    page.goto(f"/mapping/attempts/{attempt.pk}/result/")
    yours = page.get_by_role("region", name="Your mapping", exact=True)
    model = page.get_by_role("region", name="The model answer", exact=True)
    # Each comment in the learner's board, beside what it is about; none on the model answer.
    card = yours.locator(".app-result-card", has_text="goes to school every day")
    expect(card.locator(".app-review-comment")).to_contain_text(on_card)
    expect(yours.locator(".app-review-comment")).to_have_count(3)
    expect(model.locator(".app-review-comment")).to_have_count(0)
    for width, height in [(1280, 900), (1024, 768), (375, 812)]:
        page.set_viewport_size({"width": width, "height": height})
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (
            width
        )
        # Every comment fits inside its card or column, and is set apart from the learner's own words.
        for comment in yours.locator(".app-review-comment").all():
            inner = comment.bounding_box()
            outer = comment.locator("xpath=ancestor::*[contains(@class,'app-column')][1]").bounding_box()
            assert inner["x"] >= outer["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 1, width
            assert comment.evaluate("(el) => getComputedStyle(el).borderLeftStyle") == "solid", width
        assert broken_words(page, LABELS) == [], width
        axe_check(page)
        if LOOK:
            page.screenshot(path=str(Path(LOOK) / f"result-commented-{width}.png"), full_page=True)
