"""Reading and writing case scenario files and learners' mapping files.

Pure Python (no Django): the command line, the import and the scoring engine
all go through here. The formats are described in docs/scenarios.md and the
shared spec (scenario-format.md). Every rule a file breaks is reported as a
`ScenarioFileError` whose message names the file, the key path and what is
wrong; nothing here ever lets a traceback reach the person who ran it.
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml


class Category(enum.StrEnum):
    HARM = "harm"
    COMPLICATING_FACTOR = "complicating_factor"
    STRENGTH = "strength"
    SAFETY = "safety"


class Column(enum.StrEnum):
    WORRIES = "worries"
    WORKING_WELL = "working_well"


class Framework(enum.StrEnum):
    CHILD_PROTECTION = "child_protection"
    EARLY_HELP = "early_help"


CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)
FRAMEWORKS: tuple[str, ...] = tuple(f.value for f in Framework)
COLUMN_OF: dict[str, Column] = {
    Category.HARM: Column.WORRIES,
    Category.COMPLICATING_FACTOR: Column.WORRIES,
    Category.STRENGTH: Column.WORKING_WELL,
    Category.SAFETY: Column.WORKING_WELL,
}
CATEGORY_LABELS: dict[str, str] = {
    Category.HARM: "Harm",
    Category.COMPLICATING_FACTOR: "Complicating factor",
    Category.STRENGTH: "Strength",
    Category.SAFETY: "Existing safety",
}
SECTIONS: tuple[str, ...] = ("categorisation", "statements", "goals", "scaling")
DEFAULT_PASS_MARK = 70
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ITEM_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
HTML_TAG_RE = re.compile(r"<[a-zA-Z!/]")

# Limits on a learner's answer: a statement is a sentence or two, so these
# leave plenty of room while refusing pasted documents.
MAX_TEXT_CHARS = 1500
MAX_TEXTS = 5
MAX_MAPPING_BYTES = 64 * 1024
MAX_SCENARIO_BYTES = 512 * 1024


class ScenarioFileError(ValueError):
    """A scenario or mapping file breaks a rule. The message is for people."""


@dataclass(frozen=True)
class Weights:
    categorisation: int = 40
    statements: int = 25
    goals: int = 25
    scaling: int = 10

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in SECTIONS}


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    category: str
    rationale: str
    also_accept: tuple[str, ...] = ()

    def accepts(self, category: str) -> bool:
        return category == self.category or category in self.also_accept


@dataclass(frozen=True)
class ModelStatement:
    """A model danger/worry statement or safety/well-being goal.

    `elements` maps each element's name to the words or phrases that show it,
    in the author's order. `alternatives` are learners' texts that a trainer
    accepted as equally good answers (a platform extension of the format).
    """

    text: str
    elements: dict[str, tuple[str, ...]]
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scaling:
    question: str
    min: int
    max: int
    rationale: str


@dataclass(frozen=True)
class Scenario:
    slug: str
    title: str
    framework: str
    summary: str
    items: tuple[Item, ...]
    statements: tuple[ModelStatement, ...]
    goals: tuple[ModelStatement, ...]
    scaling: Scaling
    pass_mark: int = DEFAULT_PASS_MARK
    weights: Weights = field(default_factory=Weights)
    next_steps: tuple[str, ...] = ()
    bottom_lines: tuple[str, ...] = ()
    jargon: tuple[str, ...] = ()
    narrative: str = ""

    @property
    def is_early_help(self) -> bool:
        return self.framework == Framework.EARLY_HELP

    @property
    def statement_label(self) -> str:
        return "worry statement" if self.is_early_help else "danger statement"

    @property
    def goal_label(self) -> str:
        return "well-being goal" if self.is_early_help else "safety goal"

    def item(self, item_id: str) -> Item | None:
        for item in self.items:
            if item.id == item_id:
                return item
        return None


@dataclass(frozen=True)
class Mapping:
    """A learner's answer to one scenario."""

    scenario: str
    placements: dict[str, str]
    statements: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    scaling_score: int | None = None
    scaling_reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "placements": dict(self.placements),
            "statements": list(self.statements),
            "goals": list(self.goals),
            "scaling": {"score": self.scaling_score, "reason": self.scaling_reason},
        }


