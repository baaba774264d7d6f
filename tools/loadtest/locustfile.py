"""50 learners sign in and work through lessons and a case scenario.

Each simulated learner signs in with their own account, then repeatedly
either opens the next lesson, answers its knowledge checks and completes it,
or starts a mapping of the Hollins family, saves two drafts (one by the
page's autosave endpoint, one by the form) and submits it. Everything the
generator believes was saved is written to var/loadtest/generator.json when
the run ends, for `python -m tools.loadtest.verify` to compare with the database.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from pathlib import Path
from typing import TypedDict

from locust import HttpUser, between, events, task

ROOT = Path(__file__).resolve().parents[2]
PLAN = json.loads((ROOT / "var" / "loadtest" / "plan.json").read_text())
OUT = ROOT / "var" / "loadtest" / "generator.json"
_accounts = itertools.count()
_lock = threading.Lock()


class Saved(TypedDict):
    """What the learners saw saved, for verify to find in the database afterwards."""

    answers: set[tuple[str, int, str]]
    completed: set[tuple[str, int]]
    attempts: dict[str, str]
    sent: dict[str, list[str]]
    submitted: set[str]


SAVED: Saved = {"answers": set(), "completed": set(), "attempts": {}, "sent": {}, "submitted": set()}
ATTEMPT_RE = re.compile(r"/mapping/attempts/(\d+)/")


class Learner(HttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        self.email = PLAN["emails"][next(_accounts) % len(PLAN["emails"])]
        self.next_lesson = 0
        self.client.get("/accounts/login/", name="sign in page")
        token = self.client.cookies.get("csrftoken", "")
        response = self.client.post(
            "/accounts/login/",
            {"login": self.email, "password": PLAN["password"], "csrfmiddlewaretoken": token},
            name="sign in",
            allow_redirects=False,
        )
        if response.status_code != 302:
            response.failure(f"sign-in answered {response.status_code}")

    def _sending(self, attempt: str, reason: str) -> None:
        # A request still in flight when the run stops may be saved without the
        # generator hearing back: verify accepts a text sent after the last acknowledged one.
        with _lock:
            SAVED["sent"].setdefault(attempt, []).append(reason)

    def _token(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    @task(3)
    def lesson(self) -> None:
        lesson = PLAN["lessons"][self.next_lesson % len(PLAN["lessons"])]
        self.next_lesson += 1
        self.client.get(lesson["url"], name="lesson page")
        for question in lesson["questions"]:
            with self.client.post(
                f"/learning/lessons/{lesson['id']}/questions/{question['id']}/",
                {"option": question["right"], "csrfmiddlewaretoken": self._token()},
                headers={"Accept": "application/json", "X-CSRFToken": self._token()},
                name="answer a question",
                catch_response=True,
            ) as response:
                if response.status_code == 200 and response.json().get("correct"):
                    with _lock:
                        SAVED["answers"].add((self.email, lesson["id"], question["id"]))
                    response.success()
                else:
                    response.failure(f"answer: {response.status_code}")
        with self.client.post(
            f"/learning/lessons/{lesson['id']}/complete/",
            {"csrfmiddlewaretoken": self._token()},
            name="complete a lesson",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302 and response.headers["Location"] != lesson["url"]:
                with _lock:
                    SAVED["completed"].add((self.email, lesson["id"]))
                response.success()
            else:
                response.failure(f"complete: {response.status_code} {response.headers.get('Location')}")

    @task(1)
    def scenario(self) -> None:
        plan = PLAN["scenario"]
        self.client.get(plan["url"], name="scenario page")
        response = self.client.post(
            f"/mapping/{plan['slug']}/start/",
            {"csrfmiddlewaretoken": self._token()},
            name="start a mapping",
            allow_redirects=False,
        )
        found = ATTEMPT_RE.search(response.headers.get("Location", ""))
        if not found:
            response.failure(f"start: {response.status_code}")
            return
        attempt = found.group(1)
        builder = f"/mapping/attempts/{attempt}/"
        self.client.get(builder, name="mapping builder")
        data = {**plan["places"], "statement_1": plan["statement"], "goal_1": plan["goal"], "scale": plan["scale"]}
        for step, (url, name) in enumerate(
            [(f"{builder}draft/", "autosave a draft"), (builder, "save a draft")], start=1
        ):
            reason = f"{self.email} draft {step} of attempt {attempt}"
            self._sending(attempt, reason)
            with self.client.post(
                url,
                {**data, "reason": reason, "csrfmiddlewaretoken": self._token()},
                headers={"X-CSRFToken": self._token()},
                name=name,
                allow_redirects=False,
                catch_response=True,
            ) as saved:
                if saved.status_code in (200, 302):
                    with _lock:
                        SAVED["attempts"][attempt] = reason
                    saved.success()
                else:
                    saved.failure(f"{name}: {saved.status_code}")
        reason = f"{self.email} submitted attempt {attempt}"
        self._sending(attempt, reason)
        with self.client.post(
            builder,
            {**data, "reason": reason, "submit": "1", "csrfmiddlewaretoken": self._token()},
            name="submit a mapping",
            allow_redirects=False,
            catch_response=True,
        ) as submitted:
            if submitted.status_code == 302 and "result" in submitted.headers.get("Location", ""):
                with _lock:
                    SAVED["attempts"][attempt] = reason
                    SAVED["submitted"].add(attempt)
                submitted.success()
                self.client.get(f"{builder}result/", name="mapping result")
            else:
                submitted.failure(f"submit: {submitted.status_code}")


@events.quitting.add_listener
def write_what_was_saved(environment, **kwargs) -> None:
    stats = environment.stats.total
    OUT.write_text(
        json.dumps(
            {
                "requests": stats.num_requests,
                "failures": stats.num_failures,
                "answers": sorted(SAVED["answers"]),
                "completed": sorted(SAVED["completed"]),
                "attempts": SAVED["attempts"],
                "sent": SAVED["sent"],
                "submitted": sorted(SAVED["submitted"]),
            },
            indent=1,
        )
    )
