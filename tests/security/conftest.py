"""A rich site shared by the cross-app security tests of one module.

Building it (all the demo content, the personas, learning records through
each app's services) takes tens of seconds, so it is built once per test
module inside a transaction that is rolled back at the end; each test still
runs in its own savepoint, so what one test changes the next never sees.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction

from tests.security.world import Records, give_records

# Every persona the access rules speak of.
PERSONAS = [
    "anonymous",
    "learner",  # Sam Okafor: owns the records the object-level checks ask for
    "other_agency",  # a health visitor: another agency, owns nothing of Sam's
    "lead",  # Priya Shah: leads Sam's team
    "other_lead",  # a practice lead of another team
    "trainer",  # Tom Reid: trains the event Sam booked
    "other_trainer",  # a trainer of no event of Sam's
    "admin",  # a training administrator
    "editor",  # a content editor
]


@dataclass
class Site:
    people: dict[str, Any]
    records: Records
    other: Records
    objects: dict[str, Any] = field(default_factory=dict)


def build_site() -> Site:
    from django.contrib.auth.models import Group

    from courses.models import CoursePage, LessonPage
    from home.demo_loader import load_all
    from matrix.models import ImportBatch, ImportKind
    from people.groups import GroupName
    from people.models import LearnerProfile, Team, User
    from scenarios.models import ScenarioPage
    from training.models import Event, EventStatus

    load_all(io.StringIO())
    people = {name: None for name in PERSONAS}
    by_email = {
        "learner": "sam.okafor@northbridge.gov.uk",
        "other_agency": "hannah.price@northbridge-health.nhs.uk",
        "lead": "priya.shah@northbridge.gov.uk",
        "trainer": "tom.reid@northbridge.gov.uk",
        "admin": "alex.morgan@northbridge.gov.uk",
        "editor": "erin.walsh@northbridge.gov.uk",
    }
    for key, email in by_email.items():
        people[key] = User.objects.get(email=email)
    sam_team = people["learner"].profile.team
    other_team = (
        Team.objects.exclude(pk=sam_team.pk)
        .exclude(practice_leads__user=people["lead"])
        .exclude(agency=sam_team.agency)
        .first()
    )

    def make(email: str, groups: list[str], team: Any) -> Any:
        user = User.objects.create_user(username=email.split("@")[0], email=email, password="x-security-tests-1")
        user.first_name, user.last_name = email.split("@")[0].split(".")[0].title(), "Tester"
        user.save()
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        LearnerProfile.objects.filter(user=user).update(
            agency=team.agency,
            team=team,
            role=people["learner"].profile.role,
            start_date=people["learner"].profile.start_date,
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        return User.objects.get(pk=user.pk)

    people["other_lead"] = make(
        "olive.lead@northbridge-health.nhs.uk", [GroupName.LEARNER, GroupName.PRACTICE_LEAD], other_team
    )
    people["other_lead"].profile.leads_teams.set([other_team])
    people["other_trainer"] = make(
        "otto.trainer@northbridge-health.nhs.uk", [GroupName.LEARNER, GroupName.TRAINER], other_team
    )

    course = CoursePage.objects.live().get(slug="new-staff")
    scenario = ScenarioPage.objects.live().get(slug="hollins-family")
    event = Event.objects.filter(status=EventStatus.OPEN, trainers=people["trainer"]).order_by("pk").first()
    records = give_records(people["learner"], course=course, scenario=scenario, event=event)
    other_learner = make("oscar.learner@northbridge.gov.uk", [GroupName.LEARNER], sam_team)
    other = give_records(other_learner, course=course, scenario=scenario, event=None)
    lesson = next(
        page
        for page in LessonPage.objects.live().descendant_of(course).order_by("path").specific()
        if page.knowledge_checks()
    )
    reflective = next(
        page
        for page in LessonPage.objects.live().descendant_of(course).order_by("path").specific()
        if any(child.block_type == "reflection" for child in page.body)
    )
    batch = ImportBatch.objects.create(
        kind=ImportKind.STAFF, filename="staff.csv", content=b"email,first_name\n", uploaded_by=people["admin"]
    )
    objects = {
        "course": course,
        "scenario": scenario,
        "event": event,
        "lesson": lesson,
        "question_id": lesson.knowledge_checks()[0][0],
        "reflective": reflective,
        "prompt_id": next(child.id for child in reflective.body if child.block_type == "reflection"),
        "batch": batch,
    }
    return Site(people=people, records=records, other=other, objects=objects)


@pytest.fixture(scope="module")
def site(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Site]:
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_site()
            yield built
            transaction.set_rollback(True)