def model_mapping(scenario: Scenario) -> Mapping:
    """The model answer as a mapping: what scores 100."""
    return Mapping(
        scenario=scenario.slug,
        placements={item.id: item.category for item in scenario.items},
        statements=tuple(s.text for s in scenario.statements),
        goals=tuple(g.text for g in scenario.goals),
        scaling_score=scenario.scaling.min,
        scaling_reason=scenario.scaling.rationale,
    )


# --- Reading a scenario file --------------------------------------------------------

_TOP_KEYS = {
    "slug",
    "title",
    "framework",
    "summary",
    "pass_mark",
    "weights",
    "items",
    "statements",
    "goals",
    "scaling",
    "next_steps",
    "bottom_lines",
    "jargon",
}
_REQUIRED_KEYS = ("slug", "title", "framework", "summary", "items", "statements", "goals", "scaling")


class _Reader:
    """Checks values and raises errors that name the file and the key path."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, path: str, problem: str) -> ScenarioFileError:
        where = f"{self.name}: {path}: " if path else f"{self.name}: "
        return ScenarioFileError(where + problem)

    def mapping(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"should be a set of keys and values, not {_describe(value)}")
        return value

    def text(self, value: Any, path: str, *, required: bool = True) -> str:
        if value is None and not required:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(path, f"should be text, not {_describe(value)}")
        text = str(value).strip()
        if required and not text:
            raise self.fail(path, "is empty")
        return text

    def whole_number(self, value: Any, path: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, f"{value!r} is not a whole number from {low} to {high}")
        if not low <= value <= high:
            raise self.fail(path, f"{value} is not from {low} to {high}")
        return value

    def text_list(self, value: Any, path: str, *, required: bool = False) -> tuple[str, ...]:
        if value is None:
            value = []
        if not isinstance(value, list):
            raise self.fail(path, f"should be a list, not {_describe(value)}")
        if required and not value:
            raise self.fail(path, "should list at least one entry")
        return tuple(self.text(v, f"{path}[{i}]") for i, v in enumerate(value))


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, dict):
        return "a set of keys"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    return repr(value)


def split_front_matter(text: str, name: str) -> tuple[str, str]:
    """The YAML between the opening `---` lines and the Markdown after them."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ScenarioFileError(f"{name}: the file must start with a line '---' and the YAML front matter")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]).strip("\n")
    raise ScenarioFileError(f"{name}: the front matter has no closing '---' line")


def parse_scenario(text: str, name: str = "scenario.md") -> Scenario:
    """Read a scenario file. Raises ScenarioFileError naming what is wrong."""
    if len(text.encode("utf-8", "replace")) > MAX_SCENARIO_BYTES:
        raise ScenarioFileError(f"{name}: the file is larger than {MAX_SCENARIO_BYTES // 1024} KB")
    front, body = split_front_matter(text, name)
    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        raise ScenarioFileError(f"{name}: the front matter could not be read{where}: {problem}") from None
    return scenario_from_data(data, body, name)


