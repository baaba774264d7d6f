"""Spreadsheets in and out, as plain rows. Pure Python: no Django.

Reading turns an uploaded CSV or Excel file into a header and rows, refusing
anything too big, binary or unreadable with a message a person can act on.
An Excel workbook is a zip file: its own directory says how big each part is
once unpacked, so a workbook that would unpack past the limits (a "zip
bomb") is refused before anything is unpacked. Its first sheet is then read
cell by cell, and every cell that cannot be read is named by row and column.
Validation turns rows into typed rows and row-numbered errors: a file is
imported only when it has no errors at all. `safe_cell` stops a cell being
read as a formula when an export is opened in a spreadsheet program.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from people.rules import ManagerFacts, manager_rule

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 25_000
# An Excel workbook, from its zip directory, before anything is unpacked.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024  # every part together, unpacked
MAX_ENTRIES = 200  # parts in the zip; a workbook from Excel has about a dozen
MAX_RATIO = 100  # unpacked size / packed size, for a part over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
# The first sheet, while it is read.
MAX_COLUMNS = 100
MAX_CELLS = 1_000_000  # cells written in the sheet, empty ones included
MAX_CELL_PROBLEMS = 20  # named one by one; more are counted
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
DATE_HELP = "Use 2026-03-01 or 01/03/2026 (day, month, year)."
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class FileProblem(Exception):
    """The file as a whole cannot be read. The message is shown to the person."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Any]]  # cells are str, or dt.date from Excel date cells

    def to_json(self) -> dict[str, Any]:
        """The table as JSON, to keep with the upload. A date becomes its
        ISO text, which every check reads exactly as it reads the date."""
        return {
            "headers": self.headers,
            "rows": [[c.isoformat() if isinstance(c, dt.date) else c for c in row] for row in self.rows],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Table:
        return cls(headers=list(data["headers"]), rows=[list(row) for row in data["rows"]])


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" if self.row else "File"
        return f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


def safe_cell(value: Any) -> Any:
    """A value safe to put in a spreadsheet cell: text that a spreadsheet
    would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def normalise_header(text: Any) -> str:
    return re.sub(r"[\s_]+", " ", str(text or "")).strip().lower()


def read_table(filename: str, content: bytes) -> Table:
    """The header and rows of a CSV or Excel (.xlsx) file."""
    if len(content) > MAX_BYTES:
        raise FileProblem(f"The file is too big. It must be smaller than {MAX_BYTES // (1024 * 1024)} MB.")
    if not content.strip():
        raise FileProblem("The file is empty.")
    name = filename.lower()
    if name.endswith(".xlsx"):
        table = _read_xlsx(content)
    elif name.endswith((".csv", ".txt")):
        table = _read_csv(content)
    else:
        raise FileProblem("The file must be a CSV file (.csv) or an Excel workbook (.xlsx).")
    if len(table.rows) > MAX_ROWS:
        raise FileProblem(f"The file has more than {MAX_ROWS:,} rows. Split it into smaller files.")
    if not table.rows:
        raise FileProblem("The file has a header row but no data rows.")
    return table


def _read_csv(content: bytes) -> Table:
    if b"\x00" in content[:65536]:
        raise FileProblem("The file is not a CSV file: it contains binary data. Save it as CSV (UTF-8) and try again.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError:
            raise FileProblem("The file's text could not be read. Save it as CSV (UTF-8) and try again.") from None
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:65536])
    if printable < 0.95 * min(len(text), 65536):
        raise FileProblem("The file is not a CSV file: it does not look like text. Save it as CSV (UTF-8).")
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline="")) if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise FileProblem(f"The CSV file could not be read ({exc}).") from None
    if not rows:
        raise FileProblem("The file is empty.")
    return Table(headers=[normalise_header(h) for h in rows[0]], rows=rows[1:])


def check_zip_directory(content: bytes) -> None:
    """Refuse a workbook whose zip directory says it unpacks past the limits.

    Only the directory is read. The sizes in it cannot be used to unpack more:
    Python's zip reader stops at the size the directory gives and then fails
    the part's checksum."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise FileProblem(f"The Excel workbook could not be opened ({exc.__class__.__name__}).") from None
    limit_mb = MAX_UNPACKED_BYTES // (1024 * 1024)
    if len(parts) > MAX_ENTRIES:
        raise FileProblem(
            f"The Excel workbook has {len(parts):,} parts inside it; a workbook we can import has at most "
            f"{MAX_ENTRIES}. Copy the sheet into a new workbook, or save it as CSV, and try again."
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileProblem(
            f"The Excel workbook would take {unpacked / (1024 * 1024):,.0f} MB once unpacked; "
            f"the limit is {limit_mb} MB. Save it as CSV, or split it into smaller files, and try again."
        )
    for part in parts:
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise FileProblem(
                f"The Excel workbook is packed far more tightly than a real spreadsheet "
                f"({part.file_size // max(part.compress_size, 1):,} to 1), so it was not opened. "
                "Save it as CSV and try again."
            )


def _read_xlsx(content: bytes) -> Table:
    if not content.startswith(b"PK\x03\x04"):
        raise FileProblem("The file is not an Excel workbook (.xlsx). Save it as .xlsx or CSV and try again.")
    check_zip_directory(content)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged workbook
        raise FileProblem(f"The Excel workbook could not be opened ({exc.__class__.__name__}).") from None
    try:
        if not workbook.worksheets:
            raise FileProblem("The Excel workbook has no sheets.")
        rows, problems = _read_first_sheet(workbook)
    finally:
        workbook.close()
    if problems:
        shown = "; ".join(str(p) for p in problems[:MAX_CELL_PROBLEMS])
        more = len(problems) - MAX_CELL_PROBLEMS
        extra = f"; and {more:,} more" if more > 0 else ""
        raise FileProblem(
            f"Some cells could not be read. {shown}{extra}. Correct these cells, or save the sheet as CSV, and try again."
        )
    if not rows:
        raise FileProblem("The first sheet of the workbook is empty.")
    return Table(headers=[normalise_header(h) for h in rows[0]], rows=rows[1:])


def _read_first_sheet(workbook: Any) -> tuple[list[list[Any]], list[RowError]]:
    """The first sheet's rows, read by our own pass over its XML so that a bad
    cell is named and reading goes on, and so the limits hold as it reads."""
    from openpyxl.utils import get_column_letter

    sheet = workbook.worksheets[0]
    parser = _tolerant_parser_class()(
        sheet._get_source(),
        sheet._shared_strings,
        data_only=True,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )
    rows: list[list[Any]] = []
    cells_seen = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of what the parser reports as a problem
        try:
            for row_number, cells in parser.parse():
                cells_seen += len(cells)
                if cells_seen > MAX_CELLS:
                    raise FileProblem(
                        f"The first sheet has more than {MAX_CELLS:,} cells. Save only the columns you need, "
                        "or split it into smaller files."
                    )
                values: dict[int, Any] = {}
                for cell in cells:
                    if cell["value"] is None:
                        continue
                    if cell["column"] > MAX_COLUMNS:
                        raise FileProblem(
                            f"Row {row_number} has something in column {get_column_letter(cell['column'])}; "
                            f"a file we can import uses columns A to {get_column_letter(MAX_COLUMNS)} only."
                        )
                    values[cell["column"]] = _excel_cell(cell["value"])
                if not any(str(v).strip() for v in values.values()):
                    continue
                rows.append([values.get(c, "") for c in range(1, max(values) + 1)])
                if len(rows) > MAX_ROWS + 1:
                    raise FileProblem(f"The file has more than {MAX_ROWS:,} rows. Split it into smaller files.")
        except FileProblem:
            raise
        except Exception as exc:  # noqa: BLE001 - the sheet XML itself is damaged: say where reading stopped
            raise FileProblem(
                f"The first sheet could not be read after row {parser.row_counter} ({exc.__class__.__name__}). "
                "Save the workbook again from your spreadsheet program, or save it as CSV, and try again."
            ) from None
        finally:
            parser.source.close()
    return rows, parser.problems


@functools.cache
def _tolerant_parser_class() -> type:
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import WorkSheetParser

    class TolerantSheetParser(WorkSheetParser):
        """openpyxl's sheet parser, answering a cell it cannot read with a
        named problem instead of stopping the whole sheet."""

        row_counter: int
        col_counter: int

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.problems: list[RowError] = []

        def _problem(self, column: int | None, message: str) -> None:
            where = f"column {get_column_letter(column)}" if column and column <= 16384 else "a cell"
            self.problems.append(RowError(self.row_counter, where, message))

        def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]]]:
            number = row.get("r")
            if number is not None and not (number.isdigit() and 0 < int(number) <= 1_048_576):
                # Read on as the row after the last one, and say so.
                self.problems.append(
                    RowError(self.row_counter + 1, "", f"its row number '{number[:20]}' is not a row number.")
                )
                row.attrib.pop("r")
            return super().parse_row(row)

        def parse_cell(self, element: Any) -> dict[str, Any]:
            kind = element.get("t", "n")
            text = (element.findtext(VALUE_TAG) or "")[:20]
            reference = element.get("r")
            column: int | None = self.col_counter + 1
            if reference:
                try:
                    column = coordinate_to_tuple(reference)[1]
                except Exception:  # noqa: BLE001 - any bad reference is named, not raised
                    self.col_counter += 1
                    self._problem(None, f"the cell reference '{reference[:20]}' is not a cell.")
                    return {"row": self.row_counter, "column": self.col_counter, "value": None}
            style = element.get("s", "0")
            if not style.isdigit():
                self.col_counter = column or self.col_counter + 1
                self._problem(column, f"has the style number '{style[:20]}', which is not a number.")
                return {"row": self.row_counter, "column": self.col_counter, "value": None}
            try:
                cell: dict[str, Any] = super().parse_cell(element)
            except Exception:  # noqa: BLE001 - any unreadable cell is named, not raised
                self.col_counter = column or self.col_counter + 1
                self._problem(column, _CELL_PROBLEMS.get(kind, "could not be read.").format(text=text))
                return {"row": self.row_counter, "column": self.col_counter, "value": None}
            if cell["data_type"] == "e":
                if kind == "n":
                    self._problem(column, f"is formatted as a date but {text} is outside the dates we can read.")
                else:
                    self._problem(column, f"holds the spreadsheet error {str(cell['value'])[:20]}.")
                cell["value"] = None
            return cell

    return TolerantSheetParser


