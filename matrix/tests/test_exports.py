"""CSV and Excel downloads: same people as the page, streamed, and safe to open."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("name", ["people_export", "summary_export"])
def test_learners_may_not_download(client, new_staff, outsider, requirements, name):
    url = reverse(f"matrix:{name}", args=["csv"])
    assert client.get(url).status_code == 302
    client.force_login(new_staff)
    assert client.get(url).status_code == 403


def test_a_practice_lead_downloads_only_their_people(
    client, practice_lead, new_staff, south_worker, outsider, requirements
):
    client.force_login(practice_lead)
    rows = csv_rows(client.get(reverse("matrix:people_export", args=["csv"])))
    names = {row[0] for row in rows[1:]}
    assert names == {"Sam Okafor", "Priya Shah"}
    assert rows[0][:6] == ["Name", "Email", "Agency", "Team", "Role", "Start date"]


def test_a_lead_filtering_an_export_to_another_team_gets_a_404(client, practice_lead, partnership, requirements):
    client.force_login(practice_lead)
    url = reverse("matrix:people_export", args=["xlsx"])
    assert client.get(url, {"team": partnership["teams"]["south"].pk}).status_code == 404


def test_formula_like_names_are_made_safe_in_both_formats(client, training_admin, make_person, requirements):
    make_person('=HYPERLINK("http://evil","x")', "Smith")
    client.force_login(training_admin)
    rows = csv_rows(client.get(reverse("matrix:people_export", args=["csv"]), {"q": "Smith"}))
    assert rows[1][0].startswith("'=HYPERLINK")
    response = client.get(reverse("matrix:people_export", args=["xlsx"]), {"q": "Smith"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["A2"].value.startswith("'=HYPERLINK")
    assert sheet["A2"].data_type == "s"


def test_the_summary_downloads_with_counts_and_a_total(client, training_admin, new_staff, requirements):
    client.force_login(training_admin)
    rows = csv_rows(client.get(reverse("matrix:summary_export", args=["csv"])))
    assert rows[0][:3] == ["Agency", "Role", "People"]
    assert rows[-1][0] == "All"
    response = client.get(reverse("matrix:summary_export", args=["xlsx"]))
    assert response["Content-Disposition"].startswith('attachment; filename="training-matrix-summary-')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["A1"].value == "Agency"


def test_an_unknown_format_is_not_found(client, training_admin):
    client.force_login(training_admin)
    assert client.get(reverse("matrix:people_export", args=["pdf"])).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_says_its_length_and_its_row_count(
    client, training_admin, new_staff, south_worker, requirements, fmt
):
    client.force_login(training_admin)
    response = client.get(reverse("matrix:people_export", args=[fmt]))
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body)
    if fmt == "csv":
        assert int(response["X-Export-Rows"]) == len(csv_rows_of(body)) - 1 >= 2


def csv_rows_of(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_cut_short_is_an_error_not_a_file_that_looks_complete(
    client, training_admin, make_person, requirements, monkeypatch, fmt
):
    """The database failing after some rows (or the worker being stopped
    halfway) must never reach the user as a 200 download with fewer rows."""
    from django.db import OperationalError

    from matrix import reports

    for n in range(5):
        make_person(f"Person{n}", "Export")
    real = reports.iter_people

    def fails_halfway(qs, columns, batch=2000):
        for n, row in enumerate(real(qs, columns, batch)):
            if n == 3:
                raise OperationalError("the server closed the connection unexpectedly")
            yield row

    monkeypatch.setattr(reports, "iter_people", fails_halfway)
    client.force_login(training_admin)
    client.raise_request_exception = False
    response = client.get(reverse("matrix:people_export", args=[fmt]))
    assert response.status_code == 500
    assert "Content-Disposition" not in response


def test_the_people_export_walks_everyone_with_one_query_for_the_list(
    client, training_admin, make_person, requirements, django_assert_max_num_queries
):
    """One sorted read of the people, however many batches their cells take."""
    from matrix import reports
    from matrix.models import Training
    from people.models import LearnerProfile

    for n in range(7):
        make_person(f"Person{n}", "Batch")
    columns = list(Training.objects.all())
    qs = LearnerProfile.objects.filter(role__isnull=False).order_by("user__last_name", "user__first_name")
    with django_assert_max_num_queries(1 + 4):  # the list, then one query of cells for each batch of 2
        rows = list(reports.iter_people(qs, columns, batch=2))
    assert len(rows) == qs.count() >= 7
    assert [r.name for r in rows] == [f"{p.user.first_name} {p.user.last_name}".strip() for p in qs]
