"""Streaming downloads: CSV row by row, Excel through openpyxl's write-only mode.

Neither holds the whole file in memory: CSV is yielded a line at a time, and a
write-only workbook spools its rows to a temporary file that is then streamed.
Every text cell passes through `safe_cell` so it cannot run as a formula.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import FileResponse, StreamingHttpResponse

from matrix.tabular import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, header: list[str], rows: Iterable[list[Any]]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"  # so Excel reads UTF-8
        yield writer.writerow([safe_cell(h) for h in header])
        for row in rows:
            yield writer.writerow([safe_cell("" if v is None else v) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
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
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    spool = tempfile.TemporaryFile()
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX)
