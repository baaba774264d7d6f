"""A trainer reviews a doubtful attempt by keyboard alone, comments beside a goal and confirms;
the learner then sees the comment beside their goal. Every page is checked with axe."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import PASSWORD
from tests.browser.test_scenario_journey import EXAMPLE, SCENARIO, tab_to

SHOTS = os.environ.get("REVIEW_SCREENSHOTS")  # a folder: screenshots at 375, 1024 and 1280 px for a person to look at


def _shots(page, name: str) -> None:
    if not SHOTS:
        return
    for width in (375, 1024, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1024, "height": 800})


@pytest.fixture
def doubtful(home_page, make_person):
    from scenarios.demo import ensure_index
    from scenarios.importing import import_file
    from scenarios.models import ScenarioPage
    from scenarios.tests.trust_helpers import doubtful_attempt

    import_file(EXAMPLE, ensure_index())
    learner = make_person("Sam", "Okafor")
    placements = {item.id: item.category for item in SCENARIO.items}
    return doubtful_attempt(learner, ScenarioPage.objects.get(slug="hollins-family"), placements=placements)


@pytest.mark.django_db(transaction=True)
def test_a_trainer_reviews_by_keyboard_and_the_learner_sees_the_comment(page, sign_in, axe_check, doubtful, trainer):
    sign_in(trainer.email, PASSWORD)
    page.goto("/mapping/reviews/")
    axe_check(page)
    _shots(page, "review-queue")
    link = page.locator(f'a[href="/mapping/reviews/{doubtful.pk}/"]')
    assert "Sam Okafor" in link.inner_text()
    tab_to(page, link)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/mapping/reviews/{doubtful.pk}/")
    axe_check(page)
    _shots(page, "review-page")

    # Open "Comment on goal 1" with the keyboard, write, and add it.
    summary = page.locator("#goal-1 summary")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    tab_to(page, page.locator("#comment-goal-1"))
    page.keyboard.type("Good: say when Kayleigh will call Gran.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/mapping/reviews/{doubtful.pk}/#goal-1")
    axe_check(page)
    assert "Good: say when Kayleigh will call Gran." in page.locator("#goal-1").inner_text()

    tab_to(page, page.locator("#decision-confirm"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Save the review and tell the learner"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/mapping/reviews/")
    axe_check(page)
    assert "Nothing is waiting for review." in page.content()

    page.context.clear_cookies()
    sign_in(doubtful.user.email, PASSWORD)
    page.goto(f"/mapping/attempts/{doubtful.pk}/result/")
    axe_check(page)
    _shots(page, "result-reviewed")
    text = page.content()
    assert "A trainer checked this score" in text
    assert text.index("Kayleigh will take the children") < text.index("Good: say when Kayleigh will call Gran.")


def _page_scrolls_sideways(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


def _tables_wider_than_their_place(page) -> list[str]:
    """Tables wider than the main column, unless inside a scroll region that takes the keyboard focus."""
    return page.evaluate(
        """() => [...document.querySelectorAll('main table')].filter(table => {
            const region = table.closest('[role=region][tabindex="0"]');
            const box = (region || document.querySelector('main')).getBoundingClientRect();
            return !region && table.getBoundingClientRect().right > box.right + 1;
        }).map(table => (table.caption ? table.caption.textContent.trim() : table.className))"""
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [375, 1280])
def test_the_review_queue_reads_on_a_phone_and_a_laptop(
    page, sign_in, axe_check, doubtful, trainer, make_person, width
):
    from scenarios.models import ReviewStatus
    from scenarios.tests.trust_helpers import DOUBTS, doubtful_attempt

    # A long name, several doubts, and a scenario trainers have already reviewed (the agreement table).
    long_name = make_person("Oluwaseun-Bartholomew", "Fitzwilliam-Oyelaran")
    doubtful_attempt(
        long_name,
        doubtful.scenario,
        doubts=[*DOUBTS, {"code": "short_reason", "message": "The scaling reason is one word long."}],
    )
    reviewed = doubtful_attempt(make_person("Ana", "Lim"), doubtful.scenario, score=80)
    reviewed.review, reviewed.override_score = ReviewStatus.CHANGED, 70
    reviewed.save(update_fields=["review", "override_score"])

    page.set_viewport_size({"width": width, "height": 900})
    sign_in(trainer.email, PASSWORD)
    page.goto("/mapping/reviews/")
    assert "Oluwaseun-Bartholomew Fitzwilliam-Oyelaran" in page.locator("main").inner_text()
    assert "How often trainers agree with the marking" in page.locator("main").inner_text()
    assert not _page_scrolls_sideways(page), f"the page scrolls sideways at {width}px"
    assert _tables_wider_than_their_place(page) == []
    # Every attempt's link is on screen and reachable.
    for link in page.locator('main a[href^="/mapping/reviews/"]').all():
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    axe_check(page)
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"review-queue-{width}.png"), full_page=True)
    # The review page itself: the learner's board, each card with its comment box.
    page.goto(f"/mapping/reviews/{doubtful.pk}/")
    assert not _page_scrolls_sideways(page), f"the review page scrolls sideways at {width}px"
    assert _tables_wider_than_their_place(page) == []
    axe_check(page)
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"review-page-{width}.png"), full_page=True)