def scenario_from_data(data: Any, narrative: str, name: str = "scenario.md") -> Scenario:
    r = _Reader(name)
    data = r.mapping(data, "front matter")
    unknown = sorted(set(data) - _TOP_KEYS, key=str)
    if unknown:
        raise r.fail(str(unknown[0]), f"is not a key of a scenario file (keys: {', '.join(sorted(_TOP_KEYS))})")
    for key in _REQUIRED_KEYS:
        if key not in data:
            raise r.fail(key, "is missing")

    slug = r.text(data["slug"], "slug")
    if not SLUG_RE.match(slug) or len(slug) > 80:
        raise r.fail("slug", f"{slug!r} must be lowercase letters, digits and single hyphens (at most 80)")
    framework = r.text(data["framework"], "framework")
    if framework not in FRAMEWORKS:
        raise r.fail("framework", f"{framework!r} is not one of {', '.join(FRAMEWORKS)}")
    pass_mark = DEFAULT_PASS_MARK
    if data.get("pass_mark") is not None:
        pass_mark = r.whole_number(data["pass_mark"], "pass_mark", 0, 100)

    weights = Weights()
    if data.get("weights") is not None:
        raw = r.mapping(data["weights"], "weights")
        for key in raw:
            if key not in SECTIONS:
                raise r.fail(f"weights.{key}", f"is not one of {', '.join(SECTIONS)}")
        values = {k: r.whole_number(raw.get(k, getattr(weights, k)), f"weights.{k}", 0, 100) for k in SECTIONS}
        if sum(values.values()) != 100:
            raise r.fail("weights", f"must add up to 100, not {sum(values.values())}")
        weights = Weights(**values)

    items = _read_items(r, data["items"])
    statements = _read_models(r, data["statements"], "statements")
    goals = _read_models(r, data["goals"], "goals")

    raw_scaling = r.mapping(data["scaling"], "scaling")
    for key in ("question", "min", "max", "rationale"):
        if key not in raw_scaling:
            raise r.fail(f"scaling.{key}", "is missing")
    scaling = Scaling(
        question=r.text(raw_scaling["question"], "scaling.question"),
        min=r.whole_number(raw_scaling["min"], "scaling.min", 0, 10),
        max=r.whole_number(raw_scaling["max"], "scaling.max", 0, 10),
        rationale=r.text(raw_scaling["rationale"], "scaling.rationale"),
    )
    if scaling.min > scaling.max:
        raise r.fail("scaling.min", f"{scaling.min} is more than scaling.max ({scaling.max})")

    return Scenario(
        slug=slug,
        title=r.text(data["title"], "title"),
        framework=framework,
        summary=r.text(data["summary"], "summary"),
        items=items,
        statements=statements,
        goals=goals,
        scaling=scaling,
        pass_mark=pass_mark,
        weights=weights,
        next_steps=r.text_list(data.get("next_steps"), "next_steps"),
        bottom_lines=r.text_list(data.get("bottom_lines"), "bottom_lines"),
        jargon=r.text_list(data.get("jargon"), "jargon"),
        narrative=narrative.strip("\n"),
    )


def _read_items(r: _Reader, value: Any) -> tuple[Item, ...]:
    if not isinstance(value, list) or not value:
        raise r.fail("items", "should be a list of at least one item")
    seen: set[str] = set()
    items = []
    for index, raw in enumerate(value):
        path = f"items[{index}]"
        raw = r.mapping(raw, path)
        for key in raw:
            if key not in {"id", "text", "category", "also_accept", "rationale"}:
                raise r.fail(f"{path}.{key}", "is not a key of an item (id, text, category, also_accept, rationale)")
        for key in ("id", "text", "category", "rationale"):
            if key not in raw:
                raise r.fail(f"{path}.{key}", "is missing")
        item_id = r.text(raw["id"], f"{path}.id")
        if not ITEM_ID_RE.match(item_id) or len(item_id) > 60:
            raise r.fail(f"{path}.id", f"{item_id!r} must be lowercase letters, digits and hyphens")
        if item_id in seen:
            raise r.fail(f"{path}.id", f"{item_id!r} is used by another item")
        seen.add(item_id)
        category = _category(r, raw["category"], f"{path}.category")
        also = raw.get("also_accept") or []
        if not isinstance(also, list):
            raise r.fail(f"{path}.also_accept", f"should be a list, not {_describe(also)}")
        also_accept = tuple(_category(r, c, f"{path}.also_accept[{i}]") for i, c in enumerate(also))
        items.append(
            Item(
                id=item_id,
                text=r.text(raw["text"], f"{path}.text"),
                category=category,
                rationale=r.text(raw["rationale"], f"{path}.rationale"),
                also_accept=tuple(c for c in also_accept if c != category),
            )
        )
    return tuple(items)


