"""Workflows of the impact app: what a learner is asked, saving answers and
observations, counting the coach's use, and the figures each page shows.

Answers are saved once: a double-clicked submit or a second tab finds the
first answer and changes nothing (the unique constraints make sure of it
under a race, too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from impact import measures, sources
from impact.models import (
    MODEL_PARTS,
    CoachUse,
    Confidence,
    DayFeedback,
    EventPlan,
    FollowUp,
    Observation,
)
from people.access import can_view_person, is_practice_lead, lead_scope_q

FEEDBACK_OPEN_DAYS = 30  # a day's feedback form stays open this long after the day
FOLLOW_UP_MONTHS = 3
FOLLOW_UP_OPEN_DAYS = 90  # ...and the follow-up this long after it opens
AFTER_MAPPING_OPEN_DAYS = 60
PARTS = tuple(p for p, _ in MODEL_PARTS)


def min_group() -> int:
    return int(settings.IMPACT_MIN_GROUP)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    # The 31st of a short month is its last day.
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def follow_up_opens(event: Any) -> dt.date | None:
    last = event.last_day
    return add_months(last.date, FOLLOW_UP_MONTHS) if last else None


# --- What the learner is asked ------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """One thing the learner is asked to do for an event."""

    kind: str  # "before", "feedback", "after", "follow_up"
    event: Any
    title: str
    url: str
    day: int | None = None


def tasks_for(user: Any, now: dt.datetime | None = None) -> list[Task]:
    from django.urls import reverse

    now = now or timezone.now()
    today = timezone.localdate(now)
    tasks: list[Task] = []
    bookings = sources.confirmed_bookings(user)
    if not bookings:
        return tasks
    event_ids = [b.event_id for b in bookings]
    plans = {
        p.event_id: p
        for p in EventPlan.objects.filter(event_id__in=event_ids).select_related("before_scenario", "after_scenario")
    }
    answered = set(
        DayFeedback.objects.filter(respondent=user, event_id__in=event_ids).values_list("event_id", "day_number")
    )
    followed = set(FollowUp.objects.filter(respondent=user, event_id__in=event_ids).values_list("event_id", flat=True))
    for booking in bookings:
        event = booking.event
        if booking.catch_up_day or not event.day_list:
            continue
        plan = plans.get(event.pk)
        first_start, last_end = event.day_list[0].starts_at, sources.event_ends(event)
        attended = sources.days_attended(booking)
        if plan and now < first_start and not sources.first_attempt(user, plan.before_scenario, None, first_start):
            tasks.append(Task("before", event, f"Map a case before {event.course.title}", plan.before_scenario.url))
        for day in event.day_list:
            if day.number in attended and (event.pk, day.number) not in answered:
                if day.ends_at <= now and today <= day.date + dt.timedelta(days=FEEDBACK_OPEN_DAYS):
                    tasks.append(
                        Task(
                            "feedback",
                            event,
                            f"Tell us about day {day.number} of {event.course.title}",
                            reverse("impact:day_feedback", args=[event.pk, day.number]),
                            day.number,
                        )
                    )
        if not attended or last_end is None:
            continue
        if (
            plan
            and last_end <= now < last_end + dt.timedelta(days=AFTER_MAPPING_OPEN_DAYS)
            and not sources.first_attempt(user, plan.after_scenario, last_end, None)
        ):
            tasks.append(Task("after", event, f"Map a case after {event.course.title}", plan.after_scenario.url))
        opens = follow_up_opens(event)
        if opens and opens <= today <= opens + dt.timedelta(days=FOLLOW_UP_OPEN_DAYS) and event.pk not in followed:
            tasks.append(
                Task(
                    "follow_up",
                    event,
                    f"Three months on from {event.course.title}",
                    reverse("impact:follow_up", args=[event.pk]),
                )
            )
    return tasks


class Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_may_give_feedback(user: Any, event: Any, day: int, now: dt.datetime | None = None) -> None:
    """Only someone who attended the day, once it has ended, while the form is open."""
    now = now or timezone.now()
    event_day = next((d for d in event.day_list if d.number == day), None)
    booking = sources.booking_of(user, event)
    if event_day is None or booking is None or day not in sources.days_attended(booking):
        raise Refused("You can give feedback only on a day you attended.")
    if now < event_day.ends_at:
        raise Refused(f"You can give feedback on day {day} once it has ended.")
    if timezone.localdate(now) > event_day.date + dt.timedelta(days=FEEDBACK_OPEN_DAYS):
        raise Refused(f"Feedback on day {day} closed {FEEDBACK_OPEN_DAYS} days after the day.")


def check_may_follow_up(user: Any, event: Any, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    booking = sources.booking_of(user, event)
    if booking is None or not sources.days_attended(booking):
        raise Refused("The follow-up is for people who attended this event.")
    opens = follow_up_opens(event)
    today = timezone.localdate(now)
    if opens is None or today < opens:
        raise Refused(f"The follow-up opens three months after the event, on {opens:%-d %B %Y}." if opens else "")
    if today > opens + dt.timedelta(days=FOLLOW_UP_OPEN_DAYS):
        raise Refused("The follow-up for this event has closed.")


def submit_day_feedback(user: Any, event: Any, day: int, data: dict[str, Any]) -> tuple[DayFeedback, bool]:
    """Save a day's answers once; (the answer, whether it is new)."""
    check_may_give_feedback(user, event, day)
    existing = DayFeedback.objects.filter(event=event, day_number=day, respondent=user).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            feedback = DayFeedback.objects.create(
                event=event,
                day_number=day,
                respondent=user,
                agency_name=sources.agency_name(user),
                useful=data.get("useful", ""),
                not_useful=data.get("not_useful", ""),
                comments=data.get("comments", ""),
            )
            Confidence.objects.bulk_create(
                Confidence(feedback=feedback, part=part, rating=int(data[part])) for part in PARTS if data.get(part)
            )
    except IntegrityError:
        return DayFeedback.objects.get(event=event, day_number=day, respondent=user), False
    return feedback, True


