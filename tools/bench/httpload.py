"""Pages over HTTP: gunicorn (2 sync workers, DEBUG off, the benchmark's
database) on a free port of 127.0.0.1, loaded by wrk for a bounded time.

The command starts and stops gunicorn itself. Signed-in pages get the session
cookie of a demo learner through `-H Cookie: ...`; before loading a page the
harness checks once that it answers 200 (not a redirect to the sign-in page),
and a small Lua script counts every non-200 answer during the run.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tools.bench.report import Figure

WORKERS = 2
CONNECTIONS = 10
THREADS = 1

LUA_SCRIPT = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  non200 = 0
end
function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non200") end
  io.write(string.format("BENCH requests=%d duration_us=%d non200=%d p50_us=%d p99_us=%d socket_errors=%d\\n",
    summary.requests, summary.duration, bad, latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""

RESULT_LINE = re.compile(r"^BENCH (.*)$", re.MULTILINE)


@dataclass(frozen=True)
class HttpTarget:
    id: str
    title: str
    path: str
    cookie: str


@dataclass(frozen=True)
class WrkRun:
    requests: int
    seconds: float
    non_200: int
    socket_errors: int
    p50_ms: float
    p99_ms: float

    @property
    def requests_per_s(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def unavailable_reason() -> str:
    """Why the HTTP cases cannot run here, or an empty string."""
    if shutil.which("wrk") is None:
        return "wrk is not installed (Debian: apt-get install -y wrk)"
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return "gunicorn is not installed"
    return ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get_status(port: int, path: str, cookie: str = "", timeout: float = 10) -> tuple[int, str]:
    """One GET without following redirects: (status, Location)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader("Location") or ""
    finally:
        conn.close()


@contextmanager
def gunicorn(base_dir: Path, database_url: str) -> Iterator[int]:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.bench",
        "BENCH_DATABASE_URL": database_url,
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "elearning.wsgi:application",
        f"--workers={WORKERS}",
        "--worker-class=sync",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=base_dir, env=env, stdout=log, stderr=log)
        try:
            _wait_until_up(process, port, log)
            yield port
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(process: subprocess.Popen[bytes], port: int, log: object) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)  # type: ignore[attr-defined]
            lines = log.read().decode(errors="replace").splitlines()  # type: ignore[attr-defined]
            errors = [line for line in lines if "Error" in line and not line.startswith(" ")]
            cause = (errors or lines or ["no output"])[-1].strip()
            raise RuntimeError(f"gunicorn stopped at start (exit {process.returncode}): {cause}")
        try:
            if get_status(port, "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


def run_wrk(port: int, path: str, cookie: str, seconds: float, script: Path) -> WrkRun:
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{max(1, round(seconds))}s",
        "--timeout=10s",
        "-s",
        str(script),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    completed = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=False)
    match = RESULT_LINE.search(completed.stdout)
    if completed.returncode != 0 or match is None:
        raise RuntimeError(f"wrk failed (exit {completed.returncode}): {completed.stderr.strip()[:300]}")
    fields = dict(part.split("=", 1) for part in match.group(1).split())
    return WrkRun(
        requests=int(fields["requests"]),
        seconds=int(fields["duration_us"]) / 1e6,
        non_200=int(fields["non200"]),
        socket_errors=int(fields["socket_errors"]),
        p50_ms=int(fields["p50_us"]) / 1000,
        p99_ms=int(fields["p99_us"]) / 1000,
    )


def measure_http(
    targets: list[HttpTarget], *, base_dir: Path, database_url: str, seconds: float, runs: int, warmup_seconds: float
) -> list[Figure]:
    reason = unavailable_reason()
    if reason:
        return [Figure(t.id, t.title, "http", skipped=reason) for t in targets]
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "count.lua"
        script.write_text(LUA_SCRIPT, encoding="utf-8")
        try:
            with gunicorn(base_dir, database_url) as port:
                for target in targets:
                    figures.append(_measure_one(target, port, script, seconds, runs, warmup_seconds))
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            done = {f.id for f in figures}
            reason = str(exc).strip().splitlines()[-1][:300]
            figures += [Figure(t.id, t.title, "http", skipped=reason) for t in targets if t.id not in done]
    return figures


def _measure_one(target: HttpTarget, port: int, script: Path, seconds: float, runs: int, warmup: float) -> Figure:
    figure = Figure(target.id, target.title, "http")
    status, location = get_status(port, target.path, target.cookie)
    if status != 200:
        figure.skipped = f"{target.path} answered {status}{f' to {location}' if location else ''}, not 200"
        return figure
    run_wrk(port, target.path, target.cookie, warmup, script)
    results = [run_wrk(port, target.path, target.cookie, seconds, script) for _ in range(runs)]
    figure.values.update(
        {
            "url": target.path,
            "requests_per_s": statistics.median(r.requests_per_s for r in results),
            "p50_ms": statistics.median(r.p50_ms for r in results),
            "p99_ms": statistics.median(r.p99_ms for r in results),
            "requests": sum(r.requests for r in results),
            "non_200": sum(r.non_200 for r in results),
            "socket_errors": sum(r.socket_errors for r in results),
            "runs": runs,
            "seconds_each": seconds,
        }
    )
    return figure
