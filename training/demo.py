"""Demo classroom courses, events across the coming months, full events with
waiting lists, and one past event with attendance marked.

Idempotent: courses are found by slug, events by (course, first day, venue),
learners by email; bookings are made through the booking services only when
an event has none yet, so a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from matrix.models import Training, TrainingKind
from people.demo import DEMO_PASSWORD
from people.groups import GroupName
from people.models import Agency, LearnerProfile, Role, Team, User
from training import services
from training.models import (
    AttendanceStatus,
    Booking,
    BookingStatus,
    ClassroomCourse,
    CourseKind,
    Event,
    EventStatus,
    TrainerLicence,
)

TRAINER_EMAIL = "tom.reid@northbridge.gov.uk"

COURSES = [
    {
        "slug": "two-day-foundation",
        "title": "Signs of Safety two-day foundation training",
        "kind": CourseKind.FOUNDATION,
        "days": 2,
        "description": (
            "Two days of practice with the assessment and planning framework: mapping what we are worried about, "
            "what is working well and what needs to happen; writing worry statements and safety goals in words "
            "families understand; and using the scaling question with families and their networks."
        ),
        "audience": (
            "Everyone in the partnership who works directly with children and families: social workers, early "
            "help staff, health visitors, school nurses, school safeguarding leads, police and voluntary sector "
            "workers. Finish the introductory e-learning first."
        ),
        "prerequisites": ["elearning-new-staff"],
        "approval": False,
    },
    {
        "slug": "practice-lead-enhanced",
        "title": "Enhanced training for practice leads",
        "kind": CourseKind.ENHANCED,
        "days": 2,
        "description": (
            "For practice leads who coach colleagues: running group supervision with the mapping, appreciative "
            "inquiry into good practice, and helping teams write plain-language plans."
        ),
        "audience": "Practice leads and team managers who have done the two-day foundation training.",
        "prerequisites": ["two-day-foundation"],
        "approval": True,
        "roles": ["practice-lead", "team-manager"],
    },
    {
        "slug": "training-for-trainers",
        "title": "Training for trainers",
        "kind": CourseKind.TRAINERS,
        "days": 2,
        "description": "Preparing experienced practitioners to deliver the foundation training themselves.",
        "audience": "Practice leads chosen by the partnership to join the training team.",
        "prerequisites": ["practice-lead-enhanced"],
        "approval": True,
        "roles": ["practice-lead", "trainer"],
    },
    {
        "slug": "refresher",
        "title": "Signs of Safety refresher day",
        "kind": CourseKind.REFRESHER,
        "days": 1,
        "description": "One day to revisit the framework with fresh case examples, for staff trained two or more years ago.",
        "audience": "Anyone who completed the foundation training at least two years ago.",
        "prerequisites": ["two-day-foundation"],
        "approval": False,
    },
]

VENUES = {
    "hall": (
        "Northbridge Civic Hall, Committee Room 2",
        "Civic Hall\nMarket Square\nNorthbridge\nNB1 2AA",
        "Step-free entrance from Market Square; lift to all floors; hearing loop in Committee Room 2; "
        "accessible toilet on every floor; blue badge parking behind the hall. A quiet room is available on request.",
    ),
    "hub": (
        "Eastfield Family Hub, Training Room",
        "Eastfield Family Hub\n14 Orchard Lane\nNorthbridge\nNB4 7QT",
        "Ground-floor room with level access; accessible toilet next door; free car park with two accessible "
        "spaces. The room is next to the hub's play area, so it can be noisy at lunchtime.",
    ),
    "college": (
        "Riverside Learning Centre, Room 3.14",
        "Riverside Learning Centre\nQuay Street\nNorthbridge\nNB2 5RL",
        "Lift to the third floor; hearing loop; height-adjustable desks; prayer and quiet room on the ground floor. "
        "Nearest parking is the Quay Street multi-storey (accessible bays on level 1).",
    ),
}

# (course slug, weeks from today, venue key, capacity, which demo learners book it, in order)
EVENTS = [
    ("two-day-foundation", 3, "hall", 6, slice(0, 8)),
    ("two-day-foundation", 7, "hub", 16, slice(8, 11)),
    ("two-day-foundation", 12, "college", 20, slice(0, 0)),
    ("two-day-foundation", 18, "hall", 3, slice(11, 16)),
    ("practice-lead-enhanced", 9, "college", 12, slice(0, 0)),
    ("refresher", 5, "hub", 14, slice(0, 0)),
]
PAST_EVENT_LEARNERS = slice(16, 21)

# At scale (`load_demo --scale N`, the benchmarks): events in all, and the
# bookings tried on each (beyond its capacity they join the waiting list).
SCALE_EVENTS = 50
SCALE_VENUES = ["hall", "hub", "college"]
SCALE_CAPACITIES = [12, 16, 20, 24]
SCALE_BOOKINGS = [10, 16, 22, 30]

LEARNERS = [
    ("Aisha", "Begum", "northbridge.gov.uk", "childrens-social-care", "Assessment Team South", "social-worker"),
    ("Callum", "Fraser", "northbridge.gov.uk", "childrens-social-care", "Child Protection Team", "social-worker"),
    ("Deborah", "Lewis", "earlyhelp.northbridge.gov.uk", "early-help", "Family Hub East", "early-help-practitioner"),
    ("Emeka", "Nwosu", "northbridge.gov.uk", "childrens-social-care", "Assessment Team North", "social-worker"),
    ("Fiona", "Gallagher", "northbridge-health.nhs.uk", "health", "School Nursing", "school-nurse"),
    ("Gareth", "Pryce", "northshire.police.uk", "police", "Public Protection Unit", "police-officer"),
    ("Holly", "Chen", "northbridge-schools.org.uk", "education", "Primary Schools", "school-dsl"),
    (
        "Imran",
        "Qureshi",
        "northbridge-vsa.org.uk",
        "voluntary-sector",
        "Family Support Charities",
        "voluntary-sector-worker",
    ),
    ("Jodie", "Marsh", "earlyhelp.northbridge.gov.uk", "early-help", "Family Hub West", "family-hub-worker"),
    ("Kofi", "Mensah", "northbridge.gov.uk", "childrens-social-care", "Children in Care Team", "social-worker"),
    ("Laura", "Whitfield", "northbridge-health.nhs.uk", "health", "Health Visiting", "health-visitor"),
    ("Marek", "Nowak", "northbridge.gov.uk", "childrens-social-care", "Assessment Team South", "social-worker"),
    ("Nadia", "Rahman", "northbridge.gov.uk", "childrens-social-care", "Assessment Team North", "social-worker"),
    ("Owen", "Hughes", "legal.northbridge.gov.uk", "legal-services", "Childcare Legal Team", "legal-adviser"),
    ("Priti", "Patel", "northbridge-schools.org.uk", "education", "Secondary Schools", "school-dsl"),
    ("Rhys", "Morgan", "northshire.police.uk", "police", "Neighbourhood Policing", "police-officer"),
    (
        "Sophie",
        "Turner",
        "earlyhelp.northbridge.gov.uk",
        "early-help",
        "Targeted Youth Support",
        "early-help-practitioner",
    ),
    ("Tariq", "Aziz", "northbridge.gov.uk", "childrens-social-care", "Assessment Team North", "social-worker"),
    ("Una", "Byrne", "northbridge-health.nhs.uk", "health", "Safeguarding Children Team", "health-visitor"),
    ("Victor", "Adeyemi", "northbridge.gov.uk", "childrens-social-care", "Assessment Team South", "social-worker"),
    (
        "Wendy",
        "Clarke",
        "northbridge-vsa.org.uk",
        "voluntary-sector",
        "Youth and Community Groups",
        "voluntary-sector-worker",
    ),
]


def _training(slug: str, title: str, kind: str) -> Training:
    training, _ = Training.objects.get_or_create(slug=slug, defaults={"title": title, "kind": kind})
    return training


def _courses() -> dict[str, ClassroomCourse]:
    courses = {}
    for spec in COURSES:
        training = _training(spec["slug"], spec["title"], TrainingKind.CLASSROOM)
        course = ClassroomCourse.objects.filter(slug=spec["slug"]).first()
        if course is None:
            course = ClassroomCourse.objects.create(
                training=training,
                slug=spec["slug"],
                title=spec["title"],
                kind=spec["kind"],
                number_of_days=spec["days"],
                description=spec["description"],
                audience=spec["audience"],
                requires_manager_approval=spec["approval"],
                no_show_policy=(
                    "If you do not come and did not cancel, your practice lead is told, and you may be asked to "
                    "wait for a later date."
                ),
            )
            for slug in spec["prerequisites"]:
                title = "Signs of Safety for new staff (e-learning)" if slug.startswith("elearning") else slug
                kind = TrainingKind.ELEARNING if slug.startswith("elearning") else TrainingKind.CLASSROOM
                course.prerequisites.add(_training(slug, title, kind))
            if spec.get("roles"):
                course.eligible_roles.set(Role.objects.filter(slug__in=spec["roles"]))
        courses[spec["slug"]] = course
    return courses


def _learner(first: str, last: str, domain: str, agency: str, team: str, role: str) -> User:
    email = f"{first.lower()}.{last.lower()}@{domain}"
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user
    user = User(username=email.split("@")[0], email=email, first_name=first, last_name=last)
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    agency_obj = Agency.objects.get(slug=agency)
    profile, _ = LearnerProfile.objects.get_or_create(user=user)
    profile.agency = agency_obj
    profile.team = Team.objects.get(agency=agency_obj, name=team)
    profile.role = Role.objects.get(slug=role)
    profile.start_date = timezone.localdate() - dt.timedelta(days=60)
    profile.save()
    user.groups.set(Group.objects.filter(name=GroupName.LEARNER))
    return user


def _monday_in(weeks: int, today: dt.date) -> dt.date:
    day = today + dt.timedelta(weeks=weeks)
    return day - dt.timedelta(days=day.weekday())


def _event(course: ClassroomCourse, first: dt.date, venue: str, capacity: int, trainer: User) -> tuple[Event, bool]:
    name, address, access = VENUES[venue]
    existing = Event.objects.filter(course=course, venue_name=name, days__number=1, days__date=first).first()
    if existing is not None:
        return existing, False
    days = [
        services.DayInput(n + 1, first + dt.timedelta(days=n), dt.time(9, 30), dt.time(16, 30))
        for n in range(course.number_of_days)
    ]
    event = services.create_event(
        course,
        trainer,
        {
            "status": EventStatus.OPEN,
            "capacity": capacity,
            "venue_name": name,
            "venue_address": address,
            "accessibility_notes": access,
        },
        days,
        [trainer],
    )
    return event, True


def load(out: TextIO, scale: int = 0) -> None:
    courses = _courses()
    trainer = User.objects.get(email=TRAINER_EMAIL)
    today = timezone.localdate()
    for kind in (CourseKind.FOUNDATION, CourseKind.REFRESHER, CourseKind.ENHANCED):
        TrainerLicence.objects.get_or_create(
            trainer=trainer,
            course_kind=kind,
            defaults={"reference": f"NSCP-{kind[:3].upper()}-0417", "valid_until": dt.date(today.year + 2, 3, 31)},
        )
    learners = [_learner(*spec) for spec in LEARNERS]
    # The events are dated from the day the demo first loads. Loading it again,
    # whatever the date, leaves them as they are rather than adding a new set.
    if not Event.objects.filter(course__in=courses.values()).exists():
        _past_event(courses["two-day-foundation"], trainer, learners[PAST_EVENT_LEARNERS], today)
        for slug, weeks, venue, capacity, booked in EVENTS:
            event, created = _event(courses[slug], _monday_in(weeks, today), venue, capacity, trainer)
            if created:
                for learner in learners[booked]:
                    services.book(event.pk, learner)
    events = Event.objects.count()
    waiting = Booking.objects.filter(status=BookingStatus.WAITLISTED).count()
    out.write(f"Training: {len(courses)} classroom courses, {events} events, {waiting} people on waiting lists.\n")


def _past_event(course: ClassroomCourse, trainer: User, attendees: list[User], today: dt.date) -> None:
    """Five weeks ago; booked back then (the booking service runs with that date),
    then attendance marked: four complete, one missed day 2 (offered a catch-up)."""
    first = _monday_in(-5, today)
    event, created = _event(course, first, "hub", 10, trainer)
    if not created:
        return
    booked_at = timezone.make_aware(dt.datetime.combine(first - dt.timedelta(days=30), dt.time(10, 0)))
    for learner in attendees:
        services.book(event.pk, learner, now=booked_at)
    bookings = {b.learner_id: b.pk for b in Booking.objects.filter(event=event)}
    day_one = {bookings[u.pk]: AttendanceStatus.ATTENDED for u in attendees}
    day_one[bookings[attendees[1].pk]] = AttendanceStatus.LATE
    services.mark_attendance(event.pk, 1, day_one, trainer)
    day_two = {bookings[u.pk]: AttendanceStatus.ATTENDED for u in attendees}
    day_two[bookings[attendees[-1].pk]] = AttendanceStatus.ABSENT
    services.mark_attendance(event.pk, 2, day_two, trainer)
    Event.objects.filter(pk=event.pk).update(status=EventStatus.FINISHED)


def load_at_scale(out: TextIO, scale: int) -> None:
    """Once the synthetic learners exist: more upcoming events, up to
    SCALE_EVENTS in all, booked by synthetic learners through the booking
    service (so some are full, with waiting lists in order). Each learner books
    one event at most; a second run finds the events there and adds nothing."""
    if scale <= 0:
        return
    missing = SCALE_EVENTS - Event.objects.count()
    if missing <= 0:
        return
    courses = list(_courses().values())
    trainer = User.objects.get(email=TRAINER_EMAIL)
    today = timezone.localdate()
    learners = iter(
        User.objects.filter(username__startswith="learner", profile__role__isnull=False)
        .select_related("profile")
        .order_by("pk")
    )
    made = booked = 0
    for n in range(3 * missing):
        if made == missing:
            break
        course = courses[n % len(courses)]
        first = _monday_in(2 + n // len(SCALE_VENUES), today) + dt.timedelta(days=n % 3)
        capacity = SCALE_CAPACITIES[n % len(SCALE_CAPACITIES)]
        event, created = _event(course, first, SCALE_VENUES[n % len(SCALE_VENUES)], capacity, trainer)
        if not created:
            continue
        made += 1
        eligible = set(course.eligible_roles.values_list("pk", flat=True))
        wanted, tried = SCALE_BOOKINGS[n % len(SCALE_BOOKINGS)], 0
        while wanted and tried < 10 * SCALE_BOOKINGS[-1]:
            learner = next(learners, None)
            if learner is None:
                break
            tried += 1
            if eligible and learner.profile.role_id not in eligible:
                continue
            try:
                services.book(event.pk, learner)
            except services.Refused:
                continue
            wanted -= 1
            booked += 1
    out.write(f"Training at scale: {made} more events, {booked} bookings by synthetic learners.\n")
