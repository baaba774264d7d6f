"""Import scenario files (or folders of them) as scenario pages, creating or updating by slug."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenarios.importing import import_file, scenario_files, scenario_index
from scenarios.scenario_file import ScenarioFileError

BAD_INPUT = 2  # as score_mapping: a file was refused


class Command(BaseCommand):
    help = "Import scenario files. Each file is all-or-nothing; a bad file is named and the others still import."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="Scenario .md files or folders of them.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            index = scenario_index()
        except ScenarioFileError as exc:
            raise CommandError(str(exc)) from None
        files = scenario_files(options["paths"])
        if not files:
            raise CommandError("No scenario files found in the paths given.")
        failed = 0
        for path in files:
            outcome = import_file(path, index)
            if outcome.error and len(files) == 1:
                # One file: its refusal is the whole message, on one line.
                raise CommandError(f"Not imported: {outcome.error}", returncode=BAD_INPUT)
            if outcome.error:
                failed += 1
                self.stderr.write(f"Not imported: {outcome.error}")
            else:
                self.stdout.write(f"{'Created' if outcome.created else 'Updated'} {outcome.slug} from {path.name}")
        if failed:
            raise CommandError(f"{failed} of {len(files)} files could not be imported.", returncode=BAD_INPUT)