def _category(r: _Reader, value: Any, path: str) -> str:
    text = value if isinstance(value, str) else repr(value)
    if text not in CATEGORIES:
        raise r.fail(path, f"{text!r} is not one of {', '.join(CATEGORIES)}")
    return text


def _read_models(r: _Reader, value: Any, key: str) -> tuple[ModelStatement, ...]:
    from scenarios.matching import contains_any

    if not isinstance(value, list) or not value:
        raise r.fail(key, "should be a list of at least one model text with its elements")
    models = []
    for index, raw in enumerate(value):
        path = f"{key}[{index}]"
        raw = r.mapping(raw, path)
        for k in raw:
            if k not in {"text", "elements", "alternatives"}:
                raise r.fail(f"{path}.{k}", "is not a key here (text, elements, alternatives)")
        if "text" not in raw:
            raise r.fail(f"{path}.text", "is missing")
        if "elements" not in raw:
            raise r.fail(f"{path}.elements", "is missing")
        text = r.text(raw["text"], f"{path}.text")
        raw_elements = r.mapping(raw["elements"], f"{path}.elements")
        if not raw_elements:
            raise r.fail(f"{path}.elements", "should name at least one element")
        elements: dict[str, tuple[str, ...]] = {}
        for name, words in raw_elements.items():
            epath = f"{path}.elements.{name}"
            if not isinstance(name, str) or not re.match(r"^[a-z][a-z0-9_]*$", name):
                raise r.fail(epath, "an element's name must be lowercase letters, digits and underscores")
            elements[name] = r.text_list(words, epath, required=True)
            for i, word in enumerate(elements[name]):
                # Authors edit element words as a comma-separated list in the admin.
                if "," in word:
                    raise r.fail(f"{epath}[{i}]", f"{word!r} contains a comma; list each word separately")
            # The model text is the model answer: it must show every element,
            # or the model answer itself could not score 100.
            if not contains_any(text, elements[name]):
                raise r.fail(epath, "the model text contains none of these words")
        models.append(
            ModelStatement(
                text=text,
                elements=elements,
                alternatives=r.text_list(raw.get("alternatives"), f"{path}.alternatives"),
            )
        )
    return tuple(models)


# --- Writing a scenario file -----------------------------------------------------------


def scenario_to_data(scenario: Scenario) -> dict[str, Any]:
    """The front matter as plain data, keys in the spec's order."""
    data: dict[str, Any] = {
        "slug": scenario.slug,
        "title": scenario.title,
        "framework": scenario.framework,
        "summary": scenario.summary,
        "pass_mark": scenario.pass_mark,
        "weights": scenario.weights.as_dict(),
        "items": [
            {
                "id": item.id,
                "text": item.text,
                "category": item.category,
                **({"also_accept": list(item.also_accept)} if item.also_accept else {}),
                "rationale": item.rationale,
            }
            for item in scenario.items
        ],
        "statements": [_model_to_data(s) for s in scenario.statements],
        "goals": [_model_to_data(g) for g in scenario.goals],
        "scaling": {
            "question": scenario.scaling.question,
            "min": scenario.scaling.min,
            "max": scenario.scaling.max,
            "rationale": scenario.scaling.rationale,
        },
        "next_steps": list(scenario.next_steps),
        "bottom_lines": list(scenario.bottom_lines),
        "jargon": list(scenario.jargon),
    }
    return data


