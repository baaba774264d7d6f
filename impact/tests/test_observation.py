"""Practice observation: a lead marks a worker's real practice against the model's rubric."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.urls import reverse

from impact.models import Observation
from impact.tests.traces import cache_entries_holding, tables_holding

pytestmark = pytest.mark.django_db
MARKER = "Pennywhistle-Okonkwo"


def observation_post(worker, **overrides):
    data = {
        "worker": str(worker.pk),
        "observed_on": "2026-10-28",
        "kind": "case_writing",
        "harm_danger": "2",
        "strengths_safety": "1",
        "statements": "2",
        "goals": "",
        "scaling": "0",
        "plain_language": "2",
        "note": "Clear danger statement; say more about who checks.",
        "save": "1",
    }
    data.update(overrides)
    return data


def test_a_practice_lead_records_an_observation_and_the_worker_sees_it_on_their_training_page(
    client, practice_lead, new_staff
):
    client.force_login(practice_lead)
    assert client.get(reverse("impact:observe")).status_code == 200
    response = client.post(reverse("impact:observe"), observation_post(new_staff))
    assert response.status_code == 302
    saved = Observation.objects.get()
    assert (saved.worker, saved.observer, saved.observed_on) == (new_staff, practice_lead, dt.date(2026, 10, 28))
    assert saved.goals is None and saved.scaling == 0
    client.force_login(new_staff)
    mine = client.get(reverse("matrix:mine")).content.decode()
    assert "Observed in practice on <strong>28 October 2026</strong>" in mine
    detail = client.get(reverse("impact:my_observation", args=[saved.pk])).content.decode()
    assert "say more about who checks" in detail and "Priya Shah" in detail


def test_pasted_text_is_checked_and_is_in_no_table_log_line_or_cache_entry(client, practice_lead, new_staff, caplog):
    from scenarios.models import JargonTerm

    # The site's jargon list (seeded by a migration; a browser test's flush can empty it).
    JargonTerm.objects.get_or_create(
        term="domestic violence", defaults={"plainer": "Say who hurt whom and how, for example 'Dad pushed Mum'."}
    )
    caplog.set_level(logging.DEBUG)
    client.force_login(practice_lead)
    text = f"We are worried about domestic violence between {MARKER} and Mum."
    checked = client.post(reverse("impact:observe"), {**observation_post(new_staff, text=text), "check": "1"})
    page = checked.content.decode()
    assert "Feedback on your" in page and "Say who hurt whom and how" in page
    assert MARKER in page  # shown back in the form so nothing is lost while marking
    saved = client.post(reverse("impact:observe"), observation_post(new_staff, text=text))
    assert saved.status_code == 302
    assert Observation.objects.count() == 1
    assert tables_holding(MARKER) == []
    assert cache_entries_holding(MARKER) == []
    assert not [r for r in caplog.records if MARKER in r.getMessage() or MARKER in str(r.args)]


def test_only_leads_and_line_managers_of_the_worker_may_observe(
    client, practice_lead, new_staff, outsider, trainer, training_admin, make_person
):
    # The health visitor is outside Priya's team: not in her list, and refused if posted.
    client.force_login(practice_lead)
    response = client.post(reverse("impact:observe"), observation_post(outsider))
    assert "Choose someone you lead or manage" in response.content.decode()
    assert not Observation.objects.exists()
    for person in (new_staff, outsider, trainer, training_admin):
        client.force_login(person)
        assert client.get(reverse("impact:observe")).status_code == 403
    manager = make_person("Mo", "Manager")
    report = make_person("Rae", "Report", line_manager=manager)
    client.force_login(manager)
    assert client.post(reverse("impact:observe"), observation_post(report)).status_code == 302


def test_a_worker_sees_only_their_own_observations(client, practice_lead, new_staff, outsider):
    observation = Observation.objects.create(
        worker=new_staff, observer=practice_lead, observed_on=dt.date(2026, 10, 1), kind="case_writing", statements=2
    )
    url = reverse("impact:my_observation", args=[observation.pk])
    for person in (outsider, practice_lead):
        client.force_login(person)
        assert client.get(url).status_code == 404


def test_a_future_date_and_an_empty_rubric_are_refused_and_the_note_kept(client, practice_lead, new_staff):
    client.force_login(practice_lead)
    data = observation_post(new_staff, observed_on="2026-12-25", note="Keep my note")
    for part in ("harm_danger", "strengths_safety", "statements", "scaling", "plain_language"):
        data[part] = ""
    page = client.post(reverse("impact:observe"), data).content.decode()
    assert "The date observed must be today or in the past" in page
    assert "Mark at least one part of the rubric" in page
    assert "Keep my note" in page
    page = client.post(reverse("impact:observe"), observation_post(new_staff, observed_on="31/02/2026")).content
    assert b"Enter the date observed as a real date" in page


def test_the_lead_sees_their_teams_rubric_profile_by_quarter(client, practice_lead, new_staff, outsider, make_person):
    other_lead = make_person("Oli", "Lead")
    for day, mark in ((dt.date(2026, 8, 3), 1), (dt.date(2026, 10, 5), 2), (dt.date(2026, 10, 20), 2)):
        Observation.objects.create(
            worker=new_staff, observer=other_lead, observed_on=day, kind="case_writing", statements=mark
        )
    Observation.objects.create(
        worker=outsider, observer=other_lead, observed_on=dt.date(2026, 10, 6), kind="case_writing", statements=0
    )
    client.force_login(practice_lead)
    page = client.get(reverse("impact:observations")).content.decode()
    assert "2026 Q3 (1 observed)" in page and "2026 Q4 (2 observed)" in page
    assert "100% (2 of 2; 0 developing)" in page
    assert "Hannah" not in page
    client.force_login(outsider)
    assert client.get(reverse("impact:observations")).status_code == 403
