"""The Wagtail page editor's form data for a scenario, as the browser would post it."""

from __future__ import annotations

from typing import Any

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from scenarios.scenario_file import ModelStatement, Scenario


def _list_block(values: list[Any]) -> dict[str, Any]:
    data: dict[str, Any] = {
        str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def _model_text(model: ModelStatement) -> dict[str, Any]:
    return {
        "text": model.text,
        "elements": _list_block([{"name": n, "words": ", ".join(w)} for n, w in model.elements.items()]),
        "alternatives": _list_block(list(model.alternatives)),
    }


def page_form_data(scenario: Scenario, **changes: Any) -> dict[str, Any]:
    """Everything the editor posts for `scenario`, with `changes` applied to the flat fields."""
    data = nested_form_data(
        {
            "title": scenario.title,
            "slug": scenario.slug,
            "framework": scenario.framework,
            "summary": scenario.summary,
            "narrative": scenario.narrative,
            "pass_mark": str(scenario.pass_mark),
            "weight_categorisation": str(scenario.weights.categorisation),
            "weight_statements": str(scenario.weights.statements),
            "weight_goals": str(scenario.weights.goals),
            "weight_scaling": str(scenario.weights.scaling),
            "items": streamfield(
                [
                    ("item", {"item_id": i.id, "text": i.text, "category": i.category, "rationale": i.rationale})
                    for i in scenario.items
                ]
            ),
            "statements": streamfield([("statement", _model_text(m)) for m in scenario.statements]),
            "goals": streamfield([("goal", _model_text(m)) for m in scenario.goals]),
            "scaling_question": scenario.scaling.question,
            "scaling_min": str(scenario.scaling.min),
            "scaling_max": str(scenario.scaling.max),
            "scaling_rationale": scenario.scaling.rationale,
            "next_steps": "\n".join(scenario.next_steps),
            "bottom_lines": "\n".join(scenario.bottom_lines),
            "jargon": "\n".join(scenario.jargon),
            "comments": inline_formset([]),
        }
    )
    # A multiple choice block posts one value per ticked box.
    for index, item in enumerate(scenario.items):
        if item.also_accept:
            data[f"items-{index}-value-also_accept"] = list(item.also_accept)
    data.update(changes)
    return data
