"""Nobody can find out whether an address has an account here: not by
signing up with it, nor by naming it as a line manager."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.test import Client

from people.forms import LINE_MANAGER_REFUSED
from people.models import User

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"


class CountingHasher(MD5PasswordHasher):
    """The test settings' own hasher, counting the passwords it hashes."""

    calls = 0

    def encode(self, password, salt, *args, **kwargs):
        type(self).calls += 1
        return super().encode(password, salt, *args, **kwargs)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.calls = 0
    return CountingHasher


def _hashes_for(signup_data, email):
    before = CountingHasher.calls
    response = Client().post(SIGNUP, {**signup_data, "email": email})
    return CountingHasher.calls - before, response


def test_signing_up_with_a_registered_address_hashes_the_password_as_a_new_one_does(
    counting_hasher, partnership, signup_data, make_person
):
    existing = make_person("Jo", "Taken")
    new_hashes, new_response = _hashes_for(signup_data, "ada.brown@northbridge.gov.uk")
    taken_hashes, taken_response = _hashes_for(signup_data, existing.email)
    assert new_hashes >= 1
    assert taken_hashes == new_hashes
    # And the answer itself is the same page.
    assert (taken_response.status_code, taken_response["Location"]) == (
        new_response.status_code,
        new_response["Location"],
    )
    assert User.objects.filter(email__iexact=existing.email).count() == 1
    # The owner of the registered address is told someone tried.
    assert [m.to for m in mail.outbox] == [["ada.brown@northbridge.gov.uk"], [existing.email]]


def _welcome(partnership, email):
    return {
        "team": partnership["teams"]["north"].pk,
        "role": partnership["roles"]["social-worker"].pk,
        "start_date": "2026-09-01",
        "line_manager_email": email,
    }


def _error_messages(response):
    return [str(e) for e in response.context["form"].errors["line_manager_email"]]


def test_the_profile_form_answers_the_same_for_no_account_and_an_account_that_cannot_manage(
    client, partnership, unfinished_user, make_person, outsider
):
    closed = make_person("Pat", "Gone")
    closed.is_active = False
    closed.save()
    cannot_manage = make_person("Kim", "Lee", role="business-support")
    partnership["roles"]["business-support"].may_line_manage = False
    partnership["roles"]["business-support"].save()
    client.force_login(unfinished_user)
    answers = {}
    for label, email in [
        ("no account", "nobody@northbridge.gov.uk"),
        ("closed account", closed.email),
        ("role cannot manage", cannot_manage.email),
        ("another agency", outsider.email),
    ]:
        response = client.post("/welcome/", _welcome(partnership, email))
        assert response.status_code == 200, label
        answers[label] = _error_messages(response)
        body = response.content.decode()
        for person in (closed, cannot_manage, outsider):
            assert person.last_name not in body, (label, person.last_name)
    assert all(messages == [LINE_MANAGER_REFUSED] for messages in answers.values()), answers
