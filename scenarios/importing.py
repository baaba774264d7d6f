"""Importing scenario files as pages and exporting pages as files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from scenarios.models import ScenarioIndexPage, ScenarioPage
from scenarios.scenario_file import MAX_SCENARIO_BYTES, ScenarioFileError, dump_scenario, parse_scenario, read_limited
from scenarios.scoring import refuse_unless_model_answer_scores_100
from scenarios.services import jargon_entries


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    slug: str = ""
    created: bool = False
    error: str = ""


def scenario_files(paths: list[str]) -> list[Path]:
    """Every .md file named, or inside a folder named, in a stable order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.glob("*.md") if p.is_file())
        else:
            found.append(path)
    return found


def scenario_index() -> ScenarioIndexPage:
    index = ScenarioIndexPage.objects.first()
    if index is None:
        raise ScenarioFileError("There is no 'Case scenarios' page to put scenarios under: run load_demo first.")
    return index


def import_file(path: Path, index: ScenarioIndexPage, *, update: bool = True) -> ImportOutcome:
    """Create or update the page with the file's slug: all of the file or nothing."""
    try:
        text = read_limited(path, MAX_SCENARIO_BYTES)  # a huge file is refused without being read whole
    except (OSError, UnicodeDecodeError) as exc:
        return ImportOutcome(path, error=f"{path.name}: cannot be read ({exc.__class__.__name__})")
    except ScenarioFileError as exc:
        return ImportOutcome(path, error=str(exc))
    try:
        scenario = parse_scenario(text, path.name)
        # The site-wide jargon list is the one learners are scored with, so it decides.
        refuse_unless_model_answer_scores_100(scenario, jargon_entries(), path.name)
    except ScenarioFileError as exc:
        return ImportOutcome(path, error=str(exc))
    with transaction.atomic():
        page = ScenarioPage.objects.filter(slug=scenario.slug).first()
        if page is not None and not update:
            return ImportOutcome(path, scenario.slug, created=False)
        created = page is None
        if created:
            page = ScenarioPage()
        page.apply_scenario(scenario)
        if created:
            index.add_child(instance=page)
        else:
            page.save()
        page.save_revision().publish()
    return ImportOutcome(path, scenario.slug, created=created)


def export_slug(slug: str) -> str:
    page = ScenarioPage.objects.filter(slug=slug).first()
    if page is None:
        raise ScenarioFileError(f"There is no scenario with the slug {slug!r}.")
    return dump_scenario(page.to_scenario())
