"""Reading and checking import files, and making export cells safe. No database."""

from __future__ import annotations

import ast
import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from matrix import tabular
from matrix.tabular import (
    CompletionLookups,
    FileProblem,
    StaffLookups,
    check_completions,
    check_staff,
    read_table,
    safe_cell,
)

LOOKUPS = StaffLookups(
    agencies={"children's social care": 1, "childrens-social-care": 1, "community health": 2},
    teams={(1, "assessment team north"): 10, (2, "health visiting"): 20},
    roles={"social worker": 5, "social-worker": 5, "health visitor": 6},
    existing_emails=frozenset({"priya.shah@northbridge.gov.uk"}),
)
HEADER = "name,email,agency,team,role,start date,line manager email\n"


def staff(body: str, header: str = HEADER) -> tabular.Checked:
    return check_staff(read_table("staff.csv", (header + body).encode()), LOOKUPS)


def test_a_good_file_gives_typed_rows():
    checked = staff(
        "Sam Okafor,Sam.Okafor@northbridge.gov.uk,Children's Social Care,Assessment Team North,Social worker,"
        "01/09/2026,priya.shah@northbridge.gov.uk\n"
    )
    assert checked.ok
    row = checked.rows[0]
    assert (row.first_name, row.last_name, row.email) == ("Sam", "Okafor", "sam.okafor@northbridge.gov.uk")
    assert (row.agency_id, row.team_id, row.role_id, row.start_date) == (1, 10, 5, dt.date(2026, 9, 1))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "A B,a@x.uk,Nowhere,Assessment Team North,Social worker,2026-09-01,\n",
            "Row 2, agency: there is no agency called 'Nowhere'.",
        ),
        (
            "A B,a@x.uk,Children's Social Care,Team X,Social worker,2026-09-01,\n",
            "Row 2, team: Children's Social Care has no team called 'Team X'.",
        ),
        (
            "A B,a@x.uk,Children's Social Care,Assessment Team North,Wizard,2026-09-01,\n",
            "Row 2, role: there is no role called 'Wizard'.",
        ),
        (
            "A B,a@x.uk,Children's Social Care,Assessment Team North,Social worker,09/31/2026,\n",
            "Row 2, start date: '09/31/2026' is not a date we can read. Use 2026-03-01 or 01/03/2026 (day, month, year).",
        ),
        (
            "A B,not-an-email,Children's Social Care,Assessment Team North,Social worker,2026-09-01,\n",
            "Row 2, email: 'not-an-email' is not an email address.",
        ),
        (
            "A B,priya.shah@northbridge.gov.uk,Children's Social Care,Assessment Team North,Social worker,2026-09-01,\n",
            "Row 2, email: priya.shah@northbridge.gov.uk already has an account.",
        ),
        (
            '"=HYPERLINK(""http://evil.example"",""x"")",a@x.uk,Children\'s Social Care,Assessment Team North,Social worker,2026-09-01,\n',
            "Row 2, name: starts with '=', which spreadsheets treat as a formula. Remove it.",
        ),
        (
            "A B,a@x.uk,Children's Social Care,Assessment Team North,Social worker,2026-09-01,boss@x.uk\n",
            "Row 2, line manager email: boss@x.uk has no account and is not in this file.",
        ),
        (",a@x.uk,Children's Social Care,Assessment Team North,Social worker,2026-09-01,\n", "Row 2, name: is empty."),
    ],
)
def test_each_problem_is_reported_with_its_row_and_column(body, expected):
    checked = staff(body)
    assert not checked.ok and not checked.rows
    assert [str(e) for e in checked.errors] == [expected]


def test_a_duplicate_email_within_the_file_names_the_first_row():
    line = "A B,a@x.uk,Children's Social Care,Assessment Team North,Social worker,2026-09-01,\n"
    checked = staff(
        line + line.replace("A B", "C D").upper().replace("CHILDREN'S SOCIAL CARE", "Children's Social Care")
    )
    assert "Row 3, email: a@x.uk is also on row 2." in [str(e) for e in checked.errors]


def test_a_line_manager_later_in_the_same_file_is_fine():
    checked = staff(
        "A B,a@x.uk,Children's Social Care,Assessment Team North,Social worker,2026-09-01,boss@x.uk\n"
        "Big Boss,boss@x.uk,Children's Social Care,Assessment Team North,Social worker,2020-01-01,\n"
    )
    assert checked.ok, checked.errors