VALUE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}v"
_CELL_PROBLEMS = {
    "n": "is marked as a number but holds '{text}'.",
    "s": "refers to text number '{text}', which the workbook does not have.",
    "b": "is marked as TRUE or FALSE but holds '{text}'.",
    "d": "is marked as a date but holds '{text}', which is not a date.",
}


def _excel_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_date(value: Any) -> dt.date | None:
    """A date from a cell, or None when it is in none of the accepted formats."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


# --- Validation -----------------------------------------------------------------------------------


@dataclass
class Checked:
    """Typed rows and errors from one file. Import only when `errors` is empty."""

    rows: list[Any] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Row:
    """Read one row's cells by column name and collect what is wrong with it."""

    def __init__(self, number: int, headers: list[str], cells: list[Any], errors: list[RowError]) -> None:
        self.number = number
        self.values = {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headers)}
        self.errors = errors
        self.failed = False

    def error(self, column: str, message: str) -> None:
        self.failed = True
        self.errors.append(RowError(self.number, column, message))

    def text(self, column: str, *, required: bool = True, max_length: int = 150) -> str:
        value = self.values.get(column, "")
        text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
        if not text:
            if required:
                self.error(column, "is empty.")
            return ""
        if text.startswith(FORMULA_STARTS):
            self.error(column, f"starts with '{text[0]}', which spreadsheets treat as a formula. Remove it.")
            return ""
        if len(text) > max_length:
            self.error(column, f"is longer than {max_length} characters.")
            return ""
        return text

    def email(self, column: str, *, required: bool = True) -> str:
        text = self.text(column, required=required, max_length=254).lower()
        if text and not EMAIL_RE.match(text):
            self.error(column, f"'{text}' is not an email address.")
            return ""
        return text

    def date(self, column: str, *, required: bool = True) -> dt.date | None:
        value = self.values.get(column, "")
        if not isinstance(value, dt.date) and not str(value).strip():
            if required:
                self.error(column, f"is empty. {DATE_HELP}")
            return None
        day = parse_date(value)
        if day is None:
            self.error(column, f"'{value}' is not a date we can read. {DATE_HELP}")
        return day


