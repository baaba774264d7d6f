"""`manage.py bench`: build or reuse the databases, measure every case, judge
the targets, print the table and write the results.

The main process measures against the full-scale database. Two helpers run in
processes of their own, because each needs a different default database: the
small-scale database (query counts and export memory at a tenth of the
scale, to show neither grows with the number of learners) and the PostgreSQL
database of the booking burst.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import django
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tools.bench import database, engine, export, hostile, httpload, pages, spreadsheets, targets
from tools.bench.report import Figure, Report, to_text, write

FULL_SCALE = 20_000
QUICK_SCALE = 2_000


@dataclass(frozen=True)
class Plan:
    quick: bool
    scale: int
    small_scale: int
    page_runs: int
    page_warmup: int
    http_seconds: float
    http_runs: int
    http_warmup_seconds: float
    engine_iterations: int
    engine_repeat: int
    spreadsheet_number: int
    hostile_runs: int
    export_runs: int
    rebuild: bool
    http: bool
    burst: bool
    out_dir: Path
    engine_only: bool = False

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Plan:
        quick = bool(options.get("quick"))
        engine_only = bool(options.get("engine_only"))
        scale = options.get("scale") or (QUICK_SCALE if quick else FULL_SCALE)
        out_dir = options.get("out_dir") or (
            Path(settings.BASE_DIR) / "var" / "bench" if quick or engine_only else Path(settings.BENCH_DIR)
        )
        return cls(
            quick=quick,
            scale=scale,
            small_scale=options.get("small_scale") or max(50, scale // 10),
            page_runs=options.get("runs") or (10 if quick else 30),
            page_warmup=3 if quick else 5,
            http_seconds=options.get("http_seconds") or (3 if quick else 10),
            http_runs=1 if quick else 3,
            http_warmup_seconds=1 if quick else 2,
            engine_iterations=400 if quick else 2000,
            engine_repeat=3 if quick else 7,
            spreadsheet_number=10 if quick else 40,
            hostile_runs=3 if quick else 10,
            export_runs=2 if quick else 3,
            rebuild=bool(options.get("rebuild")),
            http=not options.get("skip_http"),
            burst=not options.get("skip_burst"),
            out_dir=Path(out_dir),
            engine_only=engine_only,
        )


# --- Helper processes ---------------------------------------------------------------------


def _child(role: str, database_url: str, out: TextIO, *extra: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "elearning.settings.bench", "BENCH_DATABASE_URL": database_url}
        command = [sys.executable, "manage.py", "bench", "--role", role, "--out", str(result), *extra]
        completed = subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=False)
        for line in completed.stdout.splitlines():
            out.write(f"  [{role}] {line}\n")
        if completed.returncode != 0 or not result.exists():
            tail = (completed.stderr or completed.stdout).strip().splitlines()[-1:] or ["no output"]
            return {"error": f"the {role} process failed (exit {completed.returncode}): {tail[0][:300]}"}
        return json.loads(result.read_text(encoding="utf-8"))


def run_small(scale: int, rebuild: bool, result_path: Path, out: TextIO) -> None:
    """In the small-scale database: each page's query count and the export's memory."""
    database.ensure_database(scale, rebuild=rebuild, out=out)
    counts = {}
    for case in pages.CASES:
        case_id, queries, skipped = pages.count_only(case)
        counts[case_id] = {"queries": queries, "skipped": skipped}
    result = {"scale": scale, "queries": counts, "export": export.small_scale_export(pages.locate_export)}
    result_path.write_text(json.dumps(result), encoding="utf-8")


def run_burst(result_path: Path, out: TextIO) -> None:
    """In the PostgreSQL burst database: migrate (a no-op once done) and run the burst."""
    from tools.bench import burst

    started = time.perf_counter()
    call_command("migrate", "--noinput", verbosity=0)
    out.write(f"Burst database migrated in {time.perf_counter() - started:.1f} s.\n")
    figure = burst.run()
    result_path.write_text(json.dumps({"values": figure.values, "note": figure.note}), encoding="utf-8")


def _burst_figure(out: TextIO) -> Figure:
    title = f"{200} simultaneous bookings for {24} places"
    url = settings.BENCH_BURST_DATABASE_URL
    if database.is_sqlite(url):
        return Figure("booking_burst", title, "burst", skipped="BENCH_BURST_DATABASE_URL is not PostgreSQL")
    reason = database.postgres_reachable(url)
    if reason:
        return Figure("booking_burst", title, "burst", skipped=reason)
    database.ensure_postgres_database(url)
    result = _child("burst", url, out)
    if "error" in result:
        return Figure("booking_burst", title, "burst", skipped=result["error"])
    return Figure("booking_burst", title, "burst", result["values"], note=result.get("note", ""))


# --- Facts about the run -------------------------------------------------------------------


def _read(path: str, prefix: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _tool_version(command: list[str]) -> str:
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except OSError:
        return ""
    first = (completed.stdout or completed.stderr).strip().splitlines()
    return first[0] if first else ""


def _git(*args: str) -> str:
    return _tool_version(["git", "-C", str(settings.BASE_DIR), *args])


def machine_facts() -> dict[str, Any]:
    import gunicorn
    import wagtail

    memory_kib = _read("/proc/meminfo", "MemTotal").split()[0] if _read("/proc/meminfo", "MemTotal") else ""
    machine = {
        "cpu": _read("/proc/cpuinfo", "model name") or platform.processor(),
        "cpus": os.cpu_count(),
        "memory_gib": round(int(memory_kib) / 1024 / 1024, 1) if memory_kib else None,
        "os": platform.platform(),
    }
    versions = {
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "gunicorn": gunicorn.__version__,
        "database": f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}".strip(),
        "wrk": _tool_version(["wrk", "-v"]).split(" [")[0],
    }
    return {"machine": machine, "versions": versions}


# --- The main run -----------------------------------------------------------------------------


def engine_figures(plan: Plan, out: TextIO) -> list[Figure]:
    """The scoring engine, and every bad input refused by the scoring command."""
    base = Path(settings.BASE_DIR) / "scenarios"
    out.write("Measuring the scoring engine...\n")
    out.flush()
    figures = engine.measure(base / "content", iterations=plan.engine_iterations, repeat=plan.engine_repeat)
    out.write(f"Measuring bad input refused by score_mapping ({plan.hostile_runs} runs each)...\n")
    out.flush()
    fixtures = base / "tests" / "fixtures"
    figures += hostile.measure(
        fixtures / "hollins-family.md", fixtures / "hollins-family.mapping.json", runs=plan.hostile_runs
    )
    return figures


def run_engine_only(plan: Plan, out: TextIO, command: str) -> Report:
    """`--engine-only`: the scoring engine and bad input, no database, nothing served."""
    started_at = dt.datetime.now(dt.UTC)
    started = time.perf_counter()
    figures = engine_figures(plan, out)
    targets.fill_page_ratios(figures)
    facts = machine_facts()
    meta = {
        "command": command,
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
        "quick": plan.quick,
        "engine_only": True,
        "runs": {
            "engine_iterations": plan.engine_iterations,
            "engine_repeat": plan.engine_repeat,
            "hostile_runs": plan.hostile_runs,
        },
        "git_commit": _git("rev-parse", "--short", "HEAD"),
        **facts,
        "machine_summary": f"{facts['machine']['cpus']} x {facts['machine']['cpu']}, {facts['machine']['memory_gib']} GiB",
        "versions_summary": ", ".join(f"{k} {v}" for k, v in facts["versions"].items() if v),
        "scale_summary": "engine and bad input only (no database)",
    }
    by_id = {f.id: f for f in figures}
    checks = [*targets.absolute_checks(by_id)[-1:], *targets.hostile_checks(by_id)]
    report = Report(meta, figures, checks)
    out.write(to_text(report))
    json_path, md_path = write(report, plan.out_dir)
    out.write(f"\nWrote {json_path} and {md_path} ({meta['seconds']:.0f} s in all).\n")
    return report


def run(plan: Plan, out: TextIO, command: str) -> Report:
    started_at = dt.datetime.now(dt.UTC)
    started = time.perf_counter()
    record, reused = database.ensure_database(plan.scale, rebuild=plan.rebuild, out=out)
    small_url = database.sibling_url(settings.BENCH_DATABASE_URL, "small")
    out.write(f"Small-scale database ({plan.small_scale} learners) for query counts and export memory...\n")
    out.flush()
    extra = ["--scale", str(plan.small_scale), *(["--rebuild"] if plan.rebuild else [])]
    small = _child("small", small_url, out, *extra)
    if "error" in small:
        out.write(f"  The small-scale measurements are missing: {small['error']}\n")

    figures: list[Figure] = []
    http_targets: list[httpload.HttpTarget] = []
    out.write(f"Measuring {len(pages.CASES)} pages, each request in turn ({plan.page_runs} runs)...\n")
    out.flush()
    measured = pages.measure_pages(list(pages.CASES), runs=plan.page_runs, warmup=plan.page_warmup)
    for case, (figure, target, client) in zip(pages.CASES, measured, strict=True):
        small_case = small.get("queries", {}).get(case.id, {})
        figure.values["queries_small"] = small_case.get("queries")
        figures.append(figure)
        if case.http and target is not None and client is not None:
            cookie = pages.session_cookie(client) if target.user_email else ""
            http_targets.append(httpload.HttpTarget(f"http_{case.id}", case.title, target.url, cookie))
        elif case.http:
            http_targets.append(httpload.HttpTarget(f"http_{case.id}", case.title, "", ""))

    figures += engine_figures(plan, out)

    out.write("Measuring uploaded spreadsheets: a zip bomb refused, a small workbook read...\n")
    out.flush()
    figures += spreadsheets.measure(number=plan.spreadsheet_number, repeat=plan.engine_repeat)

    out.write("Measuring the matrix CSV export...\n")
    out.flush()
    export_figure, csv_figure, _ = export.measure_export(pages.locate_export, runs=plan.export_runs)
    small_export = small.get("export", {})
    export_figure.values["rows_small"] = small_export.get("rows")
    export_figure.values["peak_mib_small"] = small_export.get("peak_mib")
    figures += [export_figure, csv_figure]

    if plan.http:
        out.write(f"Load over HTTP: gunicorn, {httpload.WORKERS} workers; wrk {plan.http_seconds:g} s a run...\n")
        out.flush()
        ready = [t for t in http_targets if t.path]
        figures += httpload.measure_http(
            ready,
            base_dir=Path(settings.BASE_DIR),
            database_url=settings.BENCH_DATABASE_URL,
            seconds=plan.http_seconds,
            runs=plan.http_runs,
            warmup_seconds=plan.http_warmup_seconds,
        )
        figures += [
            Figure(t.id, t.title, "http", skipped="the page could not be measured in-process")
            for t in http_targets
            if not t.path
        ]
    else:
        figures += [Figure(t.id, t.title, "http", skipped="--skip-http") for t in http_targets]

    if plan.burst:
        out.write("Booking burst on PostgreSQL...\n")
        out.flush()
        figures.append(_burst_figure(out))
    else:
        figures.append(Figure("booking_burst", "Booking burst", "burst", skipped="--skip-burst"))

    targets.fill_page_ratios(figures)
    facts = machine_facts()
    machine = facts["machine"]
    versions = facts["versions"]
    meta = {
        "command": command,
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
        "quick": plan.quick,
        "scale": plan.scale,
        "small_scale": plan.small_scale,
        "users": record.users,
        "database_reused": reused,
        "database_build_seconds": record.build_seconds,
        "runs": {
            "page_runs": plan.page_runs,
            "page_warmup": plan.page_warmup,
            "http_seconds": plan.http_seconds,
            "http_runs": plan.http_runs,
            "http_connections": httpload.CONNECTIONS,
            "gunicorn_workers": httpload.WORKERS,
            "engine_iterations": plan.engine_iterations,
            "engine_repeat": plan.engine_repeat,
            "spreadsheet_number": plan.spreadsheet_number,
            "hostile_runs": plan.hostile_runs,
            "export_runs": plan.export_runs,
        },
        "git_commit": _git("rev-parse", "--short", "HEAD"),
        **facts,
        "machine_summary": f"{machine['cpus']} x {machine['cpu']}, {machine['memory_gib']} GiB",
        "versions_summary": ", ".join(f"{k} {v}" for k, v in versions.items() if v),
        "scale_summary": f"{plan.scale:,} learners ({record.users:,} users), small scale {plan.small_scale:,}",
    }
    report = Report(meta, figures, targets.evaluate(figures))
    out.write(to_text(report))
    json_path, md_path = write(report, plan.out_dir)
    out.write(f"\nWrote {json_path} and {md_path} ({meta['seconds']:.0f} s in all).\n")
    return report