def test_a_line_manager_the_line_manager_rule_refuses_is_a_row_problem():
    """The rule of people.rules, on the facts in the file and on record."""
    from dataclasses import replace

    from people.rules import ManagerFacts

    lookups = replace(
        LOOKUPS,
        role_names={5: "Social worker", 6: "Health visitor"},
        not_line_managing_roles=frozenset({6}),
        agency_names={1: "Children's Social Care", 2: "Community Health"},
        managers={"priya.shah@northbridge.gov.uk": ManagerFacts("Priya Shah", active=False, role_name="Social worker")},
    )
    table = read_table(
        "staff.csv",
        (
            HEADER
            + "A B,a@x.uk,Children's Social Care,Assessment Team North,Social worker,2026-09-01,hv@x.uk\n"
            + "H V,hv@x.uk,Community Health,Health visiting,Health visitor,2020-01-01,\n"
            + "C D,c@x.uk,Children's Social Care,Assessment Team North,Social worker,2026-09-01,"
            + "priya.shah@northbridge.gov.uk\n"
        ).encode(),
    )
    checked = check_staff(table, lookups)
    assert [str(e) for e in checked.errors] == [
        "Row 2, line manager email: People in the role Health visitor cannot be line managers.",
        "Row 4, line manager email: Priya Shah's account is closed.",
    ]
    assert [r.email for r in checked.rows] == ["hv@x.uk"]


def test_a_missing_column_is_named_with_the_columns_found():
    checked = staff("A B,a@x.uk\n", header="name,email\n")
    assert str(checked.errors[0]) == ("Row 1: The column 'agency' is missing. The columns found were: name, email.")


def test_first_and_last_name_columns_may_replace_name():
    checked = staff(
        "Sam,Okafor,a@x.uk,Children's Social Care,Assessment Team North,Social worker,2026-09-01\n",
        header="First name,Last_Name,Email,Agency,Team,Role,Start Date\n",
    )
    assert checked.ok and checked.rows[0].last_name == "Okafor"


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("big.csv", b"a," * (3 * 1024 * 1024), "too big"),
        ("rubbish.csv", bytes(range(256)) * 100, "binary data"),
        ("photo.png", b"\x89PNG\r\n\x1a\n", "must be a CSV file"),
        ("fake.xlsx", b"this is not a workbook", "not an Excel workbook"),
        ("broken.xlsx", b"PK\x03\x04 and then nothing", "could not be opened"),
        ("empty.csv", b"   ", "empty"),
        ("header.csv", HEADER.encode(), "no data rows"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(filename, content, message):
    with pytest.raises(FileProblem, match=message):
        read_table(filename, content)


def test_excel_files_are_read_including_date_cells():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Email", "Agency", "Team", "Role", "Start date"])
    sheet.append(
        [
            "Sam Okafor",
            "sam@x.uk",
            "Children's Social Care",
            "Assessment Team North",
            "Social worker",
            dt.datetime(2026, 9, 1),
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    checked = check_staff(read_table("staff.xlsx", buffer.getvalue()), LOOKUPS)
    assert checked.ok and checked.rows[0].start_date == dt.date(2026, 9, 1)


def test_completions_are_checked_against_people_and_trainings():
    lookups = CompletionLookups(users={"sam@x.uk": 1}, trainings={"two-day-foundation": 7})
    table = read_table(
        "done.csv",
        b"email,training,completed on,expires on\n"
        b"sam@x.uk,two-day-foundation,2025-01-10,2027-01-10\n"
        b"who@x.uk,two-day-foundation,2025-01-10,\n"
        b"sam@x.uk,juggling,2025-01-10,\n"
        b"sam@x.uk,two-day-foundation,2030-01-10,\n"
        b"sam@x.uk,two-day-foundation,2025-01-10,2024-01-01\n",
    )
    checked = check_completions(table, lookups, today=dt.date(2026, 11, 20))
    assert [str(e) for e in checked.errors] == [
        "Row 3, email: who@x.uk has no account. Import the staff first.",
        "Row 4, training: there is no training with the code 'juggling'.",
        "Row 5, completed on: 10/01/2030 is in the future.",
        "Row 6, expires on: must be after the completion date.",
        "Row 6: repeats row 2.",
    ]
    assert checked.rows[0].expires_on == dt.date(2027, 1, 10)


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 1234", "'+44 1234"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Sam Okafor", "Sam Okafor"),
        (42, 42),
    ],
)
def test_export_cells_that_could_run_as_formulas_get_an_apostrophe(value, safe):
    assert safe_cell(value) == safe


def test_the_tabular_module_imports_nothing_from_django():
    tree = ast.parse(Path(tabular.__file__).read_text())
    names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {n for n in names if n.split(".")[0] in {"django", "wagtail", "elearning"}}


def test_a_file_with_a_first_name_but_no_last_name_column_says_which_is_missing() -> None:
    table = read_table("staff.csv", b"first name,email,agency,team,role,start date\nSam,s@x.uk,A,T,R,2026-09-01\n")
    messages = [str(e) for e in check_staff(table, LOOKUPS).errors]
    assert len(messages) == 1
    assert messages[0].startswith("Row 1: The column 'first name' is there but 'last name' is missing.")
