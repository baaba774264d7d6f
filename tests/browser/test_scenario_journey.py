"""A learner maps the Hollins family end to end: by keyboard alone, by drag and drop, and without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from scenarios.scenario_file import parse_scenario

EXAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "tests" / "fixtures" / "hollins-family.md"
SCENARIO = parse_scenario(EXAMPLE.read_text(), EXAMPLE.name)
ORDER = ["", "harm", "complicating_factor", "strength", "safety"]
STATEMENT = "The social worker and the police are worried that Dean might hit Kayleigh again and Mia and Tyler could be hurt or scared."
GOAL = "For the next six months Dean will stay at his brother's when he drinks and Pauline will check the children are safe and tell the social worker."


@pytest.fixture
def learner(home_page, make_person):
    from scenarios.demo import ensure_index
    from scenarios.importing import import_file

    import_file(EXAMPLE, ensure_index())
    return make_person("Sam", "Okafor")


def tab_to(page, locator, limit: int = 400) -> None:
    """Press Tab until `locator` has the focus."""
    handle = locator.element_handle()
    for _ in range(limit):
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"could not reach {locator} with the Tab key")


def _start(page, sign_in, axe_check, learner):
    sign_in(learner.email, PASSWORD)
    page.goto("/scenarios/hollins-family/")
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_a_learner_maps_the_case_with_the_keyboard_only(page, sign_in, axe_check, learner):
    _start(page, sign_in, axe_check, learner)
    tab_to(page, page.get_by_role("button", name="Start this scenario"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/mapping/attempts/*/")
    axe_check(page)
    status = page.locator("#board-status")
    items = list(SCENARIO.items)
    for n, item in enumerate(items):
        select = page.locator(f"#id_place-{item.id}")
        tab_to(page, select)
        for _ in range(ORDER.index(item.category)):
            page.keyboard.press("ArrowDown")
        assert select.input_value() == item.category
        # Stepping through the options does not move the card: the learner is still choosing.
        assert page.locator(f'.app-zone[data-zone=""] #card-{item.id}').count() == 1
        before = status.text_content()
        if n == len(items) - 2:
            # Enter places the card and goes on to the next card still to place.
            page.keyboard.press("Enter")
        else:
            # Tab places the card and reaches the next card's control.
            page.keyboard.press("Tab")
        assert page.locator(f'.app-zone[data-zone="{item.category}"] #card-{item.id}').count() == 1
        if n + 1 < len(items):
            assert page.evaluate("() => document.activeElement.id") == f"id_place-{items[n + 1].id}"
        assert status.text_content() != before
        assert "Moved" in status.text_content()
    tab_to(page, page.locator("#id_statement_1"))
    page.keyboard.type(STATEMENT)
    tab_to(page, page.locator("#id_goal_1"))
    page.keyboard.type(GOAL)
    tab_to(page, page.locator("#id_scale_0"))
    page.keyboard.press("Space")
    for _ in range(SCENARIO.scaling.min):
        page.keyboard.press("ArrowRight")
    assert page.locator(f"#id_scale_{SCENARIO.scaling.min}").is_checked()
    tab_to(page, page.locator("#id_reason"))
    page.keyboard.type("Serious repeated harm, but Kayleigh has twice taken the children to Pauline's.")
    page.locator("#draft-status").filter(has_text="Draft saved").wait_for()
    tab_to(page, page.get_by_role("button", name="Submit for marking"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/result/")
    expect(page.get_by_role("heading", name="Passed")).to_be_visible()
    assert page.evaluate("() => document.activeElement.id") == "result-heading"
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_a_learner_maps_the_case_by_drag_and_drop(page, sign_in, axe_check, learner):
    _start(page, sign_in, axe_check, learner)
    page.get_by_role("button", name="Start this scenario").click()
    page.wait_for_url("**/mapping/attempts/*/")
    # Tall enough that a card and its column are on screen together while dragging.
    page.set_viewport_size({"width": 1280, "height": 8000})
    for item in SCENARIO.items:
        # Grab the card by its text, not its select.
        page.locator(f"#text-{item.id}").drag_to(
            page.locator(f'.app-zone[data-zone="{item.category}"] .app-zone__title')
        )
        assert page.locator(f"#id_place-{item.id}").input_value() == item.category
    page.locator("#id_statement_1").fill(STATEMENT)
    page.locator("#id_goal_1").fill("We won't see Dean shout at Kayleigh in front of the kids.")
    page.locator(".app-hints").filter(has_text="not only what they will stop doing").wait_for()
    page.locator("#id_goal_1").fill(GOAL)
    page.locator("#id_scale_4").check()
    page.locator("#id_reason").fill("Some safety from Pauline.")
    axe_check(page)
    page.get_by_role("button", name="Submit for marking").click()
    page.wait_for_url("**/result/")
    expect(page.get_by_role("heading", name="Passed")).to_be_visible()
    axe_check(page)
    # The result page fits a 320px-wide screen without sideways scrolling.
    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_a_learner_submits_the_plain_form_without_javascript(browser, live_server, axe_check, learner):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(learner.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto("/scenarios/hollins-family/")
        page.get_by_role("button", name="Start this scenario").click()
        page.wait_for_url("**/mapping/attempts/*/")
        for item in SCENARIO.items[:6]:
            page.locator(f"#id_place-{item.id}").select_option(item.category)
        page.locator("#id_statement_1").fill(STATEMENT)
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_text("Your draft was saved")).to_be_visible()
        # Saved cards are now shown in their columns, and what was typed is still there.
        assert page.locator(f'.app-zone[data-zone="harm"] #card-{SCENARIO.items[0].id}').count() == 1
        assert page.locator("#id_statement_1").input_value() == STATEMENT
        page.get_by_role("button", name="Submit for marking").click()
        expect(page.get_by_text("There is a problem")).to_be_visible()
        for item in SCENARIO.items:
            page.locator(f"#id_place-{item.id}").select_option(item.category)
        page.locator("#id_goal_1").fill(GOAL)
        page.locator("#id_scale_4").check()
        page.locator("#id_reason").fill("Some safety from Pauline.")
        page.get_by_role("button", name="Submit for marking").click()
        page.wait_for_url("**/result/")
        expect(page.get_by_role("heading", name="Passed")).to_be_visible()
    finally:
        context.close()
