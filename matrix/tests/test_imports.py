"""Importing staff and past completions: upload, preview, confirm; all rows or none."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from matrix.models import CompletionRecord, ImportBatch, RequirementAssignment
from people.models import User

pytestmark = pytest.mark.django_db
STAFF_URL = reverse("matrix:import_upload", args=["staff"])
GOOD_STAFF = (
    "Name,Email,Agency,Team,Role,Start date,Line manager email\n"
    "Dana Fox,dana.fox@northbridge.gov.uk,Children's Social Care,Assessment Team North,Social worker,01/10/2026,"
    "eli.stone@northbridge.gov.uk\n"
    "Eli Stone,eli.stone@northbridge.gov.uk,childrens-social-care,Assessment Team South,Team manager,2019-04-01,\n"
)


def upload(client, text: str | bytes, name: str = "staff.csv", url: str = STAFF_URL):
    content = text.encode() if isinstance(text, str) else text
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize("persona", ["new_staff", "practice_lead", "outsider", "trainer"])
def test_only_training_administrators_may_import(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(STAFF_URL).status_code == 403
    assert upload(client, GOOD_STAFF).status_code == 403
    assert not ImportBatch.objects.exists()


def test_signed_out_visitors_are_asked_to_sign_in(client):
    assert client.get(STAFF_URL).status_code == 302


def test_staff_are_previewed_then_imported_in_one_go(client, training_admin, requirements):
    client.force_login(training_admin)
    response = upload(client, GOOD_STAFF)
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("matrix:import_preview", args=[batch.pk])
    preview = client.get(response["Location"]).content.decode()
    assert "All 2 rows are ready to import" in preview
    assert not User.objects.filter(email="dana.fox@northbridge.gov.uk").exists()

    client.post(reverse("matrix:import_preview", args=[batch.pk]))
    dana = User.objects.get(email="dana.fox@northbridge.gov.uk")
    assert dana.profile.line_manager.email == "eli.stone@northbridge.gov.uk"
    assert dana.profile.team.name == "Assessment Team North"
    assert not dana.has_usable_password()
    assert RequirementAssignment.objects.filter(user=dana).count() == 3  # on the matrix at once
    batch.refresh_from_db()
    assert batch.imported_rows == 2


def test_confirming_twice_imports_once(client, training_admin):
    client.force_login(training_admin)
    batch_url = upload(client, GOOD_STAFF)["Location"]
    client.post(batch_url)
    response = client.post(batch_url, follow=True)
    assert "already been imported" in response.content.decode()
    assert User.objects.filter(email__endswith="northbridge.gov.uk", first_name__in=["Dana", "Eli"]).count() == 2


def test_one_bad_row_means_nothing_is_imported_and_every_problem_is_listed(client, training_admin, new_staff):
    client.force_login(training_admin)
    bad = GOOD_STAFF + (
        f"Sam Again,{new_staff.email},Children's Social Care,Assessment Team North,Social worker,2026-13-01,\n"
        '=HYPERLINK("http://evil"),x@northbridge.gov.uk,Mars Agency,Crew,Astronaut,2026-01-01,\n'
    )
    preview = client.get(upload(client, bad)["Location"]).content.decode()
    assert "Nothing has been imported" in preview
    for text in (
        "already has an account",
        "not a date we can read",
        "treat as a formula",
        "no agency called",
        "no role called",
    ):
        assert text in preview
    assert "Import 2 rows" not in preview
    response = client.post(reverse("matrix:import_preview", args=[ImportBatch.objects.get().pk]), follow=True)
    assert "Nothing was imported" in response.content.decode()
    assert not User.objects.filter(email="dana.fox@northbridge.gov.uk").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rubbish.csv", b"\x00\x01\x02" * 1000, "binary data"),
        ("staff.exe", b"MZ...", "must be a CSV file"),
        ("big.csv", b"x" * (6 * 1024 * 1024), "too big"),
    ],
)
def test_unreadable_files_are_refused_on_upload(client, training_admin, name, content, message):
    client.force_login(training_admin)
    response = upload(client, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_past_completions_are_imported_and_change_the_matrix(client, training_admin, new_staff, requirements):
    client.force_login(training_admin)
    text = f"email,training,completed on\n{new_staff.email},two-day-foundation,15/09/2026\n"
    batch_url = upload(client, text, "done.csv", reverse("matrix:import_upload", args=["completions"]))["Location"]
    assert "ready to import" in client.get(batch_url).content.decode()
    client.post(batch_url)
    record = CompletionRecord.objects.get(user=new_staff)
    assert record.source == "imported"
    assert (
        RequirementAssignment.objects.get(user=new_staff, requirement__training__slug="two-day-foundation").status
        == "complete"
    )


def test_uploading_without_choosing_a_file_says_what_to_do(client, training_admin):
    client.force_login(training_admin)
    response = client.post(reverse("matrix:import_upload", args=["staff"]), {})
    assert response.status_code == 200
    assert "Choose a CSV or Excel file to upload" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_row_naming_a_manager_who_may_not_line_manage_is_refused_with_the_rule_s_reason(
    client, training_admin, partnership, outsider
):
    """The same line-manager rule as an administrator's edit: an existing account
    in a role that may not line-manage, someone from an agency this one does
    not accept managers from, and someone in this file whose role may not."""
    partnership["roles"]["business-support"].may_line_manage = False
    partnership["roles"]["business-support"].save()
    text = (
        "Name,Email,Agency,Team,Role,Start date,Line manager email\n"
        f"Dana Fox,dana.fox@northbridge.gov.uk,childrens-social-care,Assessment Team North,Social worker,"
        f"01/10/2026,{training_admin.email}\n"
        f"Fin Hale,fin.hale@northbridge.gov.uk,childrens-social-care,Assessment Team North,Social worker,"
        f"01/10/2026,{outsider.email}\n"
        "Gus Ives,gus.ives@northbridge.gov.uk,childrens-social-care,Assessment Team North,Social worker,"
        "01/10/2026,hal.jay@northbridge.gov.uk\n"
        "Hal Jay,hal.jay@northbridge.gov.uk,childrens-social-care,Assessment Team North,Business support officer,"
        "01/10/2026,\n"
    )
    client.force_login(training_admin)
    batch_url = upload(client, text)["Location"]
    preview = client.get(batch_url).content.decode()
    assert "Nothing has been imported: 3 problems to fix" in preview
    assert preview.count("People in the role Business support officer cannot be line managers.") == 2
    assert "Hannah Price works for Community Health, which cannot line-manage this agency&#x27;s staff." in preview
    assert client.post(batch_url).status_code == 302  # refused: back to the preview
    assert not User.objects.filter(email__in=["dana.fox@northbridge.gov.uk", "hal.jay@northbridge.gov.uk"]).exists()
    # Once the agency accepts managers from Community Health and the role may line-manage, the file imports.
    partnership["csc"].managers_from.add(partnership["health"])
    partnership["roles"]["business-support"].may_line_manage = True
    partnership["roles"]["business-support"].save()
    client.post(batch_url)
    assert User.objects.get(email="fin.hale@northbridge.gov.uk").profile.line_manager == outsider
    assert (
        User.objects.get(email="gus.ives@northbridge.gov.uk").profile.line_manager.email == "hal.jay@northbridge.gov.uk"
    )


def test_a_zip_bomb_is_refused_on_upload_with_a_clear_message(client, training_admin):
    from matrix.tests.test_xlsx_limits import HEADER_ROW, with_sheet

    bomb = with_sheet(HEADER_ROW.encode() + b" " * 1_000_000, chunks=100)
    client.force_login(training_admin)
    response = upload(client, bomb, "staff.xlsx")
    assert response.status_code == 200
    assert "would take 95 MB once unpacked; the limit is 40 MB" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_an_unreadable_cell_is_named_on_upload_not_a_server_error(client, training_admin):
    from matrix.tests.test_xlsx_limits import HEADER_ROW, with_sheet

    sheet = (
        HEADER_ROW
        + '<row r="2"><c r="A2" t="inlineStr"><is><t>a@x.uk</t></is></c><c r="C2" t="d"><v>soon</v></c></row>'
    )
    client.force_login(training_admin)
    response = upload(client, with_sheet(sheet), "done.xlsx", reverse("matrix:import_upload", args=["completions"]))
    assert response.status_code == 200
    assert "Row 2, column C: is marked as a date but holds &#x27;soon&#x27;" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_preview_and_the_import_use_the_rows_read_on_upload(client, training_admin, requirements):
    client.force_login(training_admin)
    batch_url = upload(client, GOOD_STAFF)["Location"]
    # Were the stored file read again, these bytes would be refused as binary data.
    ImportBatch.objects.update(content=b"\x00\x01\x02" * 1000)
    for _ in range(2):
        preview = client.get(batch_url).content.decode()
        assert "All 2 rows are ready to import" in preview
        assert "binary data" not in preview
    client.post(batch_url)
    assert User.objects.filter(email__in=["dana.fox@northbridge.gov.uk", "eli.stone@northbridge.gov.uk"]).count() == 2
    assert ImportBatch.objects.get().imported_rows == 2


def test_a_batch_stored_before_rows_were_kept_is_read_once_then_kept(client, training_admin, requirements):
    client.force_login(training_admin)
    batch_url = upload(client, GOOD_STAFF)["Location"]
    ImportBatch.objects.update(table=None)
    assert "All 2 rows are ready to import" in client.get(batch_url).content.decode()
    assert ImportBatch.objects.get().table["rows"][0][1] == "dana.fox@northbridge.gov.uk"
