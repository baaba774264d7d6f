"""Authors preview a scenario in the admin before it is saved, and after."""

from __future__ import annotations

import pytest
from django.urls import reverse

from scenarios.demo import ensure_index
from scenarios.tests.admin_form import page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, superuser):
    return client


def _preview(client, url, data):
    posted = client.post(url, data)
    assert posted.status_code == 200
    assert posted.json() == {"is_valid": True, "is_available": True}
    return client.get(url)


def test_a_scenario_not_saved_yet_previews_with_its_title_and_narrative(editor, home_page, hollins):
    index = ensure_index()
    url = reverse("wagtailadmin_pages:preview_on_add", args=["scenarios", "scenariopage", index.pk])
    response = _preview(editor, url, page_form_data(hollins, title="The Hollins family (draft)"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The Hollins family (draft)" in html
    assert "hid under the bed until the shouting stopped" in html
    from scenarios.models import ScenarioPage

    assert not ScenarioPage.objects.exists()


def test_a_saved_scenario_previews_its_unsaved_changes(editor, scenario_page, hollins):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[scenario_page.pk])
    data = page_form_data(hollins, narrative=hollins.narrative + "\n\nA new paragraph the author is trying.")
    response = _preview(editor, url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert hollins.title in html
    assert "A new paragraph the author is trying." in html
    scenario_page.refresh_from_db()
    assert "A new paragraph" not in scenario_page.narrative