def submit_follow_up(user: Any, event: Any, data: dict[str, Any]) -> tuple[FollowUp, bool]:
    check_may_follow_up(user, event)
    existing = FollowUp.objects.filter(event=event, respondent=user).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            answer = FollowUp.objects.create(
                event=event,
                respondent=user,
                agency_name=sources.agency_name(user),
                used_statement=data["used_statement"],
                used_goal=data["used_goal"],
                what_happened=data.get("what_happened", ""),
            )
    except IntegrityError:
        return FollowUp.objects.get(event=event, respondent=user), False
    return answer, True


# --- Evaluation figures ---------------------------------------------------------------------


def _answers(feedback: QuerySet[DayFeedback], group_of: Any) -> list[measures.Answer]:
    rows = feedback.prefetch_related("confidence")
    return [
        measures.Answer(
            group=group_of(f),
            day=f.day_number,
            ratings={c.part: c.rating for c in f.confidence.all()},
            texts=(),
        )
        for f in rows
    ]


@dataclass(frozen=True)
class EventEvaluation:
    days: tuple[measures.EvaluationGroup, ...]
    useful: measures.EvaluationGroup
    not_useful: measures.EvaluationGroup
    comments: measures.EvaluationGroup
    follow_up: FollowUpSummary


@dataclass(frozen=True)
class FollowUpSummary:
    responses: int
    used_statement: measures.Share
    used_goal: measures.Share
    texts: tuple[str, ...]
    suppressed: bool


def follow_up_summary(answers: QuerySet[FollowUp]) -> FollowUpSummary:
    rows = list(answers)
    n = len(rows)
    if n < min_group():
        return FollowUpSummary(n, measures.Share(0, 0), measures.Share(0, 0), (), True)
    texts = tuple(sorted({r.what_happened.strip() for r in rows if r.what_happened.strip()}, key=str.casefold))
    return FollowUpSummary(
        n,
        measures.Share(sum(1 for r in rows if r.used_statement == "yes"), n),
        measures.Share(sum(1 for r in rows if r.used_goal == "yes"), n),
        texts,
        False,
    )


def event_evaluation(event: Any) -> EventEvaluation:
    """What the event's trainers see: ratings by day, free text for the whole event, never who said what."""
    feedback = DayFeedback.objects.filter(event=event)
    answers = _answers(feedback, lambda f: f"Day {f.day_number}")
    days = measures.evaluation_by(answers, PARTS, min_group())
    rows = list(feedback)

    def texts(field: str) -> measures.EvaluationGroup:
        return measures.evaluation_group(
            field,
            [measures.Answer("event", f.day_number, {}, (getattr(f, field),)) for f in rows],
            (),
            min_group(),
        )

    return EventEvaluation(
        days=days,
        useful=texts("useful"),
        not_useful=texts("not_useful"),
        comments=texts("comments"),
        follow_up=follow_up_summary(FollowUp.objects.filter(event=event)),
    )


