from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO, cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tools.bench import runner


class Command(BaseCommand):
    help = (
        "Benchmark the platform at partnership scale against baselines measured in the same run "
        "(see tools/bench/README.md). Builds its own database the first time and reuses it after."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quick", action="store_true", help="2,000 learners, fewer runs, 3 s HTTP loads.")
        parser.add_argument("--scale", type=int, help="Learners in the synthetic partnership (default 20,000).")
        parser.add_argument("--small-scale", type=int, help="Learners in the small database (default a tenth).")
        parser.add_argument("--rebuild", action="store_true", help="Build the databases again even if they fit.")
        parser.add_argument("--runs", type=int, help="Measured runs of each in-process page (after a warm-up).")
        parser.add_argument("--http-seconds", type=float, help="Seconds of each wrk run.")
        parser.add_argument("--skip-http", action="store_true", help="Do not start gunicorn and wrk.")
        parser.add_argument("--skip-burst", action="store_true", help="Do not run the PostgreSQL booking burst.")
        parser.add_argument("--out-dir", type=Path, help="Where results.json and results.md go.")
        parser.add_argument(
            "--engine-only",
            action="store_true",
            help="Only the scoring engine and bad input (no database); results go to var/bench/.",
        )
        # The helper processes the main run starts; not for people.
        parser.add_argument("--role", choices=["main", "small", "burst"], default="main", help=argparse_hidden())
        parser.add_argument("--out", type=Path, help=argparse_hidden())

    def handle(self, *args: Any, **options: Any) -> None:
        if "tools.bench" not in settings.INSTALLED_APPS or not hasattr(settings, "BENCH_DATABASE_URL"):
            raise CommandError("Run the benchmarks with DJANGO_SETTINGS_MODULE=elearning.settings.bench (make bench).")
        for name in ("scale", "small_scale", "runs"):
            if options.get(name) is not None and options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be 1 or more.")
        if options.get("http_seconds") is not None and not 1 <= options["http_seconds"] <= 120:
            raise CommandError("--http-seconds must be between 1 and 120.")
        role = options["role"]
        out = cast(TextIO, self.stdout)  # Django's OutputWrapper writes like a text stream
        if role == "small":
            runner.run_small(options["scale"] or 200, options["rebuild"], options["out"], out)
        elif role == "burst":
            runner.run_burst(options["out"], out)
        else:
            plan = runner.Plan.from_options(options)
            if plan.engine_only:
                runner.run_engine_only(plan, out, command="manage.py bench --engine-only")
                return
            runner.run(plan, out, command="make bench-quick" if plan.quick else "make bench")


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS
