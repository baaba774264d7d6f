"""Demo content: the 'Case scenarios' page, every scenario in scenarios/content, and the practice set."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from home.models import HomePage
from matrix.models import Training, TrainingKind
from scenarios.importing import import_file
from scenarios.models import ScenarioIndexPage, ScenarioPage, ScenarioSet

CONTENT = Path(__file__).resolve().parent / "content"
INDEX_INTRO = (
    "<p>Practise mapping a family's case with the three columns. Read the case, sort what the social worker "
    "found, write what you are worried about and what needs to happen, and say where things are on the scale.</p>"
    "<p>You get a score and an explanation for every point you missed. You can try each scenario as often as "
    "you like.</p>"
)
SET_SLUG = "scenario-practice"
# The e-learning course works through the Hollins family as its example, so passing
# it proves little: it stays open for practice but does not count towards the set.
WORKED_EXAMPLE_SLUG = "hollins-family"
SET_TITLE = "Case scenario practice"


def ensure_index() -> ScenarioIndexPage:
    index = ScenarioIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get()
        index = ScenarioIndexPage(title="Case scenarios", slug="scenarios", intro=INDEX_INTRO)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def load(out: TextIO, scale: int = 0) -> None:
    index = ensure_index()
    created = 0
    for path in sorted(CONTENT.glob("*.md")):
        outcome = import_file(path, index, update=False)
        if outcome.error:
            out.write(f"Scenarios: skipped {outcome.error}\n")
        created += outcome.created
    training, _ = Training.objects.get_or_create(
        slug=SET_SLUG,
        defaults={
            "title": SET_TITLE,
            "kind": TrainingKind.SCENARIO_SET,
            "description": "Pass any two of the case scenarios in the set. The Hollins family, the e-learning's worked example, is for practice and does not count.",
        },
    )
    scenario_set, made = ScenarioSet.objects.get_or_create(
        training=training, defaults={"title": SET_TITLE, "passes_needed": 2}
    )
    required = ScenarioPage.objects.child_of(index).exclude(slug=WORKED_EXAMPLE_SLUG)
    if made:
        scenario_set.scenarios.set(required)
        scenario_set.save()
    else:
        missing = required.exclude(scenario_sets=scenario_set)
        worked = scenario_set.scenarios.filter(slug=WORKED_EXAMPLE_SLUG)
        if missing.exists() or worked.exists():
            scenario_set.scenarios.add(*missing)
            scenario_set.scenarios.remove(*worked)
            scenario_set.save()
    out.write(f"Scenarios: {created} created, {ScenarioPage.objects.count()} in all, set '{SET_TITLE}'.\n")
