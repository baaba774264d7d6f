"""Every snippet list in the admin exports through Wagtail's own export (CSV
and Excel), to those who may see the list only, with formula-safe cells."""

from __future__ import annotations

import io

import openpyxl
import pytest

from lib.admin_export import ExportingSnippetViewSet, formula_safe
from matrix.models import Exemption, Training, TrainingKind

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/matrix/exemption/"


@pytest.fixture
def hostile_exemption(new_staff):
    training = Training.objects.create(slug="two-day", title="Two-day", kind=TrainingKind.CLASSROOM)
    return Exemption.objects.create(user=new_staff, training=training, reason='=HYPERLINK("http://evil.example","x")')


def test_a_training_administrator_exports_csv_with_formulas_defused(
    client, training_admin, hostile_exemption, home_page
):
    client.force_login(training_admin)
    response = client.get(LIST, {"export": "csv"})
    assert response.status_code == 200
    assert 'filename="exemptions.csv"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    assert "Sam Okafor" in body and "Two-day" in body
    assert "'=HYPERLINK" in body and ',"=HYPERLINK' not in body


def test_the_excel_export_keeps_formulas_as_text(client, training_admin, hostile_exemption, home_page):
    client.force_login(training_admin)
    response = client.get(LIST, {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    reason = next(cell for cell in cells if str(cell.value).startswith("=HYPERLINK"))
    assert reason.data_type == "s"


def test_people_without_access_to_the_list_get_no_export(
    client, new_staff, practice_lead, trainer, outsider, hostile_exemption, home_page
):
    for person in (new_staff, practice_lead, trainer, outsider):
        client.force_login(person)
        response = client.get(LIST, {"export": "csv"})
        assert response.status_code in (302, 403), person
        assert b"HYPERLINK" not in (b"".join(response.streaming_content) if response.streaming else response.content)


def test_every_snippet_list_offers_the_export():
    from wagtail.snippets.models import get_snippet_models

    for model in get_snippet_models():
        viewset = model.snippet_viewset
        assert isinstance(viewset, ExportingSnippetViewSet), model
        assert viewset.list_export, model


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_that_would_run_as_a_formula_gets_an_apostrophe(text):
    assert formula_safe(text) == "'" + text
    assert formula_safe("Sam") == "Sam" and formula_safe(3) == 3