GROUPINGS = {"course": "Course", "agency": "Agency", "trainer": "Trainer"}


def evaluation_across(by: str, since: dt.date | None = None) -> tuple[measures.EvaluationGroup, ...]:
    """Ratings across events by course, agency or trainer (an event with two trainers counts for each)."""
    feedback = DayFeedback.objects.select_related("event__course").prefetch_related("event__trainers")
    if since:
        feedback = feedback.filter(submitted_at__date__gte=since)
    answers: list[measures.Answer] = []
    for f in feedback.prefetch_related("confidence"):
        ratings = {c.part: c.rating for c in f.confidence.all()}
        if by == "course":
            groups = [f.event.course.title]
        elif by == "agency":
            groups = [f.agency_name or "No agency"]
        else:
            groups = [t.display_name for t in f.event.trainers.all()] or ["No trainer named"]
        answers += [measures.Answer(g, f.day_number, ratings) for g in groups]
    return measures.evaluation_by(answers, PARTS, min_group())


# --- Before and after -----------------------------------------------------------------------


@dataclass(frozen=True)
class CohortFigures:
    plan: EventPlan | None
    people: int
    before_done: int
    after_done: int
    before: measures.CohortProfile | None
    after: measures.CohortProfile | None
    overall: measures.GroupChange | None
    by_agency: tuple[measures.GroupChange, ...]

    @property
    def change_groups(self) -> tuple[measures.GroupChange, ...]:
        return (self.overall, *self.by_agency) if self.overall else ()


def cohort_figures(event: Any) -> CohortFigures:
    plan = EventPlan.objects.filter(event=event).select_related("before_scenario", "after_scenario").first()
    people = sources.cohort(event)
    if plan is None:
        return CohortFigures(None, len(people), 0, 0, None, None, None, ())
    before = sources.phase(event, plan.before_scenario, people, "before")
    after = sources.phase(event, plan.after_scenario, people, "after")
    overall, by_agency = (None, ())
    if after.measures:
        overall, by_agency = measures.change_by_agency(before.measures, after.measures, min_group())
    return CohortFigures(
        plan,
        len(people),
        len(before.done_by),
        len(after.done_by),
        measures.cohort_profile(before.measures) if before.measures else None,
        measures.cohort_profile(after.measures) if after.measures else None,
        overall,
        by_agency,
    )


# --- Practice observation --------------------------------------------------------------------


def may_observe(observer: Any, worker: Any) -> bool:
    """A practice lead for the people they cover, or the worker's line manager; never yourself."""
    if not getattr(observer, "is_authenticated", False) or observer.pk == worker.pk:
        return False
    profile = getattr(worker, "profile", None)
    if profile is not None and profile.line_manager_id == observer.pk:
        return True
    return is_practice_lead(observer) and can_view_person(observer, worker)


def observable_people(observer: Any) -> QuerySet[Any]:
    from people.models import User

    q = Q(profile__line_manager=observer)
    if is_practice_lead(observer):
        scope = lead_scope_q(observer, prefix="profile__")
        if scope is not None:
            q |= scope
    return User.objects.filter(q, is_active=True).exclude(pk=observer.pk).order_by("first_name", "last_name", "pk")


def may_see_observations(user: Any) -> bool:
    return is_practice_lead(user) or observable_people(user).exists()


def observations_seen_by(user: Any) -> QuerySet[Observation]:
    """Observations of the people a practice lead covers, and those the user recorded themselves."""
    q = Q(observer=user)
    if is_practice_lead(user):
        scope = lead_scope_q(user, prefix="worker__profile__")
        if scope is not None:
            q |= scope
    return Observation.objects.filter(q).exclude(worker=user).select_related("worker", "observer")


