"""Uploaded spreadsheets: the worker time to refuse a zip bomb, against the
time to read a normal small staff workbook (the baseline), in the same run.
No Django, no database: `matrix.tabular.read_table` is what the upload view
calls before anything is stored.

The bomb is about 100 KB on disk and 95 MB once unpacked (a header row, then
spaces, which pack about 1,000 to 1). The check reads only the zip's
directory, so refusing it should cost about as much as opening a small file.
Worker time is the process's CPU time (`time.process_time`), as a gunicorn
worker would spend it; wall time is reported beside it.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import time
import zipfile
from collections.abc import Callable

from tools.bench.report import Figure

SHEET = "xl/worksheets/sheet1.xml"
STAFF_HEADER = ["name", "email", "agency", "team", "role", "start date", "line manager email"]


def small_workbook(rows: int = 50) -> bytes:
    """A staff workbook as a spreadsheet program would save it: `rows` people."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(STAFF_HEADER)
    for n in range(rows):
        sheet.append(
            [
                f"Person {n}",
                f"person.{n}@northbridge.gov.uk",
                "Children's Social Care",
                "Assessment Team North",
                "Social worker",
                dt.date(2026, 9, 1),
                "",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_bomb(unpacked_mb: int = 100) -> bytes:
    """The small workbook with its sheet replaced by a header row and then
    `unpacked_mb` MB of spaces: about a thousandth of that on disk."""
    source = zipfile.ZipFile(io.BytesIO(small_workbook(1)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            if item.filename != SHEET:
                target.writestr(item, source.read(item))
                continue
            with target.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    b'<dimension ref="A1:G1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr">'
                    b"<is><t>name</t></is></c></row>"
                )
                for _ in range(unpacked_mb):
                    sheet.write(b" " * 1_000_000)
                sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def _time(action: Callable[[], object], *, number: int, repeat: int) -> tuple[list[float], list[float]]:
    """Milliseconds per call in each of `repeat` rounds: (wall, CPU)."""
    action()
    wall, cpu = [], []
    for _ in range(repeat):
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        for _ in range(number):
            action()
        wall.append((time.perf_counter() - wall_start) / number * 1000)
        cpu.append((time.process_time() - cpu_start) / number * 1000)
    return wall, cpu


def measure(*, number: int, repeat: int) -> list[Figure]:
    from matrix.tabular import FileProblem, read_table

    small = small_workbook()
    bomb = zip_bomb()
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(bomb)).infolist())

    def read_small() -> object:
        return read_table("staff.xlsx", small)

    refusal = ""

    def refuse_bomb() -> None:
        nonlocal refusal
        try:
            read_table("staff.xlsx", bomb)
        except FileProblem as problem:
            refusal = str(problem)
        else:
            raise AssertionError("the zip bomb was read, not refused")

    small_wall, small_cpu = _time(read_small, number=number, repeat=repeat)
    bomb_wall, bomb_cpu = _time(refuse_bomb, number=number, repeat=repeat)
    rows = len(read_table("staff.xlsx", small).rows)
    return [
        Figure(
            "xlsx_small",
            f"Normal staff workbook, {rows} rows, read (baseline)",
            "spreadsheet",
            {
                "kb": round(len(small) / 1024, 1),
                "unpacked_mb": round(
                    sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(small)).infolist()) / 2**20, 2
                ),
                "cpu_ms": statistics.median(small_cpu),
                "median_ms": statistics.median(small_wall),
                "outcome": "read",
            },
        ),
        Figure(
            "xlsx_bomb",
            "Zip bomb workbook, refused on upload",
            "spreadsheet",
            {
                "kb": round(len(bomb) / 1024, 1),
                "unpacked_mb": round(unpacked / 2**20, 1),
                "cpu_ms": statistics.median(bomb_cpu),
                "median_ms": statistics.median(bomb_wall),
                "outcome": "refused",
            },
            note=f"each case {number} calls x {repeat} rounds; refused with: {refusal}",
        ),
    ]
