"""Excel workbooks are bounded before they are unpacked, and every cell that
cannot be read is named by row and column. No database."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile

import pytest
from openpyxl import Workbook

from matrix import tabular
from matrix.tabular import FileProblem, read_table

SHEET = "xl/worksheets/sheet1.xml"
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>training</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>completed on</t></is></c></row>'
)
GOOD_ROW = (
    '<row r="2"><c r="A2" t="inlineStr"><is><t>a@x.uk</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>intro</t></is></c><c r="C2" s="1" t="n"><v>46027</v></c></row>'
)


def base_workbook() -> bytes:
    """A workbook from openpyxl whose style 1 is a date format (for C2)."""
    book = Workbook()
    book.active.append(["email", "training", "completed on"])
    book.active.append(["a@x.uk", "intro", dt.date(2026, 1, 5)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_sheet(rows_xml: str | bytes, *, chunks: int = 1) -> bytes:
    """The base workbook with its first sheet's rows replaced (repeated `chunks` times)."""
    source = zipfile.ZipFile(io.BytesIO(base_workbook()))
    out = io.BytesIO()
    body = rows_xml.encode() if isinstance(rows_xml, str) else rows_xml
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            if item.filename != SHEET:
                target.writestr(item, source.read(item))
                continue
            with target.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
                # As Excel writes it: the dimension first, so openpyxl does not read the sheet on opening.
                sheet.write(b'<dimension ref="A1:C2"/><sheetData>')
                for _ in range(chunks):
                    sheet.write(body)
                sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def test_the_base_workbook_reads():
    table = read_table("c.xlsx", with_sheet(HEADER_ROW + GOOD_ROW))
    assert table.headers == ["email", "training", "completed on"]
    assert table.rows == [["a@x.uk", "intro", dt.date(2026, 1, 5)]]


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    # A header row, then 100 MB of spaces: about 100 KB packed.
    return with_sheet(HEADER_ROW.encode() + b" " * 1_000_000, chunks=100)


def test_a_zip_bomb_of_about_100_kb_is_refused_from_its_directory(zip_bomb):
    assert 50_000 < len(zip_bomb) < 400_000
    with pytest.raises(FileProblem) as refused:
        read_table("staff.xlsx", zip_bomb)
    assert "once unpacked; the limit is 40 MB" in str(refused.value)


def test_a_part_packed_far_beyond_a_real_spreadsheet_is_refused(monkeypatch):
    # Under the size limit, but 1,000 to 1: no spreadsheet program writes that.
    bomb = with_sheet(b" " * 1_000_000, chunks=5)
    with pytest.raises(FileProblem, match="packed far more tightly than a real spreadsheet"):
        read_table("staff.xlsx", bomb)


def test_a_workbook_with_too_many_parts_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n in range(tabular.MAX_ENTRIES + 1):
            archive.writestr(f"part{n}.xml", b"<x/>")
    with pytest.raises(FileProblem, match=r"201 parts inside it"):
        read_table("staff.xlsx", out.getvalue())


def _understate_sizes(content: bytes, name: str, size: int) -> bytes:
    """The same zip, its directory (and local header) claiming `name` unpacks to `size` bytes."""
    data = bytearray(content)
    encoded = name.encode()
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == encoded:
            struct.pack_into("<I", data, start + 24, size)
            extra_length = struct.unpack_from("<H", data, start + 30)[0]
            extra = start + 46 + name_length
            if extra_length >= 20 and struct.unpack_from("<H", data, extra)[0] == 1:  # zip64 sizes
                struct.pack_into("<Q", data, extra + 4, size)
        start += 4
    return bytes(data)


def test_a_directory_that_understates_the_size_unpacks_no_more_than_it_says(zip_bomb):
    lying = _understate_sizes(zip_bomb, SHEET, 10_000)
    assert sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(lying)).infolist()) < 100_000
    with pytest.raises(FileProblem, match="could not be"):
        read_table("staff.xlsx", lying)


BAD_CELLS = [
    ('<c r="A2" t="n"><v>abc</v></c>', "Row 2, column A: is marked as a number but holds 'abc'."),
    ('<c r="B2" t="s"><v>7</v></c>', "Row 2, column B: refers to text number '7', which the workbook does not have."),
    ('<c r="B2" t="s"><v>seven</v></c>', "Row 2, column B: refers to text number 'seven'"),
    ('<c r="C2" t="b"><v>maybe</v></c>', "Row 2, column C: is marked as TRUE or FALSE but holds 'maybe'."),
    ('<c r="C2" t="d"><v>soon</v></c>', "Row 2, column C: is marked as a date but holds 'soon', which is not a date."),
    (
        '<c r="C2" s="1" t="n"><v>99999999999</v></c>',
        "Row 2, column C: is formatted as a date but 99999999999 is outside the dates we can read.",
    ),
    ('<c r="C2" s="bold"><v>1</v></c>', "Row 2, column C: has the style number 'bold', which is not a number."),
    ('<c r="2C"><v>1</v></c>', "Row 2, a cell: the cell reference '2C' is not a cell."),
    ('<c r="C2" t="e"><v>#N/A</v></c>', "Row 2, column C: holds the spreadsheet error #N/A."),
]


