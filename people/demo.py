"""Demo agencies, teams, roles and one account for each kind of user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TextIO

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from people.groups import GroupName, ensure_groups
from people.models import Agency, AgencyDomain, AgencyKind, LearnerProfile, Role, Team, User

DEMO_PASSWORD = "signs-of-safety-demo"

AGENCIES: list[tuple[str, str, str, list[str], list[str]]] = [
    # name, slug, kind, email domains, teams
    (
        "Northbridge Children's Social Care",
        "childrens-social-care",
        AgencyKind.CHILDRENS_SOCIAL_CARE,
        ["northbridge.gov.uk"],
        [
            "Assessment Team North",
            "Assessment Team South",
            "Child Protection Team",
            "Children in Care Team",
            "Practice Development Team",
        ],
    ),
    (
        "Northbridge Early Help",
        "early-help",
        AgencyKind.EARLY_HELP,
        ["earlyhelp.northbridge.gov.uk"],
        ["Family Hub East", "Family Hub West", "Targeted Youth Support"],
    ),
    (
        "Northbridge Community Health",
        "health",
        AgencyKind.HEALTH,
        ["northbridge-health.nhs.uk"],
        ["Health Visiting", "School Nursing", "Safeguarding Children Team"],
    ),
    (
        "Northbridge Schools",
        "education",
        AgencyKind.EDUCATION,
        ["northbridge-schools.org.uk"],
        ["Primary Schools", "Secondary Schools", "Education Safeguarding"],
    ),
    (
        "Northshire Police",
        "police",
        AgencyKind.POLICE,
        ["northshire.police.uk"],
        ["Public Protection Unit", "Neighbourhood Policing"],
    ),
    (
        "Northbridge Voluntary Sector Alliance",
        "voluntary-sector",
        AgencyKind.VOLUNTARY_SECTOR,
        ["northbridge-vsa.org.uk"],
        ["Family Support Charities", "Youth and Community Groups"],
    ),
    (
        "Northbridge Legal Services",
        "legal-services",
        AgencyKind.LEGAL_SERVICES,
        ["legal.northbridge.gov.uk"],
        ["Childcare Legal Team"],
    ),
    (
        "Northbridge Council Members",
        "elected-members",
        AgencyKind.ELECTED_MEMBERS,
        ["members.northbridge.gov.uk"],
        ["Corporate Parenting Panel", "Children's Scrutiny Committee"],
    ),
]

ROLES: list[tuple[str, str, str]] = [
    ("social-worker", "Social worker", "Qualified social worker holding child protection or children in need cases."),
    (
        "early-help-practitioner",
        "Early help practitioner",
        "Works with families who need help before statutory services.",
    ),
    ("family-hub-worker", "Family hub worker", "Supports families through a family hub."),
    ("health-visitor", "Health visitor", "Specialist community public health nurse for families with young children."),
    ("school-nurse", "School nurse", "Public health nurse working with school-age children."),
    ("school-dsl", "School designated safeguarding lead", "Leads safeguarding in a school."),
    ("police-officer", "Police officer", "Officer attending or investigating incidents involving children."),
    (
        "voluntary-sector-worker",
        "Voluntary sector worker",
        "Works with children or families in a charity or community group.",
    ),
    ("legal-adviser", "Legal adviser", "Advises on care proceedings and pre-proceedings."),
    ("team-manager", "Team manager", "Manages a team of practitioners."),
    ("senior-leader", "Senior leader", "Head of service, director or equivalent."),
    ("practice-lead", "Practice lead", "Champions the practice model in a team or partner agency."),
    ("trainer", "Trainer", "Delivers the partnership's training."),
    ("councillor", "Councillor", "Elected member of the council."),
    ("business-support", "Business support officer", "Supports practitioners with administration."),
]


@dataclass(frozen=True)
class DemoAccount:
    description: str
    email: str
    first_name: str
    last_name: str
    agency: str
    team: str
    role: str
    groups: tuple[str, ...] = (GroupName.LEARNER,)
    lead_teams: tuple[str, ...] = field(default=())
    lead_agency: bool = False
    staff: bool = False
    started_days_ago: int = 14
    line_manager: str = ""


DEMO_ACCOUNTS: list[DemoAccount] = [
    DemoAccount(
        "New social worker",
        "sam.okafor@northbridge.gov.uk",
        "Sam",
        "Okafor",
        "childrens-social-care",
        "Assessment Team North",
        "social-worker",
        started_days_ago=10,
        line_manager="priya.shah@northbridge.gov.uk",
    ),
    DemoAccount(
        "New health visitor",
        "hannah.price@northbridge-health.nhs.uk",
        "Hannah",
        "Price",
        "health",
        "Health Visiting",
        "health-visitor",
        started_days_ago=21,
    ),
    DemoAccount(
        "Councillor",
        "cllr.joan.mitchell@members.northbridge.gov.uk",
        "Joan",
        "Mitchell",
        "elected-members",
        "Children's Scrutiny Committee",
        "councillor",
        started_days_ago=30,
    ),
    DemoAccount(
        "Trainer",
        "tom.reid@northbridge.gov.uk",
        "Tom",
        "Reid",
        "childrens-social-care",
        "Practice Development Team",
        "trainer",
        groups=(GroupName.LEARNER, GroupName.TRAINER),
        staff=True,
        started_days_ago=900,
    ),
    DemoAccount(
        "Practice lead (Assessment teams)",
        "priya.shah@northbridge.gov.uk",
        "Priya",
        "Shah",
        "childrens-social-care",
        "Assessment Team North",
        "practice-lead",
        groups=(GroupName.LEARNER, GroupName.PRACTICE_LEAD),
        lead_teams=("Assessment Team North", "Assessment Team South"),
        started_days_ago=700,
    ),
    DemoAccount(
        "Training administrator",
        "alex.morgan@northbridge.gov.uk",
        "Alex",
        "Morgan",
        "childrens-social-care",
        "Practice Development Team",
        "business-support",
        groups=(GroupName.LEARNER, GroupName.TRAINING_ADMIN),
        staff=True,
        started_days_ago=1200,
    ),
    DemoAccount(
        "Content editor",
        "erin.walsh@northbridge.gov.uk",
        "Erin",
        "Walsh",
        "childrens-social-care",
        "Practice Development Team",
        "practice-lead",
        groups=(GroupName.LEARNER, GroupName.CONTENT_EDITOR),
        staff=True,
        started_days_ago=800,
    ),
]


def load(out: TextIO, scale: int = 0) -> None:
    ensure_groups()
    for name, slug, kind, domains, teams in AGENCIES:
        agency, _ = Agency.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind})
        for domain in domains:
            AgencyDomain.objects.get_or_create(domain=domain, defaults={"agency": agency})
        for team in teams:
            Team.objects.get_or_create(agency=agency, name=team)
    for slug, name, description in ROLES:
        Role.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
    for account in DEMO_ACCOUNTS:
        ensure_demo_account(account)
    for account in DEMO_ACCOUNTS:
        if account.line_manager:
            LearnerProfile.objects.filter(user__email=account.email, line_manager__isnull=True).update(
                line_manager=User.objects.get(email=account.line_manager)
            )
    out.write(
        f"People: {Agency.objects.count()} agencies, {Team.objects.count()} teams, {Role.objects.count()} roles.\n"
    )


def ensure_demo_account(account: DemoAccount) -> User:
    user = User.objects.filter(email=account.email).first()
    if user is None:
        user = User(
            username=account.email.split("@")[0][:150],
            email=account.email,
            first_name=account.first_name,
            last_name=account.last_name,
            is_staff=account.staff,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.get_or_create(user=user, email=account.email, defaults={"verified": True, "primary": True})
        agency = Agency.objects.get(slug=account.agency)
        profile, _ = LearnerProfile.objects.get_or_create(user=user)
        profile.agency = agency
        profile.team = Team.objects.get(agency=agency, name=account.team)
        profile.role = Role.objects.get(slug=account.role)
        profile.start_date = dt.date.today() - dt.timedelta(days=account.started_days_ago)
        if account.lead_agency:
            profile.leads_agency = agency
        profile.save()
        if account.lead_teams:
            profile.leads_teams.set(Team.objects.filter(agency=agency, name__in=account.lead_teams))
        user.groups.set(Group.objects.filter(name__in=account.groups))
    return user
