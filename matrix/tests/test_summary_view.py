"""The summary: agency x role, drilling down to teams; headline figures; the chart."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from matrix import services
from matrix.models import CompletionSource

pytestmark = pytest.mark.django_db
URL = reverse("matrix:summary")


@pytest.mark.parametrize("name", ["summary", "board"])
def test_only_practice_leads_and_administrators_may_see_it(client, new_staff, outsider, requirements, name):
    url = reverse(f"matrix:{name}")
    assert client.get(url).status_code == 302
    client.force_login(new_staff)
    assert client.get(url).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def test_it_counts_the_share_complete_for_each_agency_and_role(
    client, training_admin, new_staff, south_worker, requirements, trainings
):
    services.record_completion(new_staff, trainings["elearning"], dt.date(2026, 9, 10), CompletionSource.ELEARNING)
    client.force_login(training_admin)
    response = client.get(URL)
    row = next(r for r in response.context["rows"] if r.labels == ["Children's Social Care", "Social worker"])
    cell = row.cells[trainings["elearning"].pk]
    assert (cell.complete, cell.required, cell.percent) == (1, 2, 50)
    assert "50%" in response.content.decode()


def test_the_headline_counts_people_who_have_done_everything_they_must(
    client, training_admin, new_staff, outsider, requirements, trainings
):
    # The health visitor needs only the e-learning; the social worker needs three trainings.
    services.record_completion(outsider, trainings["elearning"], dt.date(2026, 9, 10), CompletionSource.ELEARNING)
    services.record_completion(new_staff, trainings["elearning"], dt.date(2026, 9, 10), CompletionSource.ELEARNING)
    client.force_login(training_admin)
    headline = client.get(URL).context["headline"]
    assert headline.trained == 1
    assert headline.required == 3  # the administrator herself must do the e-learning too
    assert headline.percent == 33


def test_it_drills_down_to_teams_then_people(client, practice_lead, new_staff, requirements, partnership):
    client.force_login(practice_lead)
    params = {"agency": partnership["csc"].pk, "role": partnership["roles"]["social-worker"].pk}
    response = client.get(URL, params)
    assert response.status_code == 200
    assert [r.labels for r in response.context["rows"]] == [["Assessment Team North"]]
    people = reverse("matrix:people") + f"?team={partnership['teams']['north'].pk}"
    assert people in response.content.decode()


def test_a_lead_drilling_into_another_agency_gets_a_404(client, practice_lead, outsider, requirements, partnership):
    client.force_login(practice_lead)
    params = {"agency": partnership["health"].pk, "role": partnership["roles"]["health-visitor"].pk}
    assert client.get(URL, params).status_code == 404
    assert client.get(URL, {"agency": "x", "role": "1"}).status_code == 404


def test_the_lead_s_summary_counts_only_their_people(
    client, practice_lead, new_staff, south_worker, outsider, requirements
):
    client.force_login(practice_lead)
    rows = client.get(URL).context["rows"]
    assert sum(r.people for r in rows) == 2  # Sam and the lead herself


def test_the_chart_is_drawn_on_the_server_with_a_table_of_its_figures(
    client, training_admin, new_staff, requirements, trainings
):
    services.record_completion(new_staff, trainings["elearning"], dt.date(2026, 9, 10), CompletionSource.ELEARNING)
    client.force_login(training_admin)
    body = client.get(URL).content.decode()
    assert '<svg class="app-matrix-chart__svg"' in body
    assert "September 2026" in body


def test_the_summary_and_board_cost_a_fixed_number_of_queries(
    client, training_admin, make_person, requirements, trainings, django_assert_max_num_queries
):
    from matrix.tests.test_person_view import count_queries

    def add_people(start: int, n: int) -> None:
        for i in range(start, start + n):
            person = make_person("Many", f"Person{i}", team="south" if i % 2 else "north")
            services.record_completion(person, trainings["elearning"], dt.date(2026, 9, 10), CompletionSource.ELEARNING)

    client.force_login(training_admin)
    client.get(URL)
    add_people(0, 2)
    few = [count_queries(client, URL), count_queries(client, reverse("matrix:board"))]
    add_people(2, 30)
    with django_assert_max_num_queries(20):
        client.get(URL)
    with django_assert_max_num_queries(20):
        client.get(reverse("matrix:board"))
    assert [count_queries(client, URL), count_queries(client, reverse("matrix:board"))] == few


def test_the_board_report_is_one_printable_page(client, training_admin, new_staff, requirements):
    client.force_login(training_admin)
    body = client.get(reverse("matrix:board")).content.decode()
    assert "report to the safeguarding board" in body
    assert "js/matrix/print.js" in body


def test_the_cached_summary_changes_as_soon_as_a_completion_is_recorded(
    client, training_admin, new_staff, requirements, trainings
):
    client.force_login(training_admin)
    before = client.get(URL).context["headline"]
    assert client.get(URL).context["headline"] == before  # served from the cache
    services.record_completion(new_staff, trainings["elearning"], dt.date(2026, 9, 10), CompletionSource.ELEARNING)
    services.record_completion(new_staff, trainings["two_day"], dt.date(2026, 9, 12), CompletionSource.CLASSROOM)
    services.record_completion(new_staff, trainings["scenarios"], dt.date(2026, 9, 14), CompletionSource.SCENARIO)
    after = client.get(URL).context["headline"]
    assert after.trained == before.trained + 1
    board = client.get(reverse("matrix:board")).context
    assert board["headline"] == after


def test_a_repeat_visit_to_the_summary_is_answered_from_the_cache(
    client, training_admin, new_staff, requirements, django_assert_max_num_queries
):
    from matrix.tests.test_person_view import count_queries

    client.force_login(training_admin)
    cold = count_queries(client, URL)
    client.get(URL)
    with django_assert_max_num_queries(cold - 5):
        client.get(URL)


def test_someone_who_moves_team_is_counted_in_their_new_team_at_once(
    client, training_admin, new_staff, requirements, partnership
):
    client.force_login(training_admin)
    params = {"agency": partnership["csc"].pk, "role": partnership["roles"]["social-worker"].pk}
    assert [r.labels for r in client.get(URL, params).context["rows"]] == [["Assessment Team North"]]
    profile = new_staff.profile
    profile.team = partnership["teams"]["south"]
    profile.save()
    rows = client.get(URL, params).context["rows"]
    assert [r.labels for r in rows] == [["Assessment Team South"]]
    assert all(cell.required for cell in rows[0].cells.values())


def test_a_role_change_moves_the_person_and_their_requirements_to_the_new_row(
    client, training_admin, new_staff, requirements, partnership, trainings
):
    client.force_login(training_admin)
    social_worker = ("Children's Social Care", "Social worker")
    before = {tuple(r.labels): r for r in client.get(URL).context["rows"]}
    assert before[social_worker].cells[trainings["two_day"].pk].required == 1
    profile = new_staff.profile
    profile.role = partnership["roles"]["practice-lead"]
    profile.save()
    after = {tuple(r.labels): r for r in client.get(URL).context["rows"]}
    assert social_worker not in after
    lead_row = after[("Children's Social Care", "Practice lead")]
    assert lead_row.people == 1
    assert lead_row.cells[trainings["elearning"].pk].required == 1
    assert trainings["two_day"].pk not in lead_row.cells
