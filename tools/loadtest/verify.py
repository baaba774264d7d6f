"""After a load test: is everything the generator saved in the database?

    DJANGO_SETTINGS_MODULE=tools.loadtest.settings python -m tools.loadtest.verify

Compares var/loadtest/generator.json with the database: every answer, every
completed lesson, and for every mapping attempt the last text saved (a draft
or the submitted answer). Prints the figures; exits 1 if anything is lost.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import django

OUT = Path(__file__).resolve().parents[2] / "var" / "loadtest" / "generator.json"


def main() -> int:
    django.setup()
    from courses.models import LessonProgress, QuestionAnswer
    from scenarios.models import Attempt

    seen = json.loads(OUT.read_text())
    answers = {tuple(row) for row in seen["answers"]}
    stored_answers = set(
        QuestionAnswer.objects.filter(user__email__startswith="loadtest-", correct=True).values_list(
            "user__email", "lesson_id", "question_id"
        )
    )
    completed = {tuple(row) for row in seen["completed"]}
    stored_completed = set(
        LessonProgress.objects.filter(user__email__startswith="loadtest-", completed_at__isnull=False).values_list(
            "user__email", "lesson_id"
        )
    )
    attempts = {int(pk): reason for pk, reason in seen["attempts"].items()}
    stored = {
        pk: (mapping.get("scaling") or {}).get("reason", "")
        for pk, mapping in Attempt.objects.filter(pk__in=attempts).values_list("pk", "mapping")
    }
    sent = {int(pk): texts for pk, texts in seen.get("sent", {}).items()}

    def kept(pk: int, acknowledged: str) -> bool:
        texts = sent.get(pk, [acknowledged])
        later = texts[texts.index(acknowledged) :] if acknowledged in texts else [acknowledged]
        return stored.get(pk) in later

    lost_attempts = [pk for pk, reason in attempts.items() if not kept(pk, reason)]
    in_flight = sum(1 for pk, reason in attempts.items() if stored.get(pk) != reason and kept(pk, reason))
    submitted = {int(pk) for pk in seen["submitted"]}
    stored_submitted = set(Attempt.objects.filter(pk__in=submitted, status="submitted").values_list("pk", flat=True))
    lost = {
        "answers": len(answers - stored_answers),
        "completed lessons": len(completed - stored_completed),
        "mapping texts": len(lost_attempts),
        "submissions": len(submitted - stored_submitted),
    }
    sys.stdout.write(f"Requests served: {seen['requests']:,}; failures: {seen['failures']:,}\n")
    sys.stdout.write(
        f"Saved by the generator: {len(answers):,} answers, {len(completed):,} completed lessons, "
        f"{len(attempts):,} mapping attempts ({len(submitted):,} submitted); "
        f"{in_flight} saved by a request still in flight when the run stopped\n"
    )
    sys.stdout.write("Lost: " + ", ".join(f"{name} {count}" for name, count in lost.items()) + "\n")
    return 1 if any(lost.values()) or seen["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
