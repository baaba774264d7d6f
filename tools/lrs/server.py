"""A real learning record store (Ralph, an open-source xAPI LRS) on 127.0.0.1
for the tests: started once per test process, stopped and started again by
the tests that check nothing is lost while it is away.

Ralph lives in its own virtual environment (var/lrs, made by `make test` from
tools/lrs/requirements.txt), so its dependencies never meet the app's pins."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
VENV = ROOT / "var" / "lrs"
PYTHON = VENV / "bin" / "python"
KEY = "platform"
SECRET = "lrs-test-secret-not-for-production"
XAPI_VERSION = "1.0.3"


def installed() -> bool:
    return (VENV / ".installed").exists() and PYTHON.exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LRS:
    workdir: Path
    port: int = field(default_factory=_free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI"

    def _env(self) -> dict[str, str]:
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.workdir),
            "RALPH_APP_DIR": str(self.workdir / "app"),
            "RALPH_AUTH_FILE": str(self.workdir / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.workdir / "data"),
        }

    def write_credentials(self) -> None:
        """Ralph's own command writes the bcrypt-hashed credentials file."""
        (self.workdir / "data").mkdir(parents=True, exist_ok=True)
        if (self.workdir / "auth.json").exists():
            return
        subprocess.run(
            [
                str(VENV / "bin" / "ralph"),
                "auth",
                "-u",
                KEY,
                "-p",
                SECRET,
                "-s",
                "all",
                "-M",
                "mailto:lrs@example.org",
                "-w",
            ],
            env=self._env(),
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self, timeout: float = 120) -> None:
        self.write_credentials()
        log = (self.workdir / "server.log").open("ab")
        self.process = subprocess.Popen(
            [
                str(PYTHON),
                "-m",
                "uvicorn",
                "ralph_app:app",
                "--app-dir",
                str(Path(__file__).parent),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            env=self._env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The LRS stopped while starting: see {self.workdir / 'server.log'}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"The LRS did not answer within {timeout:.0f} s: see {self.workdir / 'server.log'}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def _request(self, path: str, method: str = "GET", body: Any = None) -> Any:
        credentials = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()
        request = urllib.request.Request(
            f"{self.endpoint}{path}",
            data=None if body is None else json.dumps(body).encode(),
            method=method,
            headers={
                "Authorization": f"Basic {credentials}",
                "X-Experience-API-Version": XAPI_VERSION,
                "Content-Type": "application/json",
            },
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read()
        return json.loads(data) if data else None

    def statements(self) -> list[dict[str, Any]]:
        """Every statement the store holds (the tests' stores hold few)."""
        found: list[dict[str, Any]] = []
        path = "/statements/?limit=500"
        while path:
            page = self._request(path)
            found += page["statements"]
            more = page.get("more") or ""
            path = more.split("/xAPI", 1)[-1] if more else ""
        return found

    def statement(self, statement_id: str) -> dict[str, Any]:
        """The one statement with this id (Ralph answers with a list)."""
        found = self._request(f"/statements/?statementId={statement_id}")
        found = found.get("statements", [found]) if isinstance(found, dict) and "statements" in found else [found]
        if len(found) != 1:
            raise LookupError(f"The store holds {len(found)} statements with id {statement_id}.")
        return found[0]
