"""What the scenario pages say and link to: trainers reach the statistics; the result names categories
and people as the builder does; the dashboard says how many passes a set needs; accept links say
whose text they take."""

from __future__ import annotations

import pytest
from django.urls import reverse

from scenarios.tests.conftest import submitted_attempt

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "sees"),
    [("trainer", True), ("training_admin", True), ("new_staff", False), ("practice_lead", False)],
)
@pytest.mark.parametrize("where", ["/scenarios/", "/scenarios/hollins-family/", "/"])
def test_trainers_and_training_admins_are_linked_to_the_statistics(
    client, scenario_page, persona, sees, where, request
):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(where)
    assert response.status_code == 200
    assert (f'href="{reverse("scenarios:report", args=["hollins-family"])}"' in response.text) is sees


def test_the_result_names_categories_as_the_builder_does(client, scenario_page, hollins, new_staff):
    attempt = submitted_attempt(new_staff, scenario_page, hollins, **{"place-programme": "safety"})
    client.force_login(new_staff)
    text = client.get(reverse("scenarios:result", args=[attempt.pk])).text
    assert "Complicating factor" in text and "Existing safety" in text
    assert "Complicatingfactor" not in text
    assert "Your result" in text and "Your score" in text


def test_a_trainer_viewing_a_learners_result_reads_their_name(client, scenario_page, hollins, new_staff, trainer):
    attempt = submitted_attempt(new_staff, scenario_page, hollins)
    client.force_login(trainer)
    text = client.get(reverse("scenarios:result", args=[attempt.pk])).text
    name = new_staff.get_full_name()
    assert f"{name}'s result" in text and "Their score" in text
    assert "Your result" not in text and "Your score" not in text and "Your danger statements" not in text


def test_the_feedback_list_does_not_borrow_the_courses_feedback_box(client, scenario_page, hollins, new_staff):
    attempt = submitted_attempt(new_staff, scenario_page, hollins, **{"place-programme": "safety"})
    client.force_login(new_staff)
    text = client.get(reverse("scenarios:result", args=[attempt.pk])).text
    # .app-feedback is the courses app's bordered box; a bullet list inside it drew its bullets over the border.
    assert 'class="govuk-list govuk-list--bullet app-feedback"' not in text
    assert "app-scenario-feedback" in text


def test_the_dashboard_says_how_many_passes_a_set_needs(
    client, practice_set, scenario_page, hollins, new_staff, councillor
):
    from matrix.models import Requirement

    practice_set.passes_needed = 2
    practice_set.save()
    Requirement.objects.create(training=practice_set.training, role=new_staff.profile.role, due_within=90)
    # Only where the matrix requires the set: a councillor is not told "0 of 2".
    client.force_login(councillor)
    assert "scenarios passed" not in client.get("/").text
    client.force_login(new_staff)
    assert "0 of 2 scenarios passed for Practice" in client.get("/").text
    submitted_attempt(new_staff, scenario_page, hollins)
    assert "1 of 2 scenarios passed for Practice" in client.get("/").text


def test_the_accept_links_say_whose_text_they_accept(client, scenario_page, hollins, new_staff, trainer):
    submitted_attempt(new_staff, scenario_page, hollins)
    client.force_login(trainer)
    text = client.get(reverse("scenarios:report", args=["hollins-family"])).text
    name = new_staff.get_full_name()
    assert f"({name}, 1)" not in text
    assert f"{name}'s danger statement 1" in text and f"{name}'s safety goal 1" in text