def record_observation(observer: Any, worker: Any, data: dict[str, Any]) -> Observation:
    if not may_observe(observer, worker):
        raise Refused("You can record observations only for people you lead or manage.")
    profile = getattr(worker, "profile", None)
    return Observation.objects.create(
        worker=worker,
        observer=observer,
        observed_on=data["observed_on"],
        kind=data["kind"],
        team_id_then=getattr(profile, "team_id", None),
        agency_name=sources.agency_name(worker),
        note=data.get("note", ""),
        **{part: data.get(part) for part in PARTS},
    )


def rubric_profile(observations: QuerySet[Observation]) -> tuple[measures.RubricPeriod, ...]:
    rows = [
        measures.ObservedMarks(
            measures.quarter(o.observed_on.year, o.observed_on.month), {p: getattr(o, p) for p in PARTS}
        )
        for o in observations
    ]
    return measures.rubric_profile(rows, PARTS)


def last_observed(user: Any) -> Observation | None:
    return Observation.objects.filter(worker=user).order_by("-observed_on", "-pk").first()


# --- The writing coach ---------------------------------------------------------------------


def count_coach_use(kind: str) -> None:
    """One more use of the coach for `kind` today. Only the count: nothing about who or what."""
    today = timezone.localdate()
    with transaction.atomic():
        updated = CoachUse.objects.filter(day=today, kind=kind).update(count=F("count") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    CoachUse.objects.create(day=today, kind=kind, count=1)
            except IntegrityError:
                CoachUse.objects.filter(day=today, kind=kind).update(count=F("count") + 1)


# --- The board report ----------------------------------------------------------------------


@dataclass(frozen=True)
class BoardFigures:
    ratings: tuple[measures.PartRating, ...]
    responses: int
    follow_up: FollowUpSummary
    overall: measures.GroupChange | None
    by_agency: tuple[measures.GroupChange, ...]
    by_course: tuple[measures.GroupChange, ...]
    events_measured: int
    observations: int
    rubric: tuple[measures.RubricCell, ...]
    suppressed_ratings: bool


def board_figures(user: Any) -> BoardFigures | None:
    """The impact section of the board report, for the people the reader's report covers.

    Each measured cohort's first tries are marked again by the engine (a few
    milliseconds each), so the figures always follow the engine in use."""
    scope = lead_scope_q(user, prefix="respondent__profile__")
    if scope is None:
        return None
    feedback = DayFeedback.objects.filter(scope) if scope else DayFeedback.objects.all()
    answers = _answers(feedback, lambda f: "all")
    follow_ups = FollowUp.objects.filter(scope) if scope else FollowUp.objects.all()
    people_scope = lead_scope_q(user, prefix="profile__") or Q()
    befores: list[measures.MappingMeasures] = []
    afters: list[measures.MappingMeasures] = []
    by_course: dict[str, tuple[list[measures.MappingMeasures], list[measures.MappingMeasures]]] = {}
    measured = 0
    allowed = set(sources.people_in(people_scope))
    for plan in EventPlan.objects.select_related("before_scenario", "after_scenario", "event__course"):
        event = sources.event(plan.event_id)
        if event is None:
            continue
        people = [p for p in sources.cohort(event) if p.pk in allowed]
        before = sources.phase(event, plan.before_scenario, people, "before").measures
        after = sources.phase(event, plan.after_scenario, people, "after").measures
        if not before and not after:
            continue
        measured += 1
        befores += before
        afters += after
        course = by_course.setdefault(event.course.title, ([], []))
        course[0].extend(before)
        course[1].extend(after)
    overall, by_agency = (None, ())
    if befores or afters:
        overall, by_agency = measures.change_by_agency(befores, afters, min_group())
    observations = Observation.objects.filter(lead_scope_q(user, prefix="worker__profile__") or Q())
    rubric = measures.rubric_profile(
        [measures.ObservedMarks("all", {p: getattr(o, p) for p in PARTS}) for o in observations], PARTS
    )
    return BoardFigures(
        ratings=measures.rate_parts(answers, PARTS) if len(answers) >= min_group() else (),
        responses=len(answers),
        follow_up=follow_up_summary(follow_ups),
        overall=overall,
        by_agency=by_agency,
        by_course=tuple(measures.group_change(name, b, a, min_group()) for name, (b, a) in sorted(by_course.items())),
        events_measured=measured,
        observations=len(observations),
        rubric=rubric[0].cells if rubric else (),
        suppressed_ratings=0 < len(answers) < min_group(),
    )
