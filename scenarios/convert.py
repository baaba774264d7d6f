"""One function each way between a ScenarioPage and the pure Scenario dataclass.

Going through `scenario_from_data` means a page obeys exactly the rules of a
scenario file, so an exported page always imports again.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from scenarios.blocks import split_words
from scenarios.scenario_file import Scenario, dump_scenario, scenario_from_data

if TYPE_CHECKING:
    from scenarios.models import ScenarioPage


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _model_data(stream: Any) -> list[dict[str, Any]]:
    models = []
    for block in stream:
        value = block.value
        models.append(
            {
                "text": value["text"],
                "elements": {e["name"].strip(): list(split_words(e["words"])) for e in value["elements"]},
                **({"alternatives": list(value["alternatives"])} if value.get("alternatives") else {}),
            }
        )
    return models


def _person_data(line: str) -> dict[str, Any]:
    """'Gemma (adult): Gem, mum' as the scenario file's person; a line without a role is left for the check."""
    head, _, others = line.partition(":")
    name, _, role = head.partition("(")
    data: dict[str, Any] = {"name": name.strip(), "role": role.rstrip(") ").strip()}
    names = [n.strip() for n in others.split(",") if n.strip()]
    if names:
        data["other_names"] = names
    return data


def _person_line(person: Any) -> str:
    line = f"{person.name} ({person.role})"
    return f"{line}: {', '.join(person.other_names)}" if person.other_names else line


def page_to_scenario(page: ScenarioPage) -> Scenario:
    """The page as a Scenario. Raises ScenarioFileError (naming the field) if it breaks a rule."""
    data = {
        "slug": page.slug,
        "title": page.title,
        "framework": page.framework,
        "summary": page.summary,
        "pass_mark": page.pass_mark,
        "weights": {
            "categorisation": page.weight_categorisation,
            "statements": page.weight_statements,
            "goals": page.weight_goals,
            "scaling": page.weight_scaling,
        },
        "items": [
            {
                "id": block.value["item_id"],
                "text": block.value["text"],
                "category": block.value["category"],
                "also_accept": list(block.value.get("also_accept") or []),
                "rationale": block.value["rationale"],
            }
            for block in page.items
        ],
        "statements": _model_data(page.statements),
        "goals": _model_data(page.goals),
        "scaling": {
            "question": page.scaling_question,
            "min": page.scaling_min,
            "max": page.scaling_max,
            "rationale": page.scaling_rationale,
        },
        "next_steps": _lines(page.next_steps),
        "bottom_lines": _lines(page.bottom_lines),
        "jargon": _lines(page.jargon),
    }
    if _lines(page.people):
        data["people"] = [_person_data(line) for line in _lines(page.people)]
    return scenario_from_data(data, page.narrative or "", f"{page.slug or 'scenario'}.md")


CACHE_SIZE = 64
_cache: OrderedDict[tuple[Any, ...], Scenario] = OrderedDict()
_cache_lock = threading.Lock()


def cached_scenario(page: ScenarioPage) -> Scenario:
    """`page_to_scenario`, remembered per page revision (in this process, the last CACHE_SIZE pages).

    The key is the page and its latest revision and publication time: every change made
    in the admin, by import or by accepting an alternative saves a new revision. An unsaved
    page, or one whose fields were changed in memory without a new revision, must use
    `page_to_scenario` (page.clean() does).
    """
    if page.pk is None or page.latest_revision_id is None:
        return page_to_scenario(page)
    key = (page.pk, page.latest_revision_id, page.last_published_at)
    with _cache_lock:
        scenario = _cache.get(key)
        if scenario is not None:
            _cache.move_to_end(key)
            return scenario
    scenario = page_to_scenario(page)
    with _cache_lock:
        _cache[key] = scenario
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return scenario


def apply_scenario_to_page(scenario: Scenario, page: ScenarioPage) -> None:
    """Set every field of `page` from `scenario` (the caller saves)."""
    page.title = scenario.title
    page.slug = scenario.slug
    page.framework = scenario.framework
    page.summary = scenario.summary
    page.narrative = scenario.narrative
    page.pass_mark = scenario.pass_mark
    page.weight_categorisation = scenario.weights.categorisation
    page.weight_statements = scenario.weights.statements
    page.weight_goals = scenario.weights.goals
    page.weight_scaling = scenario.weights.scaling
    page.items = [
        {
            "type": "item",
            "value": {
                "item_id": item.id,
                "text": item.text,
                "category": item.category,
                "also_accept": list(item.also_accept),
                "rationale": item.rationale,
            },
        }
        for item in scenario.items
    ]
    page.statements = [{"type": "statement", "value": _model_value(m)} for m in scenario.statements]
    page.goals = [{"type": "goal", "value": _model_value(m)} for m in scenario.goals]
    page.scaling_question = scenario.scaling.question
    page.scaling_min = scenario.scaling.min
    page.scaling_max = scenario.scaling.max
    page.scaling_rationale = scenario.scaling.rationale
    page.next_steps = "\n".join(scenario.next_steps)
    page.bottom_lines = "\n".join(scenario.bottom_lines)
    page.jargon = "\n".join(scenario.jargon)
    page.people = "\n".join(_person_line(p) for p in scenario.people)


def _model_value(model: Any) -> dict[str, Any]:
    return {
        "text": model.text,
        "elements": [{"name": name, "words": ", ".join(words)} for name, words in model.elements.items()],
        "alternatives": list(model.alternatives),
    }


def scenario_version(scenario: Scenario) -> str:
    """A short fingerprint of the model answer: attempts record which one they were scored on."""
    return hashlib.sha256(dump_scenario(scenario).encode()).hexdigest()[:12]
