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

from conftest import PASSWORD

FIXTURES = Path(__file__).resolve().parents[2] / "courses" / "tests" / "fixtures"


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
    assert page.get_by_text("We could not find a certificate with that code").is_visible()
    axe_check(page)
    page.get_by_label("Verification code").fill(code.lower())
    page.get_by_role("button", name="Check code").click()
    assert page.get_by_text("This certificate is genuine").is_visible()
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
    sign_in(new_staff.email, PASSWORD)
    page.wait_for_url("**/")
    assert page.get_by_text("Signs of Safety: e-learning for new staff").first.is_visible()
    axe_check(page)

    page.goto("/courses/")
    axe_check(page)
    page.get_by_role("link", name=course.title).click()
    assert page.get_by_text("0 of 3 lessons complete").is_visible()
    axe_check(page)
    page.get_by_role("button", name=re.compile("Start course")).click()

    # Lesson 1: a reflection for the journal, then complete.
    page.wait_for_url("**/what-it-is/")
    axe_check(page)
    page.get_by_label(re.compile("Think of a family")).fill("The parents worried about money more than anything.")
    page.get_by_role("button", name="Save to my journal").click()
    assert page.get_by_text("Your reflection is saved in your learning journal.").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Mark as complete and continue").click()

    # Lesson 2: the progress bar has moved; a wrong answer, then the right one.
    page.wait_for_url("**/harm-and-danger/")
    assert page.get_by_text("1 of 3 lessons complete in this course").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Mark as complete and continue").click()
    assert page.get_by_text("1 question still to do").is_visible()
    axe_check(page)
    choose(page, "Dad drinks too much.")
    feedback = check_answer(page, "Which of these is a danger statement?")
    feedback.get_by_text("Not quite right").wait_for()
    assert feedback.get_by_text("drinking is a complicating factor").is_visible()
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
    assert page.get_by_text("2 of 3 lessons complete in this course").is_visible()
    axe_check(page)
    choose(page, "House of worries")
    choose(page, "House of good things")
    check_answer(page, "Which houses are in the Three Houses tool?").get_by_text("Correct", exact=True).wait_for()
    page.get_by_role("button", name="Mark as complete and continue").click()

    page.wait_for_url(f"**{course.url}")
    assert page.get_by_text(f"You have completed {course.title}").is_visible()
    assert page.get_by_text("3 of 3 lessons complete").is_visible()
    axe_check(page)
    code = download_certificate(page, axe_check)

    page.goto("/learning/journal/")
    assert page.get_by_text("The parents worried about money").is_visible()
    axe_check(page)
    page.goto("/")
    assert page.get_by_role("link", name=re.compile("Certificate")).first.is_visible()
    axe_check(page)
    verify_code(page, axe_check, code)


@pytest.mark.django_db(transaction=True)
def test_a_councillor_completes_the_briefing_and_verifies_the_certificate(
    page, axe_check, sign_in, home_page, councillor
):
    import_fixture(home_page, "new-staff.yaml")
    briefing = import_fixture(home_page, "councillor-briefing.yaml")
    sign_in(councillor.email, PASSWORD)
    page.wait_for_url("**/")
    axe_check(page)
    page.get_by_role("link", name=briefing.title).first.click()
    assert page.get_by_text("0 of 1 lessons complete").is_visible()
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
    assert page.get_by_text("1 of 1 lessons complete").is_visible()
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
        assert page.get_by_text("Choose an answer.").first.is_visible()
        choose(page, "Dad hit Mum last May.")
        feedback = check_answer(page, "Which of these is a danger statement?")
        page.wait_for_url(re.compile(r"#q-"))
        assert feedback.get_by_text("Not quite right").is_visible()
        assert page.get_by_label("Dad hit Mum last May.", exact=True).is_checked()
        choose(page, "We are worried Dad will hit Mum again and the children will be scared.")
        feedback = check_answer(page, "Which of these is a danger statement?")
        assert feedback.get_by_text("Correct", exact=True).is_visible()
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
