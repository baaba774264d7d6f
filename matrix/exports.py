"""Downloads: CSV, and Excel through openpyxl's write-only mode.

Neither holds the whole file in memory: both are written row by row to a
temporary file, which is then sent with its length, so a download cut short
can never pass for a complete one. Every text cell passes through
`safe_cell` so it cannot run as a formula.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable
from typing import Any

from django.http import FileResponse

from matrix.tabular import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_response(filename: str, header: list[str], rows: Iterable[list[Any]]) -> FileResponse:
    """The whole file is written to a temporary file first, then sent with its
    length. A download cut short (a worker killed at its time limit, a
    database error halfway) is then never a 200 that looks complete: an error
    before the first byte is an error page, and a connection dropped while
    sending falls short of `Content-Length`, which browsers report as failed.
    `X-Export-Rows` says how many people or groups the file holds."""
    spool = tempfile.TemporaryFile()
    text = io.TextIOWrapper(spool, encoding="utf-8-sig", newline="")  # the BOM lets Excel read UTF-8
    writer = csv.writer(text)
    writer.writerow([safe_cell(h) for h in header])
    count = 0
    for row in rows:
        writer.writerow([safe_cell("" if v is None else v) for v in row])
        count += 1
    text.flush()
    text.detach()
    spool.seek(0)
    response = FileResponse(
        spool, as_attachment=True, filename=f"{filename}.csv", content_type="text/csv; charset=utf-8"
    )
    response["X-Export-Rows"] = str(count)
    return response


# Widths in Excel's units (about one character each), by what a column holds: the file is written a
# row at a time, so widths are set before the first row, from the header, not measured from the data.
MIN_WIDTH, MAX_WIDTH = 12, 45
WIDE_COLUMNS = {"email": 34, "name": 26, "training": 36, "team": 30, "agency": 30, "role": 26, "title": 36}


def column_width(header: str) -> int:
    words = header.lower().replace("_", " ").split()
    wide = max((WIDE_COLUMNS[w] for w in words if w in WIDE_COLUMNS), default=0)
    return max(MIN_WIDTH, min(MAX_WIDTH, max(wide, len(header) + 4)))


def excel_response(filename: str, sheet_title: str, header: list[str], rows: Iterable[list[Any]]) -> FileResponse:
    """A workbook whose header row stays in view while scrolling and carries Excel's filter buttons."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    sheet.freeze_panes = "A2"
    for n, h in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = column_width(str(h))
    bold = Font(bold=True)
    header_cells = []
    for h in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(h))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    try:
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
            count += 1
    except BaseException:
        sheet.close()  # ends openpyxl's writer before its temporary file goes
        raise
    if header:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    spool = tempfile.TemporaryFile()
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX)
