"""The daily emails that ask learners for what impact needs, each sent once."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from impact.models import EventPlan
from impact.tests.conftest import AFTER_DAY_1, THREE_MONTHS_ON, attend
from outbox.models import OutboundEmail

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    call_command("send_impact_prompts", stdout=out)
    return out.getvalue()


def test_learners_are_emailed_for_the_mapping_feedback_and_follow_up_once_each(
    clock, event, trainer, attendees, scenario_pair, settings
):
    EventPlan.objects.create(event=event, before_scenario=scenario_pair[0], after_scenario=scenario_pair[1])
    # A month ahead: too early to ask for the mapping before day one.
    assert "Sent 0 before-course" in run()
    clock.move_to("2026-11-20 09:00Z")
    assert "Sent 3 before-course" in run()
    assert "Sent 0 before-course" in run()
    first = OutboundEmail.objects.get(key=f"impact-before:{event.pk}:{attendees[0].pk}:0")
    assert "/scenarios/hollins-family/" in first.body_text and first.to == [attendees[0].email]
    clock.move_to(AFTER_DAY_1)
    attend(event, trainer, attendees[:2], days=(1,))
    assert "2 day feedback" in run()
    assert (
        "How was day 1 of your training?"
        in OutboundEmail.objects.filter(key__startswith="impact-feedback").first().subject
    )
    clock.move_to(THREE_MONTHS_ON)
    attend(event, trainer, attendees[:2], days=(2,))
    assert "2 follow-up" in run()
    assert "0 follow-up" in run()
