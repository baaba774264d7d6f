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


def excel_response(filename: str, sheet_title: str, header: list[str], rows: Iterable[list[Any]]) -> FileResponse:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    bold = Font(bold=True)
    header_cells = []
    for h in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(h))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    try:
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
    except BaseException:
        sheet.close()  # ends openpyxl's writer before its temporary file goes
        raise
    spool = tempfile.TemporaryFile()
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX)
