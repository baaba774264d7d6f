"""Authoring in the Wagtail admin: the page editor, validation, the jargon list snippet."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from scenarios.models import JargonTerm

pytestmark = pytest.mark.django_db


def test_the_jargon_list_is_seeded_with_the_common_labels():
    terms = set(JargonTerm.objects.values_list("term", flat=True))
    assert {"DV", "neglect", "substance misuse", "non-engagement", "CP plan", "LAC", "parental capacity"} <= terms
    assert all(JargonTerm.objects.values_list("plainer", flat=True))


@pytest.mark.parametrize("persona", ["content_editor", "training_admin"])
def test_editors_and_training_admins_can_edit_the_jargon_list(client, persona, request):
    from django.core.management import call_command

    call_command("migrate", "scenarios", verbosity=0)  # re-runs post_migrate, as a deploy does
    user = request.getfixturevalue(persona)
    assert user.has_perm("scenarios.change_jargonterm")
    client.force_login(user)
    assert client.get("/admin/snippets/scenarios/jargonterm/").status_code == 200


def test_a_learner_cannot_edit_the_jargon_list(client, new_staff):
    client.force_login(new_staff)
    assert client.get("/admin/snippets/scenarios/jargonterm/").status_code in (302, 403)


def test_the_page_editor_opens_for_a_scenario(client, scenario_page, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@northbridge.gov.uk", "x-long-password-1")
    client.force_login(admin)
    assert client.get(f"/admin/pages/{scenario_page.pk}/edit/").status_code == 200


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"weight_scaling": 20}, "weights: must add up to 100, not 110"),
        ({"scaling_min": 7}, "scaling.min: 7 is more than scaling.max"),
        ({"summary": ""}, "summary: is empty"),
    ],
)
def test_a_page_that_breaks_a_file_rule_cannot_be_saved(scenario_page, change, message):
    for field, value in change.items():
        setattr(scenario_page, field, value)
    with pytest.raises(ValidationError, match=message):
        scenario_page.clean()


def test_duplicate_item_ids_are_refused(scenario_page):
    raw = list(scenario_page.items.raw_data)
    raw[1]["value"]["item_id"] = raw[0]["value"]["item_id"]
    scenario_page.items = raw
    with pytest.raises(ValidationError, match="is used by another item"):
        scenario_page.clean()


def test_the_page_converts_to_the_same_scenario_as_the_file(scenario_page, hollins):
    assert scenario_page.to_scenario() == hollins


JARGON_STATEMENT_ERROR = (
    "The model answer would score 95, not 100: model danger statement 1 uses 'DV', a term on the site-wide "
    "jargon list; model danger statement 1 uses 'neglect', a term on the site-wide jargon list. "
    "Learners could not reach full marks."
)


def _with_jargon(text: str) -> str:
    return text.replace("caught up in the fighting", "caught up in the DV and neglect")


def test_a_page_whose_model_answer_uses_jargon_cannot_be_saved(scenario_page):
    raw = list(scenario_page.statements.raw_data)
    raw[0]["value"]["text"] = _with_jargon(raw[0]["value"]["text"])
    scenario_page.statements = raw
    with pytest.raises(ValidationError) as caught:
        scenario_page.clean()
    assert caught.value.messages == [JARGON_STATEMENT_ERROR]


def test_the_page_editor_refuses_jargon_in_a_model_statement_and_keeps_the_page(client, scenario_page, superuser):
    from django.urls import reverse

    from scenarios.tests.admin_form import page_form_data

    scenario = scenario_page.to_scenario()
    revision = scenario_page.latest_revision_id
    data = page_form_data(scenario, **{"statements-0-value-text": _with_jargon(scenario.statements[0].text)})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[scenario_page.pk]), {**data, "action-publish": ""})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [JARGON_STATEMENT_ERROR]
    assert "The page could not be saved" in response.text and "uses &#x27;DV&#x27;" in response.text
    scenario_page.refresh_from_db()
    assert scenario_page.latest_revision_id == revision
    assert "DV" not in scenario_page.to_scenario().statements[0].text
    # The same form without the jargon saves.
    saved = client.post(reverse("wagtailadmin_pages:edit", args=[scenario_page.pk]), page_form_data(scenario))
    assert saved.status_code == 302


def test_the_page_editor_refuses_a_new_scenario_with_jargon_in_its_model_answer(client, home_page, hollins, superuser):
    from django.urls import reverse

    from scenarios.demo import ensure_index
    from scenarios.models import ScenarioPage
    from scenarios.tests.admin_form import page_form_data

    index = ensure_index()
    url = reverse("wagtailadmin_pages:add", args=["scenarios", "scenariopage", index.pk])
    data = page_form_data(hollins, **{"statements-0-value-text": _with_jargon(hollins.statements[0].text)})
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [JARGON_STATEMENT_ERROR]
    assert not ScenarioPage.objects.exists()
    assert client.post(url, page_form_data(hollins)).status_code == 302
    assert ScenarioPage.objects.get().to_scenario().statements == hollins.statements