def _missing_columns(table: Table, required: Iterable[str]) -> list[RowError]:
    missing = [c for c in required if c not in table.headers]
    if not missing:
        return []
    found = ", ".join(h for h in table.headers if h) or "none"
    return [RowError(1, "", f"The column '{c}' is missing. The columns found were: {found}.") for c in missing]


@dataclass(frozen=True)
class StaffLookups:
    """What the database already holds, as plain dictionaries (keys lower-cased)."""

    agencies: dict[str, int]  # name or slug -> id
    teams: dict[tuple[int, str], int]  # (agency id, team name) -> id
    roles: dict[str, int]  # name or slug -> id
    existing_emails: frozenset[str]
    # For the line-manager rule (people.rules): the people who already have an
    # account, by email; role names and the roles that may not line-manage, by
    # id; agency names; and which agencies each agency accepts managers from.
    managers: dict[str, ManagerFacts] = field(default_factory=dict)
    role_names: dict[int, str] = field(default_factory=dict)
    not_line_managing_roles: frozenset[int] = frozenset()
    agency_names: dict[int, str] = field(default_factory=dict)
    accepted_managers: dict[int, frozenset[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class StaffRow:
    row: int
    first_name: str
    last_name: str
    email: str
    agency_id: int
    team_id: int
    role_id: int
    start_date: dt.date
    line_manager_email: str
    agency: str = ""
    team: str = ""
    role: str = ""


STAFF_COLUMNS = ("email", "agency", "team", "role", "start date")


def check_staff(table: Table, lookups: StaffLookups) -> Checked:
    result = Checked()
    has_split_name = "first name" in table.headers and "last name" in table.headers
    name_columns = () if has_split_name else ("name",)
    result.errors = _missing_columns(table, (*name_columns, *STAFF_COLUMNS))
    # A file that splits the name names the half it lacks, in its own terms.
    halves = [c for c in ("first name", "last name") if c in table.headers]
    if len(halves) == 1 and "name" not in table.headers:
        lacking = "last name" if halves[0] == "first name" else "first name"
        found = ", ".join(h for h in table.headers if h) or "none"
        result.errors = [
            RowError(
                1,
                "",
                f"The column '{halves[0]}' is there but '{lacking}' is missing. "
                f"Add a '{lacking}' column, or use one 'name' column. The columns found were: {found}.",
            )
            if e.message.startswith("The column 'name' is missing")
            else e
            for e in result.errors
        ]
    if result.errors:
        return result
    seen: dict[str, int] = {}
    for index, cells in enumerate(table.rows, start=2):
        row = _Row(index, table.headers, cells, result.errors)
        if has_split_name:
            first, last = row.text("first name"), row.text("last name")
        else:
            first, _, last = row.text("name").rpartition(" ")
            if not first:
                first, last = last, ""
        email = row.email("email")
        if email in lookups.existing_emails:
            row.error("email", f"{email} already has an account.")
        elif email in seen:
            row.error("email", f"{email} is also on row {seen[email]}.")
        elif email:
            seen[email] = index
        agency_name = row.text("agency")
        agency_id = lookups.agencies.get(agency_name.lower()) if agency_name else None
        if agency_name and agency_id is None:
            row.error("agency", f"there is no agency called '{agency_name}'.")
        team_name = row.text("team")
        team_id = lookups.teams.get((agency_id, team_name.lower())) if agency_id and team_name else None
        if agency_id and team_name and team_id is None:
            row.error("team", f"{agency_name} has no team called '{team_name}'.")
        role_name = row.text("role")
        role_id = lookups.roles.get(role_name.lower()) if role_name else None
        if role_name and role_id is None:
            row.error("role", f"there is no role called '{role_name}'.")
        start = row.date("start date")
        manager = row.email("line manager email", required=False) if "line manager email" in table.headers else ""
        if manager and manager == email:
            row.error("line manager email", "a person cannot be their own line manager.")
        if not row.failed:
            assert agency_id and team_id and role_id and start  # checked above
            result.rows.append(
                StaffRow(
                    index,
                    first,
                    last,
                    email,
                    agency_id,
                    team_id,
                    role_id,
                    start,
                    manager,
                    agency_name,
                    team_name,
                    role_name,
                )
            )
    known = lookups.existing_emails | set(seen)
    unknown_manager = [s for s in result.rows if s.line_manager_email and s.line_manager_email not in known]
    for staff in unknown_manager:
        result.errors.append(
            RowError(
                staff.row, "line manager email", f"{staff.line_manager_email} has no account and is not in this file."
            )
        )
    result.rows = [s for s in result.rows if s not in unknown_manager]
    refused = _managers_refused(result.rows, lookups)
    result.errors += refused
    refused_rows = {e.row for e in refused}
    result.rows = [s for s in result.rows if s.row not in refused_rows]
    result.errors.sort(key=lambda e: e.row)
    return result


def _managers_refused(rows: list[StaffRow], lookups: StaffLookups) -> list[RowError]:
    """The rows naming a line manager the line-manager rule refuses, the same
    rule an administrator's edit follows. A manager may be someone already on
    record or someone else in this file (as the file describes them)."""
    in_file = {row.email: row for row in rows}
    errors = []
    for row in rows:
        if not row.line_manager_email:
            continue
        facts = lookups.managers.get(row.line_manager_email)
        if facts is None and row.line_manager_email in in_file:
            other = in_file[row.line_manager_email]
            facts = ManagerFacts(
                name=f"{other.first_name} {other.last_name}".strip() or other.email,
                role_name=lookups.role_names.get(other.role_id, other.role),
                may_line_manage=other.role_id not in lookups.not_line_managing_roles,
                agency_id=other.agency_id,
                agency_name=lookups.agency_names.get(other.agency_id, other.agency),
            )
        if facts is None:
            continue
        problem = manager_rule(
            facts,
            same_person=False,
            agency_id=row.agency_id,
            accepted_agency_ids=lookups.accepted_managers.get(row.agency_id, frozenset()),
        )
        if problem:
            errors.append(RowError(row.row, "line manager email", problem))
    return errors


@dataclass(frozen=True)
class CompletionLookups:
    users: dict[str, int]  # email -> user id
    trainings: dict[str, int]  # slug -> training id


@dataclass(frozen=True)
class CompletionRow:
    row: int
    user_id: int
    training_id: int
    completed_on: dt.date
    expires_on: dt.date | None
    email: str = ""
    training: str = ""


COMPLETION_COLUMNS = ("email", "training", "completed on")


def check_completions(table: Table, lookups: CompletionLookups, today: dt.date) -> Checked:
    result = Checked()
    result.errors = _missing_columns(table, COMPLETION_COLUMNS)
    if result.errors:
        return result
    seen: dict[tuple[str, str, dt.date], int] = {}
    for index, cells in enumerate(table.rows, start=2):
        row = _Row(index, table.headers, cells, result.errors)
        email = row.email("email")
        user_id = lookups.users.get(email) if email else None
        if email and user_id is None:
            row.error("email", f"{email} has no account. Import the staff first.")
        slug = row.text("training").lower()
        training_id = lookups.trainings.get(slug) if slug else None
        if slug and training_id is None:
            row.error("training", f"there is no training with the code '{slug}'.")
        completed = row.date("completed on")
        if completed and completed > today:
            row.error("completed on", f"{completed:%d/%m/%Y} is in the future.")
        expires = row.date("expires on", required=False) if "expires on" in table.headers else None
        if expires and completed and expires <= completed:
            row.error("expires on", "must be after the completion date.")
        if email and slug and completed:
            key = (email, slug, completed)
            if key in seen:
                row.error("", f"repeats row {seen[key]}.")
            else:
                seen[key] = index
        if not row.failed:
            assert user_id and training_id and completed  # checked above
            result.rows.append(CompletionRow(index, user_id, training_id, completed, expires, email, slug))
    return result
