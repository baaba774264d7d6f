"""E-learning journeys in a real browser, with the accessibility check on every page.

A new member of staff and a councillor each take a course from start to
certificate; the knowledge check also works with JavaScript switched off; the
lesson page fits a phone.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD

FIXTURES = Path(__file__).resolve().parents[2] / "courses" / "tests" / "fixtures"


def require(course: Any, person: Any) -> None:
    """The matrix asks the person's role to take the course, as the partnership's requirements do:
    the dashboard offers what the matrix requires."""
    from matrix.models import Requirement

    Requirement.objects.create(training=course.training, role=person.profile.role, due_within=90)


def import_fixture(home_page: Any, name: str) -> Any:
    from courses.content_file import read_course_file
    from courses.importer import ensure_course_index, import_course

    return import_course(read_course_file(FIXTURES / name), ensure_course_index(home_page)).course


def choose(page: Any, label: str) -> None:
    page.get_by_label(label, exact=True).check()


def check_answer(page: Any, question: str) -> Any:
    """Click the question's "Check answer" and return its feedback region."""
    section = page.locator(".app-check", has=page.get_by_text(question, exact=True))
    section.get_by_role("button", name="Check answer").click()
    return section.get_by_role("status")


def verify_code(page: Any, axe_check: Any, code: str) -> None:
    page.goto("/learning/certificates/verify/")
    axe_check(page)
    page.get_by_label("Verification code").fill("nonsense")
    page.get_by_role("button", name="Check code").click()
    expect(page.get_by_text("We could not find a certificate with that code")).to_be_visible()
    axe_check(page)
    page.get_by_label("Verification code").fill(code.lower())
    page.get_by_role("button", name="Check code").click()
    expect(page.get_by_text("This certificate is genuine")).to_be_visible()
    axe_check(page)


def download_certificate(page: Any, axe_check: Any) -> str:
    page.get_by_role("link", name=re.compile("View your certificate")).first.click()
    axe_check(page)
    code = page.locator(".app-certificate__details dd").first.inner_text().strip()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the certificate as a PDF").click()
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    return code


