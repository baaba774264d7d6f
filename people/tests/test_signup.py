"""Sign-up: only partner agencies' email domains, nothing half-made left behind."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from people.groups import GroupName
from people.models import LearnerProfile, User

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"


def _confirmation_link(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_it_creates_an_account_in_the_agency_of_the_email_domain(client, partnership, signup_data):
    response = client.post(SIGNUP, signup_data)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="ada.brown@northbridge.gov.uk")
    assert (user.first_name, user.last_name) == ("Ada", "Brown")
    assert user.profile.agency == partnership["csc"]
    assert list(user.groups.values_list("name", flat=True)) == [GroupName.LEARNER]
    assert not EmailAddress.objects.get(user=user).verified


def test_it_emails_a_link_that_confirms_the_address_and_signs_in(client, partnership, signup_data):
    client.post(SIGNUP, signup_data)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada.brown@northbridge.gov.uk"]
    assert mail.outbox[0].subject.startswith("Confirm your email address")
    link = _confirmation_link(mail.outbox[0])
    page = client.get(link)
    assert b"Confirm my email address" in page.content
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ada.brown@northbridge.gov.uk").verified
    # Signed in, and sent to the first-sign-in step before anything else.
    follow = client.get("/learning/")
    assert follow.status_code == 302
    assert follow["Location"].startswith("/welcome/")


@pytest.mark.parametrize(
    "email",
    ["someone@gmail.com", "ada@northbridge.gov.uk.evil.example", "ada@sub.northbridge.gov.uk", "ada@"],
)
def test_it_refuses_an_email_outside_the_partner_agencies_and_keeps_nothing(client, partnership, signup_data, email):
    users_before = User.objects.count()
    response = client.post(SIGNUP, {**signup_data, "email": email})
    assert response.status_code == 200
    assert User.objects.count() == users_before
    assert not EmailAddress.objects.filter(email__iexact=email).exists()
    assert LearnerProfile.objects.count() == users_before
    assert mail.outbox == []
    body = response.content.decode()
    assert "There is a problem" in body
    assert 'href="#id_email"' in body


def test_it_names_the_refused_domain_in_a_clear_message(client, partnership, signup_data):
    response = client.post(SIGNUP, {**signup_data, "email": "ada@gmail.com"})
    assert "You can only create an account with a work email address from a partner agency" in response.content.decode()
    assert "gmail.com is not one of them" in response.content.decode()


def test_it_keeps_what_was_typed_except_the_passwords_after_an_error(client, partnership, signup_data):
    response = client.post(SIGNUP, {**signup_data, "email": "ada@gmail.com"})
    body = response.content.decode()
    assert 'value="Ada"' in body and 'value="Brown"' in body and 'value="ada@gmail.com"' in body
    assert signup_data["password1"] not in body


def test_a_reused_email_makes_no_second_account_and_tells_the_owner(client, new_staff, signup_data):
    response = client.post(SIGNUP, {**signup_data, "email": new_staff.email.upper()})
    # The page says the same as for a new address, so nobody can find out who has an account...
    assert response.status_code == 302
    assert User.objects.filter(email__iexact=new_staff.email).count() == 1
    # ...and the address's owner is told by email, with a way back in.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [new_staff.email.upper()] or mail.outbox[0].to == [new_staff.email]
    assert "already an account" in mail.outbox[0].body
    assert "/accounts/password/reset/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "too short"),
        ("password123", "too common"),
        ("8327465120934", "entirely numeric"),
    ],
)
def test_it_refuses_a_weak_password_and_says_why(client, partnership, signup_data, password, message):
    response = client.post(SIGNUP, {**signup_data, "password1": password, "password2": password})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email=signup_data["email"]).exists()


def test_it_refuses_passwords_that_do_not_match(client, partnership, signup_data):
    response = client.post(SIGNUP, {**signup_data, "password2": "something-else-entirely-9"})
    assert response.status_code == 200
    assert "You must type the same password each time" in response.content.decode()
    assert not User.objects.filter(email=signup_data["email"]).exists()


@pytest.mark.parametrize("key", ["not-a-real-key", "MTI:1tampered:abcdefghijklmnop"])
def test_a_tampered_confirmation_link_gets_a_clear_message(client, partnership, signup_data, key):
    client.post(SIGNUP, signup_data)
    response = client.get(f"/accounts/confirm-email/{key}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "This link does not work" in body
    assert "we will send you a new link" in body
    assert client.post(f"/accounts/confirm-email/{key}/").status_code == 404
    assert not EmailAddress.objects.get(email=signup_data["email"]).verified


def test_a_confirmation_link_with_one_character_changed_does_not_confirm(client, partnership, signup_data):
    client.post(SIGNUP, signup_data)
    link = _confirmation_link(mail.outbox[0])
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    assert "This link does not work" in client.get(tampered).content.decode()
    # Posting it anyway (the page offers no button) finds nothing to confirm.
    assert client.post(tampered).status_code == 404
    assert not EmailAddress.objects.get(email=signup_data["email"]).verified


def test_an_unconfirmed_account_cannot_sign_in_but_gets_a_new_link(client, partnership, signup_data):
    client.post(SIGNUP, signup_data)
    client.logout()
    mail.outbox.clear()
    response = client.post("/accounts/login/", {"login": signup_data["email"], "password": signup_data["password1"]})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert len(mail.outbox) == 1
    assert "_auth_user_id" not in client.session


def test_the_signup_page_is_only_for_people_who_are_signed_out(client, new_staff):
    client.force_login(new_staff)
    response = client.get(SIGNUP)
    assert response.status_code == 302


def _sign_up_and_get_link(client, signup_data) -> str:
    client.post(SIGNUP, signup_data)
    return _confirmation_link(mail.outbox[0])


def test_the_link_opened_in_another_browser_confirms_and_asks_only_for_the_password(client, partnership, signup_data):
    link = _sign_up_and_get_link(client, signup_data)
    other = Client()
    assert b"Confirm my email address" in other.get(link).content
    response = other.post(link)
    assert EmailAddress.objects.get(email=signup_data["email"]).verified
    # Not signed in by the link alone: whoever holds it (a mail scanner, a
    # forwarded email) gets no session...
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in other.session
    # ...but the sign-in page says the address is confirmed and has it filled in.
    page = other.get(response["Location"]).content.decode()
    assert f"Your email address {signup_data['email']} is confirmed." in page
    assert f'value="{signup_data["email"]}"' in page
    assert "Now sign in with the password you chose" in page
    # Filled in once only: a later visit to sign-in is blank.
    again = other.get("/accounts/login/").content.decode()
    assert signup_data["email"] not in again
    assert "Now sign in with the password you chose" not in again
    # The password is all it takes, and it leads to the first-sign-in step.
    signed_in = other.post("/accounts/login/", {"login": signup_data["email"], "password": signup_data["password1"]})
    assert signed_in.status_code == 302
    assert "_auth_user_id" in other.session
    assert other.get("/learning/")["Location"].startswith("/welcome/")


def test_the_link_opened_where_someone_else_is_signed_in_signs_them_out_and_signs_nobody_in(
    client, partnership, signup_data, new_staff
):
    link = _sign_up_and_get_link(client, signup_data)
    shared = Client()
    shared.force_login(new_staff)
    response = shared.post(link)
    assert response["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in shared.session
    assert f'value="{signup_data["email"]}"' in shared.get("/accounts/login/").content.decode()


def test_a_used_link_does_not_work_again_in_any_browser(client, partnership, signup_data):
    link = _sign_up_and_get_link(client, signup_data)
    assert client.post(link).status_code == 302
    assert "_auth_user_id" in client.session
    later = Client()
    assert "This link does not work" in later.get(link).content.decode()
    assert later.post(link).status_code == 404
    assert "_auth_user_id" not in later.session


def test_the_check_your_email_page_says_which_browser_signs_in(client, partnership, signup_data):
    page = client.get(client.post(SIGNUP, signup_data)["Location"]).content.decode()
    assert "If you open it in this browser, you will be signed in straight away" in page
