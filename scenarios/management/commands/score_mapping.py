"""Score a learner's mapping file against a scenario file, without a running site."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenarios.scenario_file import (
    MAX_MAPPING_BYTES,
    MAX_SCENARIO_BYTES,
    ScenarioFileError,
    parse_mapping,
    parse_scenario,
    read_limited,
)
from scenarios.scoring import score_mapping

BAD_INPUT = 2


def score_files(scenario_path: Path, mapping_path: Path) -> dict[str, Any]:
    """The result JSON for the two files. Raises ScenarioFileError on bad input."""
    scenario = parse_scenario(_read(scenario_path, MAX_SCENARIO_BYTES), scenario_path.name)
    mapping = parse_mapping(_read(mapping_path, MAX_MAPPING_BYTES), scenario, mapping_path.name)
    return score_mapping(scenario, mapping).to_json()


def _read(path: Path, limit: int) -> str:
    """The file's text; one larger than `limit` is refused without being read whole."""
    try:
        return read_limited(path, limit)
    except FileNotFoundError:
        raise ScenarioFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioFileError(f"{path}: cannot be read ({exc.__class__.__name__})") from None


class Command(BaseCommand):
    help = "Print the result JSON for MAPPING.json scored against SCENARIO.md. Exit 2 on bad input."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("scenario", type=Path)
        parser.add_argument("mapping", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = score_files(options["scenario"], options["mapping"])
        except ScenarioFileError as exc:
            raise CommandError(str(exc), returncode=BAD_INPUT) from None
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