@pytest.mark.django_db(transaction=True)
def test_a_new_member_of_staff_completes_the_course_and_verifies_the_certificate(
    page, axe_check, sign_in, home_page, new_staff
):
    course = import_fixture(home_page, "new-staff.yaml")
    import_fixture(home_page, "councillor-briefing.yaml")
    require(course, new_staff)
    sign_in(new_staff.email, PASSWORD)
    page.wait_for_url("**/")
    expect(page.get_by_text("Signs of Safety: e-learning for new staff").first).to_be_visible()
    axe_check(page)

    page.goto("/courses/")
    axe_check(page)
    page.get_by_role("link", name=course.title).click()
    expect(page.get_by_text("0 of 3 lessons complete")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name=re.compile("Start course")).click()

    # Lesson 1: a reflection for the journal, then complete.
    page.wait_for_url("**/what-it-is/")
    axe_check(page)
    page.get_by_label(re.compile("Think of a family")).fill("The parents worried about money more than anything.")
    page.get_by_role("button", name="Save to my journal").click()
    expect(page.get_by_text("Your reflection is saved in your learning journal.")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Mark as complete and continue").click()

    # Lesson 2: the progress bar has moved; a wrong answer, then the right one.
    page.wait_for_url("**/harm-and-danger/")
    expect(page.get_by_text("1 of 3 lessons complete in this course")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Mark as complete and continue").click()
    expect(page.get_by_text("1 question still to do")).to_be_visible()
    axe_check(page)
    choose(page, "Dad drinks too much.")
    feedback = check_answer(page, "Which of these is a danger statement?")
    feedback.get_by_text("Not quite right").wait_for()
    expect(feedback.get_by_text("drinking is a complicating factor")).to_be_visible()
    # The script put the feedback in place: no reload to the question's anchor.
    assert "#q-" not in page.url
    axe_check(page)
    choose(page, "We are worried Dad will hit Mum again and the children will be scared.")
    feedback = check_answer(page, "Which of these is a danger statement?")
    feedback.get_by_text("Correct", exact=True).wait_for()
    axe_check(page)
    page.get_by_role("button", name="Mark as complete and continue").click()

    # Lesson 3, in the next module: a multiple-choice question.
    page.wait_for_url("**/tools/three-houses/")
    expect(page.get_by_text("2 of 3 lessons complete in this course")).to_be_visible()
    axe_check(page)
    choose(page, "House of worries")
    choose(page, "House of good things")
    check_answer(page, "Which houses are in the Three Houses tool?").get_by_text("Correct", exact=True).wait_for()
    page.get_by_role("button", name="Mark as complete and continue").click()

    page.wait_for_url(f"**{course.url}")
    expect(page.get_by_text(f"You have completed {course.title}")).to_be_visible()
    expect(page.get_by_text("3 of 3 lessons complete")).to_be_visible()
    axe_check(page)
    code = download_certificate(page, axe_check)

    page.goto("/learning/journal/")
    expect(page.get_by_text("The parents worried about money")).to_be_visible()
    axe_check(page)
    page.goto("/")
    expect(page.get_by_role("link", name=re.compile("Certificate")).first).to_be_visible()
    axe_check(page)
    verify_code(page, axe_check, code)


@pytest.mark.django_db(transaction=True)
def test_a_councillor_completes_the_briefing_and_verifies_the_certificate(
    page, axe_check, sign_in, home_page, councillor
):
    import_fixture(home_page, "new-staff.yaml")
    briefing = import_fixture(home_page, "councillor-briefing.yaml")
    require(briefing, councillor)
    sign_in(councillor.email, PASSWORD)
    page.wait_for_url("**/")
    axe_check(page)
    page.get_by_role("link", name=briefing.title).first.click()
    expect(page.get_by_text("0 of 1 lessons complete")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name=re.compile("Start course")).click()
    page.wait_for_url("**/one-minute-guide/")
    axe_check(page)
    choose(page, "How much the family earns")
    check_answer(page, "What does a scaling question ask?").get_by_text("Not quite right").wait_for()
    axe_check(page)
    choose(page, "How safe the children are, from 0 to 10")
    check_answer(page, "What does a scaling question ask?").get_by_text("Correct", exact=True).wait_for()
    page.get_by_role("button", name="Mark as complete and continue").click()
    page.wait_for_url(f"**{briefing.url}")
    expect(page.get_by_text("1 of 1 lessons complete")).to_be_visible()
    axe_check(page)
    code = download_certificate(page, axe_check)
    verify_code(page, axe_check, code)


@pytest.mark.django_db(transaction=True)
def test_the_knowledge_check_works_without_javascript(browser, live_server, axe_check, home_page, new_staff):
    course = import_fixture(home_page, "new-staff.yaml")
    lesson_url = f"{course.url}basics/harm-and-danger/"
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(new_staff.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto(lesson_url)
        check_answer(page, "Which of these is a danger statement?")
        expect(page.get_by_text("Choose an answer.").first).to_be_visible()
        choose(page, "Dad hit Mum last May.")
        feedback = check_answer(page, "Which of these is a danger statement?")
        page.wait_for_url(re.compile(r"#q-"))
        expect(feedback.get_by_text("Not quite right")).to_be_visible()
        assert page.get_by_label("Dad hit Mum last May.", exact=True).is_checked()
        choose(page, "We are worried Dad will hit Mum again and the children will be scared.")
        feedback = check_answer(page, "Which of these is a danger statement?")
        expect(feedback.get_by_text("Correct", exact=True)).to_be_visible()
        page.get_by_role("button", name="Mark as complete and continue").click()
        page.wait_for_url("**/tools/three-houses/")
    finally:
        context.close()


@pytest.mark.django_db(transaction=True)
def test_the_lesson_page_fits_a_phone(page, axe_check, sign_in, home_page, new_staff):
    course = import_fixture(home_page, "new-staff.yaml")
    sign_in(new_staff.email, PASSWORD)
    page.wait_for_url("**/")
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("basics/what-it-is/", "basics/harm-and-danger/", ""):
        page.goto(f"{course.url}{path}")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path or 'course page'} scrolls sideways by {overflow}px at 375px"
        axe_check(page)


def active_element(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => ({tag: document.activeElement.tagName, id: document.activeElement.id || '',
                   text: (document.activeElement.textContent || '').trim()})"""
    )


@pytest.mark.django_db(transaction=True)
def test_checking_an_answer_by_keyboard_keeps_focus_and_shows_errors_the_govuk_way(
    page, axe_check, sign_in, home_page, new_staff
):
    course = import_fixture(home_page, "new-staff.yaml")
    sign_in(new_staff.email, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"{course.url}basics/harm-and-danger/")
    section = page.locator(".app-check", has=page.get_by_text("Which of these is a danger statement?", exact=True))
    button = section.get_by_role("button", name="Check answer")

    # Nothing chosen: the error is on the question group, linked to it, and focus is not lost.
    button.focus()
    page.keyboard.press("Enter")
    section.locator(".govuk-form-group--error").wait_for()
    error = section.locator(".govuk-error-message")
    assert " ".join(error.inner_text().split()) == "Error: Choose an answer."
    error_id = error.get_attribute("id")
    assert error_id and error_id in (section.locator("fieldset").get_attribute("aria-describedby") or "")
    assert active_element(page)["tag"] != "BODY"
    assert page.url.endswith("/harm-and-danger/")
    axe_check(page)

    # A wrong answer chosen and checked with the keyboard alone.
    page.get_by_label("Dad drinks too much.", exact=True).focus()
    page.keyboard.press("Space")
    button.focus()
    page.keyboard.press("Enter")
    section.get_by_role("status").get_by_text("Not quite right").wait_for()
    focused = active_element(page)
    assert focused["tag"] != "BODY", focused
    assert focused["text"] == "Check answer" or focused["id"].endswith("-feedback"), focused
    # The error from before is gone once an answer is chosen.
    assert section.locator(".govuk-form-group--error").count() == 0
    assert section.locator(".govuk-error-message").count() == 0
    axe_check(page)

    # Pressing Space on the button, and clicking it, keep focus too.
    page.get_by_label("We are worried Dad will hit Mum again and the children will be scared.", exact=True).check()
    button.focus()
    page.keyboard.press("Space")
    section.get_by_role("status").get_by_text("Correct", exact=True).wait_for()
    assert active_element(page)["tag"] != "BODY"
    button.click()
    page.wait_for_timeout(300)
    assert active_element(page)["tag"] != "BODY"
    assert button.get_attribute("aria-disabled") != "true"


@pytest.mark.django_db(transaction=True)
def test_saving_a_reflection_shows_and_focuses_the_confirmation_beside_it(
    page, axe_check, sign_in, home_page, new_staff
):
    course = import_fixture(home_page, "new-staff.yaml")
    sign_in(new_staff.email, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"{course.url}basics/what-it-is/")
    page.get_by_label(re.compile("Think of a family")).fill("They kept every appointment.")
    page.get_by_role("button", name="Save to my journal").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"-saved$"))
    confirmation = page.locator(".app-reflection .app-reflection__saved")
    expect(confirmation.get_by_text("Your reflection is saved in your learning journal.")).to_be_visible()
    assert active_element(page)["id"] == confirmation.get_attribute("id")
    expect(confirmation).to_be_visible()
    assert confirmation.bounding_box()["y"] >= 0
    axe_check(page)


def answer_every_question_wrongly(course: Any, user: Any) -> None:
    from courses.models import LessonPage
    from courses.services import answer_question

    for lesson in LessonPage.objects.descendant_of(course):
        for question_id, value in lesson.knowledge_checks():
            wrong = [c.id for c in value["options"].bound_blocks if not c.value["correct"]][:1]
            answer_question(user, lesson, course, question_id, wrong)


@pytest.mark.django_db(transaction=True)
def test_the_lesson_editor_and_course_statistics_pass_the_admin_accessibility_rules_we_own(
    browser, live_server, axe_check, home_page, content_editor
):
    course = import_fixture(home_page, "new-staff.yaml")
    from courses.models import LessonPage

    lesson = LessonPage.objects.descendant_of(course).get(slug="what-it-is")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(content_editor.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/")
        ours = {"label", "scrollable-region-focusable", "aria-input-field-name"}
        # Statistics with rows in them, seen on a wide and a narrow screen.
        answer_every_question_wrongly(course, content_editor)
        for width, url in (
            (1280, f"/admin/pages/{lesson.pk}/edit/"),
            (1280, "/admin/course-statistics/"),
            (600, "/admin/course-statistics/"),
        ):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url)
            page.wait_for_load_state("networkidle")
            found = [v for v in axe_check(page, fail=False) if v["id"] in ours]
            assert not found, f"{url} at {width}px: " + "; ".join(
                f"{v['id']} at {[n['target'] for n in v['nodes'][:3]]}" for v in found
            )
    finally:
        context.close()
