"""The mapping builder's form: one select per item, statements, goals, the scale and a reason."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from scenarios.scenario_file import CATEGORIES, CATEGORY_LABELS, Scenario, ScenarioFileError, mapping_from_data

TEXT_BOXES = 3
COLUMN_LABELS = {
    "harm": "What are we worried about?",
    "complicating_factor": "What are we worried about?",
    "strength": "What's working well?",
    "safety": "What's working well?",
}
PLACE_CHOICES = [("", "Not placed yet")] + [(c, f"{CATEGORY_LABELS[c]} ({COLUMN_LABELS[c]})") for c in CATEGORIES]
# The builder's select groups the categories under their column, so each option is a short label
# that shows whole on a narrow card ("Complicating factor", not "Complicating factor (What are...").
PLACE_GROUPS: list[tuple[str, list[tuple[str, str]]]] = [
    (column, [(c, CATEGORY_LABELS[c]) for c in CATEGORIES if COLUMN_LABELS[c] == column])
    for column in dict.fromkeys(COLUMN_LABELS[c] for c in CATEGORIES)
]
SCALE_CHOICES = [(str(n), str(n)) for n in range(11)]


_WHOLE_NUMBER_RE = re.compile(r"^[0-9]{1,10}$")


def int_param(raw: object, maximum: int) -> int | None:
    """A query or form parameter as a whole number from 0 to `maximum`, or None.

    Only ASCII digits count: str.isdigit() also accepts "²", which int() refuses.
    """
    if not isinstance(raw, str) or not _WHOLE_NUMBER_RE.match(raw.strip()):
        return None
    value = int(raw.strip())
    return value if value <= maximum else None


def place_field(item_id: str) -> str:
    return f"place-{item_id}"


class MappingForm(forms.Form):
    """Built from the scenario. `submitting` makes every item and the scale required."""

    def __init__(self, scenario: Scenario, *args: Any, submitting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scenario = scenario
        self.submitting = submitting
        for item in scenario.items:
            # CharFields with choice widgets: the engine's checks give the one clear message.
            self.fields[place_field(item.id)] = forms.CharField(
                label="Where does this go?", required=False, widget=forms.Select(choices=PLACE_CHOICES)
            )
        for n in range(1, TEXT_BOXES + 1):
            self.fields[f"statement_{n}"] = forms.CharField(
                label=f"{scenario.statement_label.capitalize()} {n}",
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        for n in range(1, TEXT_BOXES + 1):
            self.fields[f"goal_{n}"] = forms.CharField(
                label=f"{scenario.goal_label.capitalize()} {n}",
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.fields["scale"] = forms.CharField(
            label="Your scaling score", required=False, widget=forms.RadioSelect(choices=SCALE_CHOICES)
        )
        self.fields["reason"] = forms.CharField(
            label="What makes it that number?", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 3})
        )

    @classmethod
    def initial_from_mapping(cls, mapping: dict[str, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for item_id, category in (mapping.get("placements") or {}).items():
            initial[place_field(item_id)] = category
        for key, prefix in (("statements", "statement"), ("goals", "goal")):
            for n, text in enumerate((mapping.get(key) or [])[:TEXT_BOXES], start=1):
                initial[f"{prefix}_{n}"] = text
        scaling = mapping.get("scaling") or {}
        if scaling.get("score") is not None:
            initial["scale"] = str(scaling["score"])
        initial["reason"] = scaling.get("reason") or ""
        return initial

    def item_fields(self) -> list[tuple[Any, forms.BoundField]]:
        return [(item, self[place_field(item.id)]) for item in self.scenario.items]

    def statement_fields(self) -> list[forms.BoundField]:
        return [self[f"statement_{n}"] for n in range(1, TEXT_BOXES + 1)]

    def goal_fields(self) -> list[forms.BoundField]:
        return [self[f"goal_{n}"] for n in range(1, TEXT_BOXES + 1)]

    def raw_data(self) -> dict[str, Any]:
        """The answer in the mapping file's shape, straight from what was typed."""
        get = self.data.get
        scale = get("scale") or None
        if int_param(scale, 10**10) is not None:
            scale = int_param(scale, 10**10)
        return {
            "scenario": self.scenario.slug,
            "placements": {i.id: get(place_field(i.id)) or None for i in self.scenario.items},
            "statements": [get(f"statement_{n}", "") for n in range(1, TEXT_BOXES + 1)],
            "goals": [get(f"goal_{n}", "") for n in range(1, TEXT_BOXES + 1)],
            "scaling": {"score": scale, "reason": get("reason", "")},
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        data = self.raw_data()
        try:
            mapping_from_data(data, self.scenario, "your answer")
        except ScenarioFileError as exc:
            field, message = _field_for(str(exc))
            self.add_error(field if field in self.fields else None, message)
            return cleaned
        if self.submitting:
            for item in self.scenario.items:
                if not data["placements"].get(item.id):
                    self.add_error(place_field(item.id), f"Choose where this goes: '{_short(item.text)}'")
            if data["scaling"]["score"] is None:
                self.add_error("scale", "Choose a number from 0 to 10 on the scale")
        self.mapping_data = data
        return cleaned


_PATH_RE = re.compile(r"^your answer: (?P<path>[^:]+): (?P<problem>.*)$")
_LABELS = {"statements": "statement", "goals": "goal"}


def _field_for(message: str) -> tuple[str | None, str]:
    """The form field a ScenarioFileError's key path names, and a message for people."""
    match = _PATH_RE.match(message)
    if not match:
        return None, message
    path, problem = match["path"], match["problem"]
    if m := re.match(r"^(statements|goals)\[(\d+)\]$", path):
        n = int(m[2]) + 1
        field = f"{_LABELS[m[1]]}_{n}"
        return field, f"{_LABELS[m[1]].capitalize()} {n} {problem}"
    if path.startswith("placements."):
        return place_field(path.split(".", 1)[1]), f"This item {problem}"
    if path == "scaling.score":
        return "scale", f"The scale {problem}"
    if path == "scaling.reason":
        return "reason", f"Your reason {problem}"
    return None, f"Your answer: {problem}"


def _short(text: str, n: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:n]) + ("..." if len(parts) > n else "")
