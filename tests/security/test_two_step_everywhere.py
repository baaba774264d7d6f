"""Two-step sign-in for every administrative function, wherever its URL is.

Every page named in `people.two_step.ADMINISTRATIVE_VIEWS` is asked for by
every persona with the gate switched on. Anyone holding an administrative
role (practice leads, trainers, training administrators, content editors)
without an authenticator app is sent to set one up before the page does
anything; learners get what the access table says they get. The list cannot
fall behind: a page the access table keeps from learners, or one the audit
log records, fails the test until it is named there.
"""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from people.two_step import ADMINISTRATIVE_VIEWS
from privacy.audit import AUDITED
from tests.security.access import PARAMS, client_for, outcome
from tests.security.test_access_matrix import RULES
from tests.security.urls import site_routes

pytestmark = pytest.mark.django_db

SET_UP = "/accounts/2fa/totp/activate/"
WITH_ROLES = ("lead", "other_lead", "trainer", "other_trainer", "admin", "editor")
WITHOUT_ROLES = ("learner", "other_agency")
STAFF = (*WITH_ROLES, "anonymous")


@pytest.fixture(autouse=True)
def two_step_on(settings):
    settings.ADMIN_MFA_REQUIRED = True


def _url(site, name: str) -> str:
    return reverse(name, kwargs=PARAMS[name](site) if name in PARAMS else {})


def test_every_administrative_name_is_a_real_page():
    names = {route.name for route in site_routes()}
    assert sorted(ADMINISTRATIVE_VIEWS - names) == []


def test_every_page_kept_from_learners_is_administrative():
    """A page some role may open and an ordinary learner may not is administrative."""
    kept = {
        name for name, rule in RULES.items() if rule["learner"] != "200" and any(rule[p] == "200" for p in WITH_ROLES)
    }
    assert sorted(kept - ADMINISTRATIVE_VIEWS) == []


def test_every_audited_page_outside_the_admin_is_administrative():
    site_names = {route.name for route in site_routes()}
    audited = {name for name in AUDITED if name in site_names}
    assert sorted(audited - ADMINISTRATIVE_VIEWS) == []


@pytest.mark.parametrize("name", sorted(ADMINISTRATIVE_VIEWS))
def test_anyone_with_a_role_and_no_authenticator_is_sent_to_set_one_up(site, name):
    url = _url(site, name)
    for persona in WITH_ROLES:
        response = client_for(site, persona).get(url)
        assert (response.status_code, response.get("Location")) == (302, SET_UP), f"{name} as {persona}"
        posted = client_for(site, persona).post(url, {})
        assert (posted.status_code, posted.get("Location")) == (302, SET_UP), f"POST {name} as {persona}"
    for persona in WITHOUT_ROLES:
        got = outcome(client_for(site, persona).get(url))
        assert got == RULES[name][persona], f"{name} as {persona}: {got}"


@pytest.mark.parametrize("name", sorted(ADMINISTRATIVE_VIEWS))
def test_with_an_authenticator_every_page_answers_by_its_access_rule(site, name):
    url = _url(site, name)
    for persona in WITH_ROLES:
        TOTP.activate(site.people[persona], generate_totp_secret())
        got = outcome(client_for(site, persona).get(url))
        assert got == RULES[name][persona], f"{name} as {persona}: {got}"
