"""The trainers' statistics show how often trainers agree with the marking, by scenario, so its rules can be tuned."""

from __future__ import annotations

import pytest
from django.urls import reverse

from scenarios.reviewing import agreement, confirm_attempt
from scenarios.services import override_score
from scenarios.tests.trust_helpers import doubtful_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(scenario_page, make_person, trainer):
    made = [doubtful_attempt(make_person("Learner", f"N{n}"), scenario_page, score=72) for n in range(5)]
    confirm_attempt(made[0], trainer)
    confirm_attempt(made[1], trainer, "Fine.")
    override_score(made[2], trainer, 60, "Copied from the case.")
    override_score(made[3], trainer, 86, "Better than the marking says.")
    return made  # made[4] still waits


def test_agreement_counts_confirmed_and_changed_scores_and_the_mean_change(reviewed, scenario_page):
    (row,) = agreement()
    assert (row.title, row.reviewed, row.confirmed, row.changed) == (scenario_page.title, 4, 2, 2)
    assert (row.raised, row.lowered, row.agree_percent) == (1, 1, 50)
    assert row.mean_change == 1.0  # (-12 + 14) / 2


def test_a_change_to_the_same_score_counts_as_agreeing(scenario_page, make_person, trainer):
    override_score(doubtful_attempt(make_person("Same", "Score"), scenario_page, score=72), trainer, 72, "Right.")
    (row,) = agreement()
    assert (row.confirmed, row.changed, row.mean_change) == (1, 0, None)


def test_nothing_reviewed_means_no_rows(scenario_page, make_person):
    doubtful_attempt(make_person("Not", "Yet"), scenario_page)
    assert agreement() == []


@pytest.mark.parametrize("url", ["report", "reviews"])
def test_the_statistics_and_the_queue_show_the_agreement(client, reviewed, trainer, url):
    client.force_login(trainer)
    path = reverse("scenarios:report", args=["hollins-family"]) if url == "report" else reverse("scenarios:reviews")
    page = client.get(path).text
    assert "How often trainers agree with the marking" in page
    assert "2 (50%)" in page and "2 (1 up, 1 down)" in page and "+1.0 points" in page


def test_the_statistics_say_how_many_attempts_wait_for_review(client, reviewed, trainer):
    client.force_login(trainer)
    page = client.get(reverse("scenarios:report", args=["hollins-family"])).text
    assert "1 attempt at this scenario is" in page
