"""Field-level history of compliance records: who changed what, from what, to
what, when and why; on the person's matrix page (administrators only), in
their data export, and kept through erasure."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.urls import reverse

from matrix import services
from matrix.models import CompletionRecord, CompletionSource, Exemption
from privacy.registry import anonymise_user, export_user_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def completion(new_staff, trainings, requirements):
    return services.record_completion(
        new_staff, trainings["elearning"], dt.date(2026, 10, 5), CompletionSource.ELEARNING, "course:1"
    )


def edit_url(model: str, pk: int) -> str:
    return f"/admin/snippets/{model}/edit/{pk}/"


def admin_form(completion, **changes):
    data = {
        "user": completion.user_id,
        "training": completion.training_id,
        "completed_on": "2026-10-05",
        "source": completion.source,
        "source_ref": completion.source_ref,
        "expires_on": "",
        "change_reason": "",
    }
    data.update(changes)
    return data


def edit_completion(client, completion, **changes):
    with time_machine.travel(dt.datetime(2026, 11, 3, 10, 30, tzinfo=dt.UTC)):
        return client.post(edit_url("matrix/completionrecord", completion.pk), admin_form(completion, **changes))


def test_an_admin_edit_shows_old_and_new_values_with_the_editors_name_on_the_persons_page(
    client, training_admin, completion, new_staff, home_page
):
    client.force_login(training_admin)
    response = edit_completion(
        client, completion, completed_on="2026-10-12", change_reason="Certificate showed 12 October"
    )
    assert response.status_code == 302
    page = client.get(reverse("matrix:person", args=[new_staff.pk])).content.decode()
    history = page.split('id="history"', 1)[1]
    assert "Completion of E-learning: changed" in history
    assert "5 October 2026" in history and "12 October 2026" in history
    assert "by Alex Morgan" in history and "Reason: Certificate showed 12 October" in history
    assert "3 November 2026" in history


def test_an_admin_must_say_why_when_changing_a_record(client, training_admin, completion, home_page):
    client.force_login(training_admin)
    response = edit_completion(client, completion, completed_on="2026-10-12")
    assert response.status_code == 200
    assert "Enter why you are making this change" in response.content.decode()
    completion.refresh_from_db()
    assert completion.completed_on == dt.date(2026, 10, 5)


def test_the_edit_is_in_the_persons_data_export(client, training_admin, completion, new_staff, home_page):
    client.force_login(training_admin)
    edit_completion(client, completion, completed_on="2026-10-12", change_reason="Certificate showed 12 October")
    history = export_user_data(new_staff)["training_record"]["history"]
    edit = next(c for c in history if c["action"] == "Changed")
    assert edit["who"] == "Alex Morgan" and edit["reason"] == "Certificate showed 12 October"
    assert {"field": "Completed on", "from": "5 October 2026", "to": "12 October 2026"} in edit["fields"]
    created = next(c for c in history if c["record"] == "Completion of E-learning" and c["action"] == "Created")
    assert created["who"] == "The platform"
    json.dumps(export_user_data(new_staff), default=str)  # the download is JSON


def test_profile_changes_are_kept_with_the_editor_and_reason(
    client, training_admin, new_staff, partnership, home_page, requirements
):
    profile = new_staff.profile
    client.force_login(training_admin)
    data = {
        "agency": profile.agency_id,
        "team": partnership["teams"]["south"].pk,
        "role": profile.role_id,
        "start_date": "2026-09-01",
        "line_manager": "",
        "leads_agency": "",
        "change_reason": "Moved to the south team",
    }
    assert client.post(edit_url("people/learnerprofile", profile.pk), data).status_code == 302
    history = export_user_data(new_staff)["account"]["profile_history"]
    change = history[-1]
    assert change["who"] == "Alex Morgan" and change["reason"] == "Moved to the south team"
    assert change["fields"] == [
        {
            "field": "Team",
            "from": "Assessment Team North (Children's Social Care)",
            "to": "Assessment Team South (Children's Social Care)",
        }
    ]


def test_exemptions_and_requirements_keep_their_history(client, training_admin, new_staff, trainings, requirements):
    exemption = Exemption.objects.create(user=new_staff, training=trainings["two_day"], reason="Done elsewhere")
    exemption.reason = "Completed the same course at Westshire"
    exemption._change_reason = "Evidence received"
    exemption.save()
    requirement = requirements["two-day"]
    requirement.due_within = 9
    requirement.save()
    client.force_login(training_admin)
    history = client.get(reverse("matrix:person", args=[new_staff.pk])).content.decode().split('id="history"')[1]
    assert "Exemption from Two-day: changed" in history
    assert "Done elsewhere" in history and "Completed the same course at Westshire" in history
    assert "Reason: Evidence received" in history
    assert "Requirement for Social worker (every agency): Two-day: changed" in history


def test_only_administrators_see_the_history(
    client, practice_lead, training_admin, new_staff, outsider, trainer, completion
):
    url = reverse("matrix:person", args=[new_staff.pk])
    client.force_login(practice_lead)
    page = client.get(url)
    assert page.status_code == 200 and "Sam Okafor" in page.content.decode()
    assert 'id="history"' not in page.content.decode()
    client.force_login(training_admin)
    assert 'id="history"' in client.get(url).content.decode()


def test_nobody_outside_the_persons_scope_sees_their_page(
    client, practice_lead, new_staff, south_worker, outsider, trainer, completion
):
    client.force_login(practice_lead)
    assert client.get(reverse("matrix:person", args=[south_worker.pk])).status_code == 404
    assert client.get(reverse("matrix:person", args=[999999])).status_code == 404
    for person in (outsider, trainer, new_staff):
        client.force_login(person)
        assert client.get(reverse("matrix:person", args=[new_staff.pk])).status_code == 403
    client.logout()
    assert "/accounts/login/" in client.get(reverse("matrix:person", args=[new_staff.pk]))["Location"]


def test_erasure_keeps_the_history_but_removes_reasons_and_names(
    client, training_admin, new_staff, trainings, completion, home_page
):
    exemption = Exemption.objects.create(user=new_staff, training=trainings["two_day"], reason="Long-term sick leave")
    client.force_login(training_admin)
    edit_completion(client, completion, completed_on="2026-10-12", change_reason="Sam told us about a health issue")
    before = CompletionRecord.history.filter(user_id=new_staff.pk).count()
    anonymise_user(new_staff)
    assert CompletionRecord.history.filter(user_id=new_staff.pk).count() == before
    assert set(Exemption.history.filter(id=exemption.pk).values_list("reason", flat=True)) == {
        "Reason removed when the person was erased"
    }
    history = export_user_data(new_staff)["training_record"]["history"]
    edit = next(c for c in history if c["action"] == "Changed")
    assert {"field": "Completed on", "from": "5 October 2026", "to": "12 October 2026"} in edit["fields"]
    assert edit["who"] == "Alex Morgan"
    assert "health" not in json.dumps(history, default=str)
