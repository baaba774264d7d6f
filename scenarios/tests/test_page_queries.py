"""The builder and result pages run a fixed number of queries, however many attempts exist,
and the page -> Scenario conversion is cached per page revision."""

from __future__ import annotations

import pytest
from django.urls import reverse

from scenarios.convert import cached_scenario
from scenarios.forms import MappingForm
from scenarios.services import start_attempt, submit_attempt
from scenarios.tests.conftest import model_post

pytestmark = pytest.mark.django_db

BUILDER_QUERIES = 8  # the last: whether the learner has seen the model answer (a practice attempt)
# The scenario's accepted alternatives (which record every rescoring), noting that the owner has now
# seen the model answer (one INSERT ... ON CONFLICT DO NOTHING), and the trainers' comments.
RESULT_QUERIES = 11


def _submit(user, page, scenario):
    attempt = start_attempt(user, page)
    form = MappingForm(scenario, model_post(scenario, **{"place-programme": "safety"}), submitting=True)
    assert form.is_valid(), form.errors
    submit_attempt(attempt, form.mapping_data)
    return attempt


@pytest.mark.parametrize("others", [1, 12])
def test_the_builder_and_result_pages_run_a_fixed_number_of_queries(
    client, scenario_page, hollins, new_staff, make_person, others, django_assert_max_num_queries
):
    for n in range(others):
        _submit(make_person("Other", f"L{n}"), scenario_page, hollins)
        start_attempt(new_staff, scenario_page)
    draft = start_attempt(new_staff, scenario_page)
    done = _submit(new_staff, scenario_page, hollins)
    client.force_login(new_staff)
    builder = reverse("scenarios:builder", args=[draft.pk])
    result = reverse("scenarios:result", args=[done.pk])
    with django_assert_max_num_queries(BUILDER_QUERIES):
        assert client.get(builder).status_code == 200
    with django_assert_max_num_queries(RESULT_QUERIES):
        assert client.get(result).status_code == 200


def test_the_scenario_is_converted_once_per_revision(scenario_page):
    from scenarios.models import ScenarioPage

    first = cached_scenario(ScenarioPage.objects.get(pk=scenario_page.pk))
    assert cached_scenario(ScenarioPage.objects.get(pk=scenario_page.pk)) is first
    page = ScenarioPage.objects.get(pk=scenario_page.pk)
    page.pass_mark = 80
    page.save_revision().publish()
    changed = cached_scenario(ScenarioPage.objects.get(pk=scenario_page.pk))
    assert changed is not first and changed.pass_mark == 80


def test_an_unsaved_page_is_never_cached(scenario_page):
    from scenarios.models import ScenarioPage

    page = ScenarioPage(title="New", slug="new-one")
    page.__dict__.update({k: v for k, v in scenario_page.__dict__.items() if k not in {"id", "page_ptr_id", "pk"}})
    page.pk = None
    page.id = None
    assert cached_scenario(page) is not cached_scenario(page)
