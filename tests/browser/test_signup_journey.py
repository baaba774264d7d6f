"""A new member of staff joins: sign up, confirm the address, say team and role, see the dashboard.

Every page on the way passes the accessibility check. The sign-in form works
from the keyboard alone, and the home and sign-in pages fit a 320px screen.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text().strip()


def test_a_new_member_of_staff_signs_up_and_lands_on_the_dashboard(page, axe_check, home_page, partnership):
    page.goto("/")
    page.get_by_role("link", name="Create an account with your work email").click()
    assert _heading(page) == "Create an account"
    axe_check(page)

    # A wrong address first: the error summary links to the field, nothing is lost.
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Brown")
    page.get_by_label("Work email address").fill("ada.brown@gmail.com")
    page.get_by_label("Create a password").fill("kettle-orchard-velvet-42")
    page.get_by_label("Type the password again").fill("kettle-orchard-velvet-42")
    page.get_by_role("button", name="Create account").click()
    summary = page.locator(".govuk-error-summary")
    assert "gmail.com is not one of them" in summary.inner_text()
    axe_check(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    assert page.get_by_label("First name").input_value() == "Ada"

    page.get_by_label("Work email address").fill("ada.brown@northbridge.gov.uk")
    page.get_by_label("Create a password").fill("kettle-orchard-velvet-42")
    page.get_by_label("Type the password again").fill("kettle-orchard-velvet-42")
    page.get_by_role("button", name="Create account").click()
    assert _heading(page) == "Check your email"
    axe_check(page)

    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[0].body).group(1)
    page.goto(link)
    assert _heading(page) == "Confirm your email address"
    axe_check(page)
    page.get_by_role("button", name="Confirm my email address").click()

    assert _heading(page) == "Set up your profile"
    assert "Children's Social Care" in page.locator("main").inner_text()
    axe_check(page)
    page.get_by_label("Your team").select_option(label="Assessment Team North (Children's Social Care)")
    page.get_by_label("Your role").select_option(label="Social worker")
    page.get_by_role("button", name="Save and continue").click()

    assert _heading(page) == "Hello, Ada"
    assert "Your profile is set up" in page.locator(".govuk-notification-banner").inner_text()
    axe_check(page)


def test_the_sign_in_form_works_from_the_keyboard_alone(page, axe_check, home_page, new_staff):
    page.goto("/accounts/login/")
    axe_check(page)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_login":
            break
    else:
        pytest.fail("Tab never reached the email field")
    # The focused field is visibly marked (GOV.UK's yellow focus outline).
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.type(new_staff.email)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/")
    assert _heading(page) == "Hello, Sam"
    axe_check(page)


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/accounts/signup/"])
def test_pages_fit_a_320_pixel_wide_screen(page, axe_check, home_page, url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    axe_check(page)


SIGNED_OUT_PAGES = [
    "/accounts/password/reset/",
    "/accounts/password/reset/key/1-bad-key/",
    "/accounts/confirm-email/bad-key/",
    "/privacy/",
    "/accessibility/",
    "/no-such-page/",
]
SIGNED_IN_PAGES = [
    "/profile/",
    "/welcome/",
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/logout/",
]


def test_every_account_page_passes_the_accessibility_check(page, axe_check, sign_in, home_page, new_staff):
    for url in SIGNED_OUT_PAGES:
        page.goto(url)
        axe_check(page)
    sign_in(new_staff.email, PASSWORD)
    page.goto("/accounts/reauthenticate/")
    axe_check(page)
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    for url in SIGNED_IN_PAGES:
        page.goto(url)
        expect(page.get_by_role("heading", level=1), url).to_be_visible()
        axe_check(page)


def test_the_security_code_page_passes_the_accessibility_check(page, axe_check, sign_in, home_page, new_staff):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(new_staff, generate_totp_secret())
    sign_in(new_staff.email, PASSWORD)
    assert _heading(page) == "Enter your security code"
    axe_check(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe_check(page)
