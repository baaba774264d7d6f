"""A learner downloads their data and asks for their account to be deleted;
an administrator erases them. Accessibility checked on every page."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from people.models import User
from privacy.models import DeletionRequest, DeletionStatus

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-browser-pass-phrase-2026"


@pytest.fixture
def people(home_page, make_person):
    from people.groups import GroupName

    learner = make_person("Sam", "Okafor", email="sam.okafor@northbridge.gov.uk")
    admin = make_person(
        "Alex", "Morgan", email="alex.morgan@northbridge.gov.uk", team="practice", groups=(GroupName.TRAINING_ADMIN,)
    )
    for user in (learner, admin):
        user.set_password(PASSWORD)
        user.save()
    return learner, admin


def test_a_learner_downloads_their_data_and_asks_to_be_deleted(page, sign_in, axe_check, people):
    learner, admin = people
    sign_in(learner.email, PASSWORD)
    page.goto("/profile/")
    axe_check(page)
    page.get_by_role("link", name="Download your data or ask for your account to be deleted").click()
    expect(page.get_by_role("heading", name="Your data", exact=True)).to_be_visible()
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your data (JSON file)").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["account"]["email"] == learner.email

    page.get_by_role("link", name="Ask for your account to be deleted").click()
    axe_check(page)
    page.get_by_role("button", name="Ask for my account to be deleted").click()
    expect(page.get_by_text("Tick the box to confirm").first).to_be_visible()
    axe_check(page)
    page.get_by_label("I understand that my name").check()
    page.get_by_label("Why do you want your account deleted?").fill("I have moved to another council.")
    page.get_by_role("button", name="Ask for my account to be deleted").click()
    expect(page.get_by_text("We have your request")).to_be_visible()
    axe_check(page)
    assert DeletionRequest.objects.get().status == DeletionStatus.REQUESTED

    page.context.clear_cookies()
    sign_in(admin.email, PASSWORD)
    page.goto("/my-data/requests/")
    axe_check(page)
    page.get_by_role("link", name="Sam Okafor").click()
    axe_check(page)
    page.get_by_label("I have checked this is the right person").check()
    page.get_by_role("button", name="Erase this person").click()
    expect(page.get_by_text(f"Person {learner.pk} has been erased")).to_be_visible()
    axe_check(page)
    page.goto("/my-data/audit/")
    axe_check(page)
    assert User.objects.get(pk=learner.pk).first_name == "Erased"