@pytest.mark.parametrize(("cell", "message"), BAD_CELLS, ids=[m.split(": ")[1][:30] for _, m in BAD_CELLS])
def test_each_kind_of_unreadable_cell_is_named_by_row_and_column(cell, message):
    sheet = HEADER_ROW + f'<row r="2"><c r="A2" t="inlineStr"><is><t>a@x.uk</t></is></c>{cell}</row>'
    with pytest.raises(FileProblem) as refused:
        read_table("c.xlsx", with_sheet(sheet))
    assert message in str(refused.value)
    assert str(refused.value).startswith("Some cells could not be read.")


def test_a_row_number_that_is_not_a_number_is_named():
    sheet = HEADER_ROW + '<row r="two"><c t="inlineStr"><is><t>a@x.uk</t></is></c></row>'
    with pytest.raises(FileProblem, match="Row 2: its row number 'two' is not a row number."):
        read_table("c.xlsx", with_sheet(sheet))


def test_reading_goes_on_after_a_bad_cell_so_every_one_is_named():
    sheet = (
        HEADER_ROW
        + '<row r="2"><c r="A2" t="n"><v>abc</v></c></row>'
        + GOOD_ROW.replace('r="2"', 'r="3"').replace("2", "3")
        + '<row r="4"><c r="B4" t="b"><v>maybe</v></c></row>'
    )
    with pytest.raises(FileProblem) as refused:
        read_table("c.xlsx", with_sheet(sheet))
    assert "Row 2, column A" in str(refused.value) and "Row 4, column B" in str(refused.value)


def test_more_problems_than_are_shown_are_counted():
    sheet = HEADER_ROW + "".join(f'<row r="{n}"><c r="A{n}" t="n"><v>x</v></c></row>' for n in range(2, 32))
    with pytest.raises(FileProblem, match=r"and 10 more\."):
        read_table("c.xlsx", with_sheet(sheet))


def test_a_damaged_sheet_says_where_reading_stopped():
    # Long enough that the damage is met while reading rows, not while opening.
    rows = "".join(GOOD_ROW.replace('"2"', f'"{n}"').replace('2"', f'{n}"') for n in range(2, 1002))
    sheet = HEADER_ROW + rows + '<row r="1002"><c r="A1002"'
    with pytest.raises(FileProblem, match="could not be read after row 1001"):
        read_table("c.xlsx", with_sheet(sheet))


def test_a_value_far_to_the_right_is_refused_without_filling_the_gap():
    sheet = HEADER_ROW + '<row r="2"><c r="XFD2" t="inlineStr"><is><t>far</t></is></c></row>'
    with pytest.raises(
        FileProblem, match="Row 2 has something in column XFD; a file we can import uses columns A to CV"
    ):
        read_table("c.xlsx", with_sheet(sheet))


def test_empty_formatted_cells_far_away_are_ignored():
    sheet = HEADER_ROW + GOOD_ROW + '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    assert read_table("c.xlsx", with_sheet(sheet)).rows == [["a@x.uk", "intro", dt.date(2026, 1, 5)]]


def test_a_sheet_of_too_many_cells_is_refused(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_CELLS", 50)
    sheet = HEADER_ROW + "".join(f'<row r="{n}"><c r="A{n}"/><c r="B{n}"/></row>' for n in range(2, 40))
    with pytest.raises(FileProblem, match="more than 50 cells"):
        read_table("c.xlsx", with_sheet(sheet))


def test_a_table_keeps_its_dates_through_json():
    table = read_table("c.xlsx", with_sheet(HEADER_ROW + GOOD_ROW))
    again = tabular.Table.from_json(table.to_json())
    assert again.rows == [["a@x.uk", "intro", "2026-01-05"]]
    lookups = tabular.CompletionLookups(users={"a@x.uk": 1}, trainings={"intro": 2})
    today = dt.date(2026, 6, 1)
    assert tabular.check_completions(again, lookups, today) == tabular.check_completions(table, lookups, today)