def _model_to_data(model: ModelStatement) -> dict[str, Any]:
    data: dict[str, Any] = {"text": model.text, "elements": {k: list(v) for k, v in model.elements.items()}}
    if model.alternatives:
        data["alternatives"] = list(model.alternatives)
    return data


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as a file that `parse_scenario` reads back to an equal Scenario."""
    front = yaml.safe_dump(scenario_to_data(scenario), sort_keys=False, allow_unicode=True, width=100_000)
    return f"---\n{front}---\n{scenario.narrative}\n"


# --- Reading a mapping ------------------------------------------------------------------


def parse_mapping(text: str, scenario: Scenario, name: str = "mapping.json") -> Mapping:
    """Read a learner's mapping file (JSON) for `scenario`."""
    if len(text.encode("utf-8", "replace")) > MAX_MAPPING_BYTES:
        raise ScenarioFileError(f"{name}: the file is larger than {MAX_MAPPING_BYTES // 1024} KB")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioFileError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return mapping_from_data(data, scenario, name)


def mapping_from_data(data: Any, scenario: Scenario, name: str = "mapping") -> Mapping:
    """Check a learner's answer given as plain data (from a file or a form)."""
    r = _Reader(name)
    data = r.mapping(data, "")
    for key in data:
        if key not in {"scenario", "placements", "statements", "goals", "scaling"}:
            raise r.fail(str(key), "is not a key of a mapping (scenario, placements, statements, goals, scaling)")
    slug = data.get("scenario")
    if slug != scenario.slug:
        raise r.fail("scenario", f"this mapping is for {slug!r}, not for {scenario.slug!r}")

    raw_placements = data.get("placements") or {}
    if not isinstance(raw_placements, dict):
        raise r.fail("placements", f"should be a set of item ids and categories, not {_describe(raw_placements)}")
    known = {item.id for item in scenario.items}
    placements: dict[str, str] = {}
    for item_id, category in raw_placements.items():
        if item_id not in known:
            raise r.fail(f"placements.{item_id}", "there is no item with this id in the scenario")
        if category is None or category == "":
            continue
        placements[item_id] = _category(r, category, f"placements.{item_id}")
    # Keep the scenario's order so results never depend on the file's order.
    placements = {item.id: placements[item.id] for item in scenario.items if item.id in placements}

    statements = _learner_texts(r, data.get("statements"), "statements")
    goals = _learner_texts(r, data.get("goals"), "goals")

    raw_scaling = data.get("scaling") or {}
    if not isinstance(raw_scaling, dict):
        raise r.fail("scaling", f"should have a score and a reason, not {_describe(raw_scaling)}")
    for key in raw_scaling:
        if key not in {"score", "reason"}:
            raise r.fail(f"scaling.{key}", "is not a key of scaling (score, reason)")
    score = raw_scaling.get("score")
    if score is not None:
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
            raise r.fail("scaling.score", f"{score!r} is not a whole number from 0 to 10")
    reason = raw_scaling.get("reason") or ""
    if not isinstance(reason, str):
        raise r.fail("scaling.reason", f"should be text, not {_describe(reason)}")
    _check_learner_text(r, reason, "scaling.reason")
    return Mapping(
        scenario=scenario.slug,
        placements=placements,
        statements=statements,
        goals=goals,
        scaling_score=score,
        scaling_reason=reason.strip(),
    )


def _learner_texts(r: _Reader, value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise r.fail(key, f"should be a list of texts, not {_describe(value)}")
    if len(value) > MAX_TEXTS:
        raise r.fail(key, f"has {len(value)} entries; write at most {MAX_TEXTS}")
    texts = []
    for index, text in enumerate(value):
        if not isinstance(text, str):
            raise r.fail(f"{key}[{index}]", f"should be text, not {_describe(text)}")
        _check_learner_text(r, text, f"{key}[{index}]")
        if text.strip():
            texts.append(text.strip())
    return tuple(texts)


def _check_learner_text(r: _Reader, text: str, path: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise r.fail(path, f"is {len(text):,} characters long; keep it under {MAX_TEXT_CHARS:,}")
    if HTML_TAG_RE.search(text):
        raise r.fail(path, "contains HTML or a script tag; write plain words only")
    if "\x00" in text:
        raise r.fail(path, "contains a NUL character, which cannot be stored; type it again in plain words")
