"""Demo trainings, requirements for every role, and a partnership of learners
about six months into adoption. With `scale` > 0, also a synthetic
partnership of that many learners for the benchmarks.

Idempotent: trainings by slug, requirements by (training, role), learners by
email; a learner's completions and bookings are made only when the learner is
made. Dates are relative to the day it runs.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator
from typing import TextIO

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from matrix.models import (
    ActivityKind,
    CompletionRecord,
    CompletionSource,
    DueFrom,
    DueUnit,
    Exemption,
    Requirement,
    Training,
    TrainingActivity,
    TrainingKind,
)
from matrix.services import applying_requirements, refresh_people, requirements_by_role
from matrix.status import add_months
from people.demo import DEMO_PASSWORD
from people.groups import GroupName
from people.models import Agency, LearnerProfile, Role, Team, User

TRAININGS: list[tuple[str, str, str, str]] = [
    # slug, title, kind, where learners start or book it
    ("elearning-new-staff", "Signs of Safety e-learning for new staff", TrainingKind.ELEARNING, "/courses/new-staff/"),
    ("partner-elearning", "Signs of Safety for partner agencies", TrainingKind.ELEARNING, ""),
    ("councillor-briefing", "Briefing for councillors", TrainingKind.ELEARNING, ""),
    ("two-day-foundation", "Two-day foundation training", TrainingKind.CLASSROOM, "/training/"),
    ("practice-lead-enhanced", "Enhanced training for practice leads", TrainingKind.CLASSROOM, "/training/"),
    ("refresher", "Practice lead refresher", TrainingKind.CLASSROOM, "/training/"),
    ("training-for-trainers", "Training for trainers", TrainingKind.CLASSROOM, "/training/"),
    ("scenario-practice", "Case scenario practice", TrainingKind.SCENARIO_SET, "/scenarios/"),
]

PARTNER_ROLES = ["health-visitor", "school-nurse", "school-dsl", "police-officer", "voluntary-sector-worker"]
COUNCIL_STAFF_ROLES = [
    "social-worker",
    "early-help-practitioner",
    "family-hub-worker",
    "legal-adviser",
    "team-manager",
    "senior-leader",
    "practice-lead",
    "trainer",
    "business-support",
]
FOUNDATION_ROLES = ["social-worker", "early-help-practitioner", "family-hub-worker", "team-manager"]

# training slug, role slugs, due within, unit, renewal months
REQUIREMENTS: list[tuple[str, list[str], int, str, int | None]] = [
    ("elearning-new-staff", COUNCIL_STAFF_ROLES, 30, DueUnit.DAYS, None),
    ("partner-elearning", PARTNER_ROLES, 30, DueUnit.DAYS, None),
    ("councillor-briefing", ["councillor"], 3, DueUnit.MONTHS, None),
    ("two-day-foundation", FOUNDATION_ROLES, 6, DueUnit.MONTHS, None),
    ("practice-lead-enhanced", ["practice-lead"], 6, DueUnit.MONTHS, None),
    ("refresher", ["practice-lead"], 24, DueUnit.MONTHS, 24),
    ("training-for-trainers", ["trainer"], 6, DueUnit.MONTHS, None),
    ("scenario-practice", ["social-worker", "early-help-practitioner"], 3, DueUnit.MONTHS, None),
]

# Who works where: agency slug -> (role slug, weight).
ROLE_MIX: dict[str, list[tuple[str, int]]] = {
    "childrens-social-care": [
        ("social-worker", 12),
        ("team-manager", 2),
        ("practice-lead", 1),
        ("business-support", 2),
    ],
    "early-help": [("early-help-practitioner", 6), ("family-hub-worker", 4), ("team-manager", 1)],
    "health": [("health-visitor", 5), ("school-nurse", 3)],
    "education": [("school-dsl", 1)],
    "police": [("police-officer", 1)],
    "voluntary-sector": [("voluntary-sector-worker", 1)],
    "legal-services": [("legal-adviser", 1)],
    "elected-members": [("councillor", 1)],
}
AGENCY_SHARE = {
    "childrens-social-care": 30,
    "early-help": 20,
    "health": 15,
    "education": 12,
    "police": 8,
    "voluntary-sector": 8,
    "legal-services": 2,
    "elected-members": 5,
}

FIRST_NAMES = (
    "Aisha Ben Carys Dev Ellie Farah George Hana Isaac Jade Kwame Leah Mohammed Nia Oliver Poppy Rhys Sofia "
    "Tariq Uma Victor Wren Yusuf Zara Amara Bilal Chloe Dylan Eve Finn Grace Harvey Imogen Jack Kemi Luca"
).split()
LAST_NAMES = (
    "Adeyemi Bailey Chen Davies Evans Fletcher Gill Hughes Iqbal Jones Khan Lewis Morris Nowak Owen Patel "
    "Quinn Roberts Singh Taylor Usman Vaughan Walker Young Ahmed Brown Clarke Doyle Ellis Foster"
).split()

DEMO_LEARNERS = 120
SEED = 20261123


def load(out: TextIO, scale: int = 0) -> None:
    today = timezone.localdate()
    trainings = _ensure_trainings()
    _ensure_requirements(trainings)
    made = _ensure_demo_learners(trainings, today)
    _give_practice_lead_history(trainings, today)
    refresh_people(today=today)
    out.write(f"Matrix: {len(trainings)} trainings, {Requirement.objects.count()} requirements, {made} new learners.\n")
    if scale > 0:
        started = time.monotonic()
        users, records = load_synthetic(scale, today)
        out.write(
            f"Matrix: synthetic partnership of {scale:,} learners ({users:,} new, {records:,} completion records) "
            f"in {time.monotonic() - started:.1f}s.\n"
        )


def _ensure_trainings() -> dict[str, Training]:
    trainings = {}
    for slug, title, kind, link in TRAININGS:
        training, _ = Training.objects.get_or_create(slug=slug, defaults={"title": title, "kind": kind, "link": link})
        if link and not training.link:
            training.link = link
            training.save(update_fields=["link"])
        trainings[slug] = training
    return trainings


def _ensure_requirements(trainings: dict[str, Training]) -> None:
    roles = {r.slug: r for r in Role.objects.all()}
    for slug, role_slugs, within, unit, renewal in REQUIREMENTS:
        for role_slug in role_slugs:
            role = roles.get(role_slug)
            if role is None:
                continue
            Requirement.objects.get_or_create(
                training=trainings[slug],
                role=role,
                agency=None,
                defaults={
                    "due_within": within,
                    "due_unit": unit,
                    "due_from": DueFrom.START_DATE,
                    "renewal_months": renewal,
                },
            )


def _partnership() -> tuple[list[Agency], dict[int, list[Team]], dict[str, Role], dict[int, str]]:
    agencies = [a for a in Agency.objects.prefetch_related("domains").order_by("slug") if a.slug in ROLE_MIX]
    teams: dict[int, list[Team]] = {}
    for team in Team.objects.order_by("name"):
        teams.setdefault(team.agency_id, []).append(team)
    roles = {r.slug: r for r in Role.objects.all()}
    domains = {a.pk: a.domains.all()[0].domain for a in agencies if a.domains.all()}
    return agencies, teams, roles, domains


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in weighted], weights=[w for _, w in weighted])[0]


def _ensure_demo_learners(trainings: dict[str, Training], today: dt.date) -> int:
    """About 120 named learners across the agencies, with a realistic spread of statuses."""
    agencies, teams, roles, domains = _partnership()
    agencies = [a for a in agencies if a.pk in domains and teams.get(a.pk)]
    if not agencies:
        return 0
    learners_group = Group.objects.filter(name=GroupName.LEARNER).first()
    password = make_password(DEMO_PASSWORD)
    made = 0
    for n in range(DEMO_LEARNERS):
        # One generator per learner, so each is the same person however many already exist.
        rng = random.Random(SEED + n)
        agency = rng.choices(agencies, weights=[AGENCY_SHARE[a.slug] for a in agencies])[0]
        role = roles.get(_pick(rng, ROLE_MIX[agency.slug]))
        team = rng.choice(teams[agency.pk])
        first, last = FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[(n * 7) % len(LAST_NAMES)]
        email = f"{first}.{last}.{n + 1}@{domains[agency.pk]}".lower()
        # Most started before the partnership adopted the model; a third since.
        started_days_ago = rng.choice([rng.randint(200, 1500), rng.randint(200, 1500), rng.randint(5, 190)])
        plan = rng.random()
        if User.objects.filter(email=email).exists() or role is None:
            continue
        user = User.objects.create(
            username=email[:150], email=email, first_name=first, last_name=last, password=password
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if learners_group:
            user.groups.add(learners_group)
        LearnerProfile.objects.filter(user=user).update(
            agency=agency, team=team, role=role, start_date=today - dt.timedelta(days=started_days_ago)
        )
        _demo_history(user, role, agency, trainings, today, started_days_ago, plan, rng)
        made += 1
    return made


def _demo_history(
    user: User,
    role: Role,
    agency: Agency,
    trainings: dict[str, Training],
    today: dt.date,
    started_days_ago: int,
    plan: float,
    rng: random.Random,
) -> None:
    by_id = {t.pk: t for t in trainings.values()}
    required = [
        by_id[r.training_id]
        for r in Requirement.objects.filter(role=role, agency__isnull=True)
        if r.training_id in by_id
    ]
    source = {
        TrainingKind.ELEARNING: CompletionSource.ELEARNING,
        TrainingKind.CLASSROOM: CompletionSource.CLASSROOM,
        TrainingKind.SCENARIO_SET: CompletionSource.SCENARIO,
    }
    for training in required:
        roll = rng.random()
        # e-learning is done first and by most; classroom places take longer to come round.
        done_share = 0.85 if training.kind == TrainingKind.ELEARNING else 0.55
        if plan < 0.03:
            Exemption.objects.get_or_create(
                user=user,
                training=training,
                defaults={"reason": "Completed equivalent Signs of Safety training with a previous employer"},
            )
        elif roll < done_share:
            days_ago = rng.randint(1, min(180, max(started_days_ago - 1, 1)))
            CompletionRecord.objects.get_or_create(
                user=user,
                training=training,
                source=source[training.kind],
                source_ref="demo",
                defaults={"completed_on": today - dt.timedelta(days=days_ago)},
            )
        elif training.kind == TrainingKind.CLASSROOM and roll < done_share + 0.25:
            TrainingActivity.objects.get_or_create(
                user=user,
                training=training,
                kind=ActivityKind.BOOKED,
                defaults={"since": today + dt.timedelta(days=rng.randint(7, 80))},
            )
        elif roll < done_share + 0.3:
            TrainingActivity.objects.get_or_create(
                user=user,
                training=training,
                kind=ActivityKind.STARTED,
                defaults={"since": today - dt.timedelta(days=rng.randint(1, 30))},
            )


def _give_practice_lead_history(trainings: dict[str, Training], today: dt.date) -> None:
    """Priya, the demo practice lead, did her enhanced training long ago and her refresher is nearly due."""
    priya = User.objects.filter(email="priya.shah@northbridge.gov.uk").first()
    if priya is None or priya.completions.exists():
        return
    CompletionRecord.objects.get_or_create(
        user=priya,
        training=trainings["practice-lead-enhanced"],
        source=CompletionSource.CLASSROOM,
        source_ref="demo",
        defaults={"completed_on": add_months(today, -22)},
    )
    CompletionRecord.objects.get_or_create(
        user=priya,
        training=trainings["refresher"],
        source=CompletionSource.CLASSROOM,
        source_ref="demo",
        defaults={"completed_on": add_months(today, -23)},
    )
    CompletionRecord.objects.get_or_create(
        user=priya,
        training=trainings["elearning-new-staff"],
        source=CompletionSource.ELEARNING,
        source_ref="demo",
        defaults={"completed_on": add_months(today, -20)},
    )


# --- Synthetic partnership for benchmarks -------------------------------------------------------

SYNTHETIC_RECORDS_PER_LEARNER = 15
BATCH = 2000


def synthetic_email(n: int, domain: str) -> str:
    return f"learner{n:05d}@{domain}"


def _batches(items: list, size: int = BATCH) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# At scale the partnership has this many teams in all: the demo's named
# teams, then numbered locality teams shared out among the agencies.
SCALE_TEAMS = 60


def _ensure_scale_teams() -> None:
    agencies = [a for a in Agency.objects.order_by("slug") if a.slug in ROLE_MIX]
    missing = SCALE_TEAMS - Team.objects.count()
    for k in range(max(missing, 0)):
        agency = agencies[k % len(agencies)]
        Team.objects.get_or_create(agency=agency, name=f"{agency.name} locality team {k // len(agencies) + 1}")


def load_synthetic(scale: int, today: dt.date) -> tuple[int, int]:
    """Learners learner00001@<agency domain> ... up to `scale`, with about
    fifteen completion records each: the training their role needs (done by
    most, at dates that give a spread of statuses) and older records of other
    training, in SCALE_TEAMS teams. Only missing learners are made. Returns
    (learners made, records made)."""
    _ensure_scale_teams()
    agencies, teams, roles, domains = _partnership()
    agencies = [a for a in agencies if a.pk in domains and teams.get(a.pk)]
    if not agencies:
        return 0, 0
    existing = set(User.objects.filter(username__startswith="learner").values_list("email", flat=True))
    rng = random.Random(SEED + scale)
    password = make_password(DEMO_PASSWORD)  # one hash for everyone: hashing 20,000 times would take minutes
    weights = [AGENCY_SHARE[a.slug] for a in agencies]
    planned: list[tuple[User, Agency, Team, Role, dt.date]] = []
    for n in range(1, scale + 1):
        # Learner n is the same person whatever the scale, so a larger run only adds people.
        person = random.Random(SEED * 100_000 + n)
        agency = person.choices(agencies, weights=weights)[0]
        role = roles.get(_pick(person, ROLE_MIX[agency.slug]))
        team = person.choice(teams[agency.pk])
        start = today - dt.timedelta(days=person.randint(5, 1500))
        email = synthetic_email(n, domains[agency.pk])
        if email in existing or role is None:
            continue
        user = User(
            username=email,
            email=email,
            first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
            last_name=f"{LAST_NAMES[n % len(LAST_NAMES)]} {n:05d}",
            password=password,
        )
        planned.append((user, agency, team, role, start))
    if not planned:
        return 0, 0
    for batch in _batches([p[0] for p in planned]):
        User.objects.bulk_create(batch)
    ids = dict(User.objects.filter(username__startswith="learner").values_list("email", "id"))
    for p in planned:
        p[0].pk = ids[p[0].email]
    LearnerProfile.objects.bulk_create(
        [LearnerProfile(user_id=u.pk, agency=a, team=t, role=r, start_date=s) for u, a, t, r, s in planned],
        batch_size=BATCH,
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user_id=u.pk, email=u.email, verified=True, primary=True) for u, *_ in planned],
        batch_size=BATCH,
    )
    learners = Group.objects.filter(name=GroupName.LEARNER).first()
    if learners:
        through = User.groups.through
        through.objects.bulk_create(
            [through(user_id=u.pk, group_id=learners.pk) for u, *_ in planned], batch_size=BATCH
        )

    table = requirements_by_role()
    all_trainings = list(Training.objects.values_list("id", "kind"))
    kinds = dict(all_trainings)
    sources = {
        TrainingKind.ELEARNING: CompletionSource.ELEARNING,
        TrainingKind.CLASSROOM: CompletionSource.CLASSROOM,
        TrainingKind.SCENARIO_SET: CompletionSource.SCENARIO,
    }
    records: list[tuple[int, int, dt.date, str, str]] = []
    activity: list[TrainingActivity] = []
    made = 0
    for user, agency, _team, role, start in planned:
        required = {r.training_id for r in applying_requirements(table, role.pk, agency.pk)}
        count = 0
        for training_id in sorted(required):
            roll = rng.random()
            if roll < 0.62:
                latest = max(start, today - dt.timedelta(days=800))
                span = max((today - latest).days, 1)
                done = latest + dt.timedelta(days=rng.randint(0, span))
                records.append(_record(user, training_id, done, sources[kinds[training_id]], f"synthetic:{count}"))
                count += 1
            elif roll < 0.77:
                activity.append(
                    TrainingActivity(
                        user_id=user.pk,
                        training_id=training_id,
                        kind=ActivityKind.BOOKED,
                        since=today + dt.timedelta(days=rng.randint(3, 90)),
                    )
                )
            elif roll < 0.87:
                activity.append(
                    TrainingActivity(
                        user_id=user.pk,
                        training_id=training_id,
                        kind=ActivityKind.STARTED,
                        since=today - dt.timedelta(days=rng.randint(1, 60)),
                    )
                )
        others = [tid for tid, _ in all_trainings if tid not in required] or [tid for tid, _ in all_trainings]
        while count < SYNTHETIC_RECORDS_PER_LEARNER:
            training_id = rng.choice(others)
            done = today - dt.timedelta(days=rng.randint(30, 1800))
            records.append(_record(user, training_id, done, CompletionSource.IMPORTED, f"synthetic:{count}"))
            count += 1
        if len(records) >= 10 * BATCH:
            made += _insert_completions(records)
            records = []
    made += _insert_completions(records)
    TrainingActivity.objects.bulk_create(activity, batch_size=BATCH, ignore_conflicts=True)
    refresh_people([u.pk for u, *_ in planned], today=today)
    return len(planned), made


def _record(user: User, training_id: int, day: dt.date, source: str, ref: str) -> tuple[int, int, dt.date, str, str]:
    return (user.pk, training_id, day, source, ref)


def _insert_completions(rows: list[tuple[int, int, dt.date, str, str]]) -> int:
    """Insert completion records without building a model instance for each:
    at 300,000 rows the ORM's per-object work, not the database, is the cost.
    No signals are sent; the caller refreshes the matrix afterwards."""
    ops = connection.ops
    columns = ["user_id", "training_id", "completed_on", "source", "source_ref", "created_at"]
    sql = (
        f"INSERT INTO {ops.quote_name(CompletionRecord._meta.db_table)} "
        f"({', '.join(ops.quote_name(c) for c in columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    )
    now = ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        for batch in _batches(rows, 5 * BATCH):
            cursor.executemany(sql, [(u, t, ops.adapt_datefield_value(d), s, r, now) for u, t, d, s, r in batch])
    return len(rows)
