"""Write a scenario page out as a scenario file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenarios.importing import export_slug
from scenarios.scenario_file import ScenarioFileError


class Command(BaseCommand):
    help = "Export the scenario with SLUG as a scenario file (to standard output, or -o FILE)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("-o", "--output", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            text = export_slug(options["slug"])
        except ScenarioFileError as exc:
            raise CommandError(str(exc)) from None
        if options["output"]:
            options["output"].write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text, ending="")
