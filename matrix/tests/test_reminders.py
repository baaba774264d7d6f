"""Reminders through the outbox and the daily job: due soon, overdue and
expiring, each once per date it is about, with a copy to the line manager;
the practice leads' weekly digest; pausing what is not essential."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.core.management import call_command

from matrix.models import CompletionSource, DueFrom, Requirement, Training, TrainingKind
from matrix.reminder_rules import Kind, Policy, Row, due_today, planned
from matrix.reminders import send_reminders
from matrix.services import record_completion, refresh_people
from outbox.models import OutboundEmail
from people.groups import GroupName

pytestmark = pytest.mark.django_db

POLICY = Policy(due_soon_days=14, expiring_days=30)


def sent(kind: str | None = None, manager: bool | None = None) -> list[OutboundEmail]:
    rows = OutboundEmail.objects.filter(key__startswith=f"matrix-reminder:{kind or ''}")
    if manager is True:
        rows = rows.filter(key__endswith=":manager")
    elif manager is False:
        rows = rows.exclude(key__endswith=":manager")
    return list(rows)


@pytest.mark.parametrize(
    ("row", "today", "kinds"),
    [
        (Row("not_started", dt.date(2027, 1, 31), None), dt.date(2027, 1, 16), []),
        (Row("not_started", dt.date(2027, 1, 31), None), dt.date(2027, 1, 17), [Kind.DUE_SOON]),
        (Row("in_progress", dt.date(2027, 1, 31), None), dt.date(2027, 1, 31), [Kind.DUE_SOON]),
        (Row("booked", dt.date(2027, 1, 31), None), dt.date(2027, 1, 20), []),
        (Row("overdue", dt.date(2027, 1, 31), None), dt.date(2027, 2, 1), [Kind.OVERDUE]),
        (Row("complete", None, dt.date(2027, 6, 30)), dt.date(2027, 5, 30), []),
        (Row("expiring_soon", None, dt.date(2027, 6, 30)), dt.date(2027, 5, 31), [Kind.EXPIRING]),
        (Row("expired", None, dt.date(2027, 6, 30)), dt.date(2027, 6, 30), [Kind.OVERDUE]),
        (Row("complete", None, None), dt.date(2027, 6, 30), []),
        (Row("exempt", dt.date(2027, 1, 31), None), dt.date(2027, 3, 1), []),
    ],
)
def test_the_rules_say_which_reminder_a_row_calls_for(row, today, kinds):
    assert [r.kind for r in due_today(row, today, POLICY)] == kinds


def test_only_overdue_is_essential():
    reminders = planned(Row("not_started", dt.date(2027, 1, 31), None), POLICY)
    assert [(r.kind, r.essential) for r in reminders] == [(Kind.DUE_SOON, False), (Kind.OVERDUE, True)]


@pytest.fixture
def small_partnership(partnership, make_person, settings):
    """A team manager, three social workers and a practice lead, with an e-learning
    course renewed every three months and a two-day course due within 120 days."""
    settings.REMINDER_DUE_SOON_DAYS = 14
    settings.REMINDER_EXPIRING_DAYS = 30
    settings.REMINDER_DIGEST_WEEKDAY = 0
    roles = partnership["roles"]
    elearning = Training.objects.create(slug="refresher", title="Refresher", kind=TrainingKind.ELEARNING)
    two_day = Training.objects.create(slug="two-day", title="Two-day training", kind=TrainingKind.CLASSROOM)
    Requirement.objects.create(
        training=elearning, role=roles["social-worker"], due_within=30, due_from=DueFrom.START_DATE, renewal_months=3
    )
    Requirement.objects.create(training=two_day, role=roles["social-worker"], due_within=120)
    manager = make_person("Mo", "Ahmed", role="team-manager", start_date=dt.date(2026, 1, 1))
    lead = make_person("Priya", "Shah", role="practice-lead", groups=(GroupName.LEARNER, GroupName.PRACTICE_LEAD))
    lead.profile.leads_teams.set([partnership["teams"]["north"]])
    start = dt.date(2027, 1, 4)
    staff = {
        name: make_person(name, "Worker", start_date=start, line_manager=manager)
        for name in ("Diligent", "Late", "Never")
    }
    return {
        "elearning": elearning,
        "two_day": two_day,
        "manager": manager,
        "lead": lead,
        "staff": staff,
        "start": start,
    }


def test_a_year_of_daily_runs_sends_each_reminder_once_per_date_with_the_manager_copied(small_partnership):
    p = small_partnership
    staff, elearning, two_day = p["staff"], p["elearning"], p["two_day"]
    # Diligent does the e-learning within a week and again each time it is about to run
    # out, and the two-day training a few days after being told it is due soon. Late does everything after its deadline.
    # Never does nothing.
    plan = {
        dt.date(2027, 1, 10): [(staff["Diligent"], elearning)],
        dt.date(2027, 3, 20): [(staff["Diligent"], elearning)],
        dt.date(2027, 4, 25): [(staff["Diligent"], two_day)],
        dt.date(2027, 3, 1): [(staff["Late"], elearning)],
        dt.date(2027, 6, 10): [(staff["Diligent"], elearning), (staff["Late"], two_day)],
        dt.date(2027, 9, 1): [(staff["Diligent"], elearning)],
        dt.date(2027, 12, 1): [(staff["Diligent"], elearning)],
    }
    day = p["start"]
    digests = 0
    while day < p["start"] + dt.timedelta(days=365):
        for person, training in plan.get(day, []):
            record_completion(person, training, day, CompletionSource.MANUAL, f"test:{day}")
        refresh_people(today=day)
        digests += send_reminders(day).digests
        day += dt.timedelta(days=1)

    to_learner = Counter(
        (email.to[0], email.key.split(":")[1], email.key.split(":")[4]) for email in sent(manager=False)
    )
    assert set(to_learner.values()) == {1}, "no reminder twice for the same reason"
    by_person = Counter((email.to[0], email.key.split(":")[1]) for email in sent(manager=False))
    never, late, diligent = staff["Never"].email, staff["Late"].email, staff["Diligent"].email
    # Never: each course due soon, then overdue, once each.
    assert by_person[(never, "due_soon")] == 2
    assert by_person[(never, "overdue")] == 2
    assert by_person[(never, "expiring")] == 0
    # Late: reminded before both deadlines and when each passed; then the e-learning
    # done on 1 March runs out on 1 June (expiring on 2 May, then overdue) and is never redone.
    assert by_person[(late, "due_soon")] == 2
    assert by_person[(late, "overdue")] == 3
    assert by_person[(late, "expiring")] == 1
    # Diligent: the two-day course is due soon once before it is done; every e-learning
    # renewal is done inside its expiring window, so one "expiring" per expiry, never overdue.
    assert by_person[(diligent, "due_soon")] == 1
    assert by_person[(diligent, "overdue")] == 0
    assert by_person[(diligent, "expiring")] == 4
    # Every reminder to a learner has exactly one copy to their manager.
    copies = sent(manager=True)
    assert len(copies) == len(sent(manager=False))
    assert {email.to[0] for email in copies} == {p["manager"].email}
    assert digests >= 10


def test_a_paused_person_still_gets_overdue_but_not_due_soon(small_partnership):
    never = small_partnership["staff"]["Never"]
    never.profile.pause_reminders = True
    never.profile.save()
    for day in (dt.date(2027, 1, 25), dt.date(2027, 2, 4)):
        refresh_people(today=day)
        send_reminders(day)
    mine = [email.key.split(":")[1] for email in sent(manager=False) if email.to == [never.email]]
    assert mine == ["overdue"]


def test_running_the_job_twice_on_a_day_sends_nothing_new(small_partnership):
    day = dt.date(2027, 2, 4)
    refresh_people(today=day)
    first = send_reminders(day)
    second = send_reminders(day)
    # The day after the e-learning deadline: each of the three is overdue (a
    # "due soon" whose day was missed is not sent once the deadline has passed).
    assert first.sent == 3 and first.copies == 3
    assert second.sent == 0 and second.copies == 0


def test_the_weekly_digest_lists_the_leads_peoples_changes(small_partnership):
    p = small_partnership
    record_completion(p["staff"]["Diligent"], p["elearning"], dt.date(2027, 1, 27), CompletionSource.MANUAL, "x")
    monday = dt.date(2027, 2, 8)
    refresh_people(today=monday)
    send_reminders(monday)
    digest = OutboundEmail.objects.get(key__startswith="matrix-digest:", to=[p["lead"].email])
    assert "Diligent Worker: Refresher" not in digest.body_text.split("Now overdue")[0].split("Completed:")[0]
    assert "Now overdue:\n- Late Worker: Refresher" in digest.body_text
    assert "Never Worker" in digest.body_text
    # Not the manager, who leads nobody: only learners' reminders reach them.
    assert not OutboundEmail.objects.filter(key__startswith="matrix-digest:", to=[p["manager"].email]).exists()


def test_the_daily_job_sends_reminders(small_partnership, time_machine):
    import io

    time_machine.move_to(dt.datetime(2027, 2, 4, 7, 0, tzinfo=dt.UTC))
    out = io.StringIO()
    call_command("refresh_matrix", "--all", stdout=out)
    assert "3 reminders queued, 3 copies to line managers" in out.getvalue()


def test_the_profile_shows_what_the_person_will_be_sent(client, small_partnership, time_machine):
    time_machine.move_to(dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC))
    never = small_partnership["staff"]["Never"]
    refresh_people([never.pk], today=dt.date(2027, 1, 5))
    client.force_login(never)
    body = client.get("/profile/").content.decode()
    assert "Refresher: due soon" in body
    assert "20 Jan 2027" in body
    assert "Mo Ahmed" in body
    client.post("/profile/reminders/", {"pause": "yes"})
    assert "Paused" in client.get("/profile/").content.decode()
