"""Evaluation answers and observations in the person's data export, and after erasure."""

from __future__ import annotations

import datetime as dt

import pytest

from impact.models import Confidence, DayFeedback, FollowUp, Observation
from privacy.registry import anonymise_user, export_user_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(event, new_staff, practice_lead):
    feedback = DayFeedback.objects.create(
        event=event, day_number=1, respondent=new_staff, agency_name="Children's Social Care", useful="The games"
    )
    Confidence.objects.create(feedback=feedback, part="scaling", rating=4)
    FollowUp.objects.create(
        event=event, respondent=new_staff, used_statement="yes", used_goal="no", what_happened="It helped Mum"
    )
    Observation.objects.create(
        worker=new_staff,
        observer=practice_lead,
        observed_on=dt.date(2026, 10, 1),
        kind="case_writing",
        statements=2,
        note="Well done",
    )
    return feedback


def test_the_export_holds_the_persons_answers_and_observations(records, new_staff, practice_lead):
    data = export_user_data(new_staff)["impact"]
    assert data["day_feedback"][0]["useful"] == "The games"
    assert data["day_feedback"][0]["confidence"] == {"Using and explaining scaling questions": 4}
    assert data["follow_ups"][0]["what_happened"] == "It helped Mum"
    observed = data["observations_of_my_practice"][0]
    assert observed["note"] == "Well done" and observed["observer"] == "Priya Shah"
    assert observed["marks"]["Writing danger or worry statements"] == "Secure"
    assert export_user_data(practice_lead)["impact"]["observations_i_recorded"][0]["worker"] == "Sam Okafor"


def test_erasure_keeps_the_numbers_and_removes_the_link_and_the_words(records, new_staff, practice_lead):
    anonymise_user(new_staff)
    feedback = DayFeedback.objects.get()
    assert feedback.respondent is None and feedback.useful == ""
    assert feedback.confidence.get().rating == 4
    assert feedback.agency_name == "Children's Social Care"
    follow_up = FollowUp.objects.get()
    assert follow_up.respondent is None and follow_up.what_happened == "" and follow_up.used_statement == "yes"
    assert not Observation.objects.exists()


def test_erasing_an_observer_keeps_their_observations_of_others(records, new_staff, practice_lead):
    anonymise_user(practice_lead)
    observation = Observation.objects.get()
    assert observation.observer is None and observation.worker == new_staff
