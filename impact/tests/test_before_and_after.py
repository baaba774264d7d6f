"""Before and after mapping for a cohort: the roster's profile before the course and the change after it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from impact.models import EventPlan
from impact.tests.conftest import AFTER_DAY_2, attend, map_case

pytestmark = pytest.mark.django_db
HARSH_STATEMENT = (
    "The social worker and the police are worried about domestic violence: Dean might hit Kayleigh again and "
    "Mia and Tyler could be hurt or scared."
)


@pytest.fixture
def plan(event, scenario_pair):
    before, after = scenario_pair
    return EventPlan.objects.create(event=event, before_scenario=before, after_scenario=after)


def map_before(attendees, before):
    ada, ben, cara = attendees
    map_case(ada, before, **{"place-school-attendance": "safety", "statement_1": HARSH_STATEMENT, "scale": "2"})
    map_case(ben, before, **{"place-school-attendance": "safety", "place-gran-nearby": "safety", "scale": "5"})
    map_case(cara, before)


def test_the_roster_shows_the_cohorts_profile_before_the_course(client, trainer, event, attendees, plan):
    map_before(attendees, plan.before_scenario)
    client.force_login(trainer)
    page = client.get(reverse("training:roster", args=[event.pk])).content.decode()
    assert "Before and after" in page
    assert "mapped by 3 of 3 people with a place" in page
    assert "Strengths treated as safety: <strong>67%</strong> (2 of 3)" in page
    jargon = page.split("Jargon used")[1][:300]
    assert "'domestic violence': <strong>33%</strong> (1 of 3)" in jargon, jargon
    assert "Nobody has mapped" not in page


def test_an_event_without_scenarios_invites_the_trainer_to_choose_them(client, trainer, event, scenario_pair):
    client.force_login(trainer)
    page = client.get(reverse("training:roster", args=[event.pk])).content.decode()
    assert "This event has no before-and-after scenarios yet" in page
    before, after = scenario_pair
    url = reverse("impact:plan", args=[event.pk])
    same = client.post(url, {"before_scenario": before.pk, "after_scenario": before.pk})
    assert "Choose a different family for after the course" in same.content.decode()
    client.post(url, {"before_scenario": before.pk, "after_scenario": after.pk})
    assert EventPlan.objects.get(event=event).after_scenario == after


def test_learners_are_asked_to_map_before_day_one_and_after_the_last_day(
    client, clock, trainer, event, attendees, plan
):
    ada = attendees[0]
    client.force_login(ada)
    assert "Map a case before Signs of Safety two-day training" in client.get(reverse("impact:home")).content.decode()
    map_case(ada, plan.before_scenario)
    assert "Map a case before" not in client.get(reverse("impact:home")).content.decode()
    clock.move_to(AFTER_DAY_2)
    attend(event, trainer, attendees)
    client.force_login(ada)
    home = client.get(reverse("impact:home")).content.decode()
    assert "Map a case after Signs of Safety two-day training" in home
    assert plan.after_scenario.url in home


def test_after_the_course_the_roster_shows_the_change_for_each_measure_by_agency(
    client, clock, trainer, event, attendees, plan, settings
):
    settings.IMPACT_MIN_GROUP = 1  # so each agency's row shows; the default hides groups under 3
    map_before(attendees, plan.before_scenario)
    clock.move_to(AFTER_DAY_2)
    attend(event, trainer, attendees)
    for person in attendees:
        map_case(person, plan.after_scenario)
    client.force_login(trainer)
    page = client.get(reverse("impact:cohort", args=[event.pk])).content.decode()
    assert "What changed after the course" in page
    assert "Everyone: 3 before, 3 after" in page
    assert "Children&#x27;s Social Care: 2 before, 2 after" in page
    assert "Health Visiting" in page or "Health" in page
    # Two of three treated strengths as safety before, none after: 66.7 -> 0.0.
    row = page.split("Strengths treated as safety (% of people)")[1].split("</tr>")[0]
    assert "66.7" in row and "0.0" in row and "-66.7" in row and "better" in row


def test_small_agencies_are_not_shown_by_default(client, clock, trainer, event, attendees, plan):
    map_before(attendees, plan.before_scenario)
    clock.move_to(AFTER_DAY_2)
    attend(event, trainer, attendees)
    for person in attendees:
        map_case(person, plan.after_scenario)
    client.force_login(trainer)
    page = client.get(reverse("impact:cohort", args=[event.pk])).content.decode()
    assert "Everyone: 3 before, 3 after" in page
    assert page.count("Fewer than 3 people on one side") == 2  # social care (2) and health (1)


def test_only_the_events_trainers_and_administrators_see_the_cohort(
    client, event, trainer, training_admin, new_staff, practice_lead, outsider, make_person
):
    from people.groups import GroupName

    other = make_person("Other", "Trainer", groups=(GroupName.TRAINER,))
    for url in (reverse("impact:cohort", args=[event.pk]), reverse("impact:plan", args=[event.pk])):
        for person in (trainer, training_admin):
            client.force_login(person)
            assert client.get(url).status_code == 200
        for person in (other, new_staff, practice_lead, outsider):
            client.force_login(person)
            assert client.get(url).status_code == 403
