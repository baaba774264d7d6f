"""The matrix CSV export of every learner: time and peak memory, against the
csv module writing the same number of rows and columns.

Peak memory is what Python allocates while the response is consumed
(tracemalloc, in a separate run from the timed ones because tracing slows
allocation down). A streaming export holds one chunk at a time, so its peak
stays nearly flat from the small scale to the full one; an export that builds
the whole file first grows with the number of rows.
"""

from __future__ import annotations

import csv
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.test import Client

from tools.bench.pages import Skip, Target, failure, signed_in_client
from tools.bench.report import Figure

MIB = 1024 * 1024


@dataclass(frozen=True)
class Consumed:
    rows: int
    columns: int
    bytes: int
    seconds: float
    peak_mib: float | None


class _Discard:
    """A file that keeps nothing, like a socket that has sent what it was given."""

    def write(self, value: str) -> int:
        return len(value)


def _chunks(client: Client, url: str) -> Iterable[bytes]:
    response = client.get(url)
    if response.status_code != 200:
        where = f" to {response['Location']}" if response.has_header("Location") else ""
        raise Skip(f"{url} answered {response.status_code}{where}, not 200")
    if response.streaming:
        return response.streaming_content
    return [response.content]


def consume_export(client: Client, url: str, *, trace: bool) -> Consumed:
    """Read the whole export as a browser would, keeping only counts."""
    if trace:
        tracemalloc.start()
        tracemalloc.reset_peak()
    started = time.perf_counter()
    lines = 0
    size = 0
    header = b""
    try:
        for chunk in _chunks(client, url):
            if not header:
                header = bytes(chunk).split(b"\n", 1)[0]
            lines += chunk.count(b"\n")
            size += len(chunk)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / MIB if trace else None
    finally:
        if trace:
            tracemalloc.stop()
    columns = len(next(csv.reader([header.decode("utf-8-sig", "replace")]), []))
    return Consumed(rows=max(0, lines - 1), columns=columns, bytes=size, seconds=seconds, peak_mib=peak)


def write_rows_baseline(rows: int, columns: int, *, trace: bool) -> Consumed:
    """The csv module writing `rows` rows of `columns` short cells, generated one at a time."""
    sink = _Discard()
    writer = csv.writer(sink)
    if trace:
        tracemalloc.start()
        tracemalloc.reset_peak()
    started = time.perf_counter()
    try:
        writer.writerow([f"column {n}" for n in range(columns)])
        for number in range(rows):
            cells = [f"Learner {number}", f"learner{number}@example.org", "Agency", "Team", "Role"]
            cells += ["Complete 12 Mar 2026" if (number + n) % 3 else "Overdue" for n in range(columns - 5)]
            writer.writerow(cells[:columns])
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / MIB if trace else None
    finally:
        if trace:
            tracemalloc.stop()
    return Consumed(rows=rows, columns=columns, bytes=0, seconds=seconds, peak_mib=peak)


def _median_seconds(action: Callable[[], Consumed], runs: int) -> float:
    return statistics.median(action().seconds for _ in range(runs))


def measure_export(locate: Callable[[], Target], *, runs: int) -> tuple[Figure, Figure, Consumed | None]:
    export = Figure("matrix_export", "Matrix CSV export, all learners", "export")
    baseline = Figure("csv_baseline", "csv module, same rows and columns (baseline)", "export")
    try:
        target = locate()
        client = signed_in_client(target.user_email)
        first = consume_export(client, target.url, trace=False)
        seconds = _median_seconds(lambda: consume_export(client, target.url, trace=False), runs)
        traced = consume_export(client, target.url, trace=True)
    except Skip as skip:
        export.skipped = baseline.skipped = str(skip)
        return export, baseline, None
    except Exception as exc:  # noqa: BLE001 - a broken export must not lose the whole run
        export.skipped = baseline.skipped = failure(exc)
        return export, baseline, None
    export.values.update(
        {
            "url": target.url,
            "rows": first.rows,
            "columns": first.columns,
            "bytes": first.bytes,
            "seconds": seconds,
            "peak_mib": traced.peak_mib,
        }
    )
    write_rows_baseline(first.rows, first.columns, trace=False)
    base_seconds = _median_seconds(lambda: write_rows_baseline(first.rows, first.columns, trace=False), runs)
    base_traced = write_rows_baseline(first.rows, first.columns, trace=True)
    baseline.values.update(
        {"rows": first.rows, "columns": first.columns, "seconds": base_seconds, "peak_mib": base_traced.peak_mib}
    )
    return export, baseline, traced


def small_scale_export(locate: Callable[[], Target]) -> dict[str, float | int | str | None]:
    """Rows and peak memory of the export in the small-scale database."""
    try:
        target = locate()
        client = signed_in_client(target.user_email)
        consume_export(client, target.url, trace=False)
        traced = consume_export(client, target.url, trace=True)
    except Skip as skip:
        return {"skipped": str(skip)}
    except Exception as exc:  # noqa: BLE001 - a broken export must not lose the whole run
        return {"skipped": failure(exc)}
    return {"rows": traced.rows, "peak_mib": traced.peak_mib}
