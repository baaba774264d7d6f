"""Personas shared by every test: one user for each kind of person.

Each persona is a real user with a profile, in the demo agencies, teams and
roles (loaded once per test by `partnership`). View tests use them to check
both who may and who may not see a page.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from people.groups import GroupName, ensure_groups
from people.models import Agency, AgencyDomain, AgencyKind, LearnerProfile, Role, Team, User

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def partnership(db: Any) -> dict[str, Any]:
    """Two agencies with teams, and the roles the personas need."""
    ensure_groups()
    csc, _ = Agency.objects.get_or_create(
        slug="childrens-social-care",
        defaults={"name": "Children's Social Care", "kind": AgencyKind.CHILDRENS_SOCIAL_CARE},
    )
    AgencyDomain.objects.get_or_create(domain="northbridge.gov.uk", defaults={"agency": csc})
    health, _ = Agency.objects.get_or_create(
        slug="health", defaults={"name": "Community Health", "kind": AgencyKind.HEALTH}
    )
    AgencyDomain.objects.get_or_create(domain="northbridge-health.nhs.uk", defaults={"agency": health})
    members, _ = Agency.objects.get_or_create(
        slug="elected-members", defaults={"name": "Council Members", "kind": AgencyKind.ELECTED_MEMBERS}
    )
    AgencyDomain.objects.get_or_create(domain="members.northbridge.gov.uk", defaults={"agency": members})
    teams = {
        "north": Team.objects.get_or_create(agency=csc, name="Assessment Team North")[0],
        "south": Team.objects.get_or_create(agency=csc, name="Assessment Team South")[0],
        "practice": Team.objects.get_or_create(agency=csc, name="Practice Development Team")[0],
        "health_visiting": Team.objects.get_or_create(agency=health, name="Health Visiting")[0],
        "scrutiny": Team.objects.get_or_create(agency=members, name="Children's Scrutiny Committee")[0],
    }
    roles = {
        slug: Role.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [
            ("social-worker", "Social worker"),
            ("health-visitor", "Health visitor"),
            ("councillor", "Councillor"),
            ("trainer", "Trainer"),
            ("practice-lead", "Practice lead"),
            ("team-manager", "Team manager"),
            ("business-support", "Business support officer"),
        ]
    }
    return {"csc": csc, "health": health, "members": members, "teams": teams, "roles": roles}


@pytest.fixture
def make_person(partnership: dict[str, Any]) -> Callable[..., User]:
    """Make a signed-up, verified user with a finished profile."""
    counter = {"n": 0}

    def make(
        first_name: str = "Test",
        last_name: str = "Person",
        *,
        email: str | None = None,
        agency: str = "csc",
        team: str = "north",
        role: str = "social-worker",
        groups: tuple[str, ...] = (GroupName.LEARNER,),
        start_date: dt.date | None = None,
        **profile_fields: Any,
    ) -> User:
        counter["n"] += 1
        domain = partnership[agency].domains.first().domain
        email = email or f"{first_name.lower()}.{last_name.lower()}{counter['n']}@{domain}"
        user = User.objects.create_user(
            username=email.split("@")[0], email=email, password=PASSWORD, first_name=first_name, last_name=last_name
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        profile = LearnerProfile.objects.get(user=user)
        profile.agency = partnership[agency]
        profile.team = partnership["teams"][team]
        profile.role = partnership["roles"][role]
        profile.start_date = start_date or dt.date(2026, 9, 1)
        for key, value in profile_fields.items():
            setattr(profile, key, value)
        profile.save()
        # The post_save signal cached its own, empty copy as user.profile: swap in the finished one.
        user.profile = profile
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def new_staff(make_person: Callable[..., User]) -> User:
    """A social worker who started this autumn, in Assessment Team North."""
    return make_person("Sam", "Okafor")


@pytest.fixture
def councillor(make_person: Callable[..., User]) -> User:
    return make_person("Joan", "Mitchell", agency="members", team="scrutiny", role="councillor")


@pytest.fixture
def trainer(make_person: Callable[..., User]) -> User:
    return make_person("Tom", "Reid", team="practice", role="trainer", groups=(GroupName.LEARNER, GroupName.TRAINER))


@pytest.fixture
def practice_lead(make_person: Callable[..., User], partnership: dict[str, Any]) -> User:
    """Leads Assessment Team North only."""
    lead = make_person("Priya", "Shah", role="practice-lead", groups=(GroupName.LEARNER, GroupName.PRACTICE_LEAD))
    lead.profile.leads_teams.set([partnership["teams"]["north"]])
    return lead


@pytest.fixture
def training_admin(make_person: Callable[..., User]) -> User:
    return make_person(
        "Alex", "Morgan", team="practice", role="business-support", groups=(GroupName.LEARNER, GroupName.TRAINING_ADMIN)
    )


@pytest.fixture
def content_editor(make_person: Callable[..., User]) -> User:
    return make_person(
        "Erin", "Walsh", team="practice", role="practice-lead", groups=(GroupName.LEARNER, GroupName.CONTENT_EDITOR)
    )


@pytest.fixture
def outsider(make_person: Callable[..., User]) -> User:
    """A health visitor from another agency: sees none of the social care team's records."""
    return make_person("Hannah", "Price", agency="health", team="health_visiting", role="health-visitor")


@pytest.fixture
def home_page(db: Any) -> Any:
    """The site's home page and the privacy and accessibility pages, as `load_demo` makes them."""
    import io

    from home import demo
    from home.models import HomePage

    demo.load(io.StringIO())
    return HomePage.objects.get()


@pytest.fixture(scope="session")
def lrs_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A real learning record store (Ralph) on 127.0.0.1, started once per test process."""
    from tools.lrs import server

    if not server.installed():
        reason = "Ralph (the test LRS) is not installed in var/lrs: `make test` installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    store = server.LRS(tmp_path_factory.mktemp("lrs"))
    store.start()
    yield store
    store.stop()


@pytest.fixture
def lrs(lrs_server: Any, settings: Any) -> Any:
    """The platform pointed at the test LRS. Each test has its own site address,
    so its statement ids (derived from the site and the event) are its own."""
    from tools.lrs import server

    if lrs_server.process is None:  # a test stopped it to see nothing is lost
        lrs_server.start()
    settings.XAPI_ENDPOINT = lrs_server.endpoint
    settings.XAPI_KEY = server.KEY
    settings.XAPI_SECRET = server.SECRET
    settings.SITE_URL = f"http://{uuid.uuid4().hex[:12]}.learning.test"
    return lrs_server
