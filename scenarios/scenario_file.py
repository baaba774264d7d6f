"""Reading and writing case scenario files and learners' mapping files.

Pure Python (no Django): the command line, the import and the scoring engine
all go through here. The formats are described in docs/scenarios.md and the
shared spec (scenario-format.md). Every rule a file breaks is reported as a
`ScenarioFileError` whose message names the file, the key path and what is
wrong; nothing here ever lets a traceback reach the person who ran it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from lib.format_check import FileProblems
from lib.strict_yaml import MAX_NESTING, MAX_NUMBER_DIGITS, StrictLoader
from lib.strict_yaml import show as _show
from scenarios.domain import (
    CATEGORIES,
    CATEGORY_LABELS,
    COLUMN_OF,
    DEFAULT_PASS_MARK,
    FRAMEWORKS,
    MAX_TEXT_CHARS,
    MAX_TEXTS,
    ROLES,
    SECTIONS,
    Category,
    Column,
    Framework,
    Item,
    Mapping,
    ModelStatement,
    Person,
    Role,
    Scaling,
    Scenario,
    ScenarioFileError,
    Weights,
    model_mapping,
)
from scenarios.matching import contains_any

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "COLUMN_OF",
    "DEFAULT_PASS_MARK",
    "FRAMEWORKS",
    "MAX_TEXTS",
    "MAX_TEXT_CHARS",
    "ROLES",
    "SECTIONS",
    "Category",
    "Column",
    "Framework",
    "Item",
    "Mapping",
    "ModelStatement",
    "Person",
    "Role",
    "Scaling",
    "Scenario",
    "ScenarioFileError",
    "Weights",
    "dump_scenario",
    "mapping_from_data",
    "model_mapping",
    "parse_mapping",
    "parse_scenario",
    "scenario_from_data",
    "split_front_matter",
]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ITEM_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
HTML_TAG_RE = re.compile(r"<[a-zA-Z!/]")
MAX_MAPPING_BYTES = 64 * 1024
MAX_SCENARIO_BYTES = 512 * 1024


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
    "people",
}
_REQUIRED_KEYS = ("slug", "title", "framework", "summary", "items", "statements", "goals", "scaling")


class _Reader(FileProblems):
    """Checks values and collects every problem (lib.format_check), each naming the file and the key path.

    `fail` makes an error; `collecting` runs one part of the file and keeps its error,
    so a file with five mistakes is refused once with all five, not five times.
    """

    def fail(self, path: str, problem: str) -> ScenarioFileError:
        return ScenarioFileError(self.located(path, problem))

    def raise_problems(self) -> None:
        if self.problems:
            raise ScenarioFileError(self.one_line())

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
        if _SURROGATE_RE.search(text):
            raise self.fail(path, "contains a character that is not valid text; type it again in plain words")
        return text

    def whole_number(self, value: Any, path: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, f"{_show(value)} is not a whole number from {low} to {high}")
        if not low <= value <= high:
            raise self.fail(path, f"{_show(value)} is not from {low} to {high}")
        return value

    def text_list(self, value: Any, path: str, *, required: bool = False) -> tuple[str, ...]:
        if value is None:
            value = []
        if not isinstance(value, list):
            raise self.fail(path, f"should be a list, not {_describe(value)}")
        if required and not value:
            raise self.fail(path, "should list at least one entry")
        return tuple(self.text(v, f"{path}[{i}]") for i, v in enumerate(value))


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _key(value: Any) -> str:
    """A key as it may appear in a key path: short, unquoted."""
    text = _show(value)
    return text[1:-1] if isinstance(value, str) and text.endswith("'") else text


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
        return f"the number {_show(value)}"
    return _show(value)


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
    """Read a scenario file. Raises ScenarioFileError naming every problem found."""
    if len(text.encode("utf-8", "replace")) > MAX_SCENARIO_BYTES:
        raise ScenarioFileError(f"{name}: the file is larger than {MAX_SCENARIO_BYTES // 1024} KB")
    front, body = split_front_matter(text, name)
    if _flow_nesting(front) > MAX_NESTING:
        # Counted before parsing: PyYAML's scanner reads a deep flow collection
        # slowly (about a second for 5,000 levels) before the loader can refuse it.
        raise ScenarioFileError(f"{name}: the front matter nests more than {MAX_NESTING} levels of lists and keys")
    try:
        data = yaml.load(front, Loader=StrictLoader)  # a SafeLoader with fewer features
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = _show(getattr(exc, "problem", None) or "it is not valid YAML", 120).strip("'")
        raise ScenarioFileError(f"{name}: the front matter could not be read{where}: {problem}") from None
    except (RecursionError, MemoryError):
        raise ScenarioFileError(f"{name}: the front matter is nested too deeply to read") from None
    except ValueError:
        raise ScenarioFileError(f"{name}: the front matter holds a value that cannot be read") from None
    if _SURROGATE_RE.search(body):
        raise ScenarioFileError(f"{name}: the case narrative contains a character that is not valid text")
    return scenario_from_data(data, body, name)


def scenario_from_data(data: Any, narrative: str, name: str = "scenario.md") -> Scenario:
    """Check a scenario given as plain data; every problem is collected and reported at once."""
    r = _Reader(name)
    data = r.mapping(data, "front matter")
    for key in sorted(set(data) - _TOP_KEYS, key=str):
        r.problems.append(
            str(r.fail(_key(key), f"is not a key of a scenario file (keys: {', '.join(sorted(_TOP_KEYS))})"))
        )
    for key in _REQUIRED_KEYS:
        if key not in data:
            r.problems.append(str(r.fail(key, "is missing")))

    slug = framework = title = summary = ""
    with r.collecting(ScenarioFileError):
        slug = r.text(data.get("slug"), "slug")
        if not SLUG_RE.match(slug) or len(slug) > 80:
            raise r.fail("slug", f"{_show(slug)} must be lowercase letters, digits and single hyphens (at most 80)")
    with r.collecting(ScenarioFileError):
        framework = r.text(data.get("framework"), "framework")
        if framework not in FRAMEWORKS:
            raise r.fail("framework", f"{_show(framework)} is not one of {', '.join(FRAMEWORKS)}")
    with r.collecting(ScenarioFileError):
        title = r.text(data.get("title"), "title")
    with r.collecting(ScenarioFileError):
        summary = r.text(data.get("summary"), "summary")
    pass_mark = DEFAULT_PASS_MARK
    with r.collecting(ScenarioFileError):
        if data.get("pass_mark") is not None:
            pass_mark = r.whole_number(data["pass_mark"], "pass_mark", 0, 100)

    weights = Weights()
    with r.collecting(ScenarioFileError):
        if data.get("weights") is not None:
            raw = r.mapping(data["weights"], "weights")
            for key in raw:
                if key not in SECTIONS:
                    raise r.fail(f"weights.{_key(key)}", f"is not one of {', '.join(SECTIONS)}")
            values = {k: r.whole_number(raw.get(k, getattr(weights, k)), f"weights.{k}", 0, 100) for k in SECTIONS}
            if sum(values.values()) != 100:
                raise r.fail("weights", f"must add up to 100, not {sum(values.values())}")
            weights = Weights(**values)

    items = _read_items(r, data["items"]) if "items" in data else ()
    statements = _read_models(r, data["statements"], "statements") if "statements" in data else ()
    goals = _read_models(r, data["goals"], "goals") if "goals" in data else ()
    people = _read_people(r, data.get("people"))

    scaling = None
    with r.collecting(ScenarioFileError):
        if "scaling" in data:
            scaling = _read_scaling(r, data["scaling"])
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("next_steps", "bottom_lines", "jargon"):
        lists[key] = ()
        with r.collecting(ScenarioFileError):
            lists[key] = r.text_list(data.get(key), key)
    r.raise_problems()
    assert scaling is not None  # a missing or bad scaling is a problem raised above
    return Scenario(
        slug=slug,
        title=title,
        framework=framework,
        summary=summary,
        items=items,
        statements=statements,
        goals=goals,
        scaling=scaling,
        pass_mark=pass_mark,
        weights=weights,
        next_steps=lists["next_steps"],
        bottom_lines=lists["bottom_lines"],
        jargon=lists["jargon"],
        narrative=narrative.strip("\n"),
        people=people,
    )


def _read_scaling(r: _Reader, value: Any) -> Scaling:
    raw = r.mapping(value, "scaling")
    for key in ("question", "min", "max", "rationale"):
        if key not in raw:
            raise r.fail(f"scaling.{key}", "is missing")
    scaling = Scaling(
        question=r.text(raw["question"], "scaling.question"),
        min=r.whole_number(raw["min"], "scaling.min", 0, 10),
        max=r.whole_number(raw["max"], "scaling.max", 0, 10),
        rationale=r.text(raw["rationale"], "scaling.rationale"),
    )
    if scaling.min > scaling.max:
        raise r.fail("scaling.min", f"{scaling.min} is more than scaling.max ({scaling.max})")
    return scaling


def _read_items(r: _Reader, value: Any) -> tuple[Item, ...]:
    if not isinstance(value, list) or not value:
        r.problems.append(str(r.fail("items", "should be a list of at least one item")))
        return ()
    seen: set[str] = set()
    items = []
    for index, raw in enumerate(value):
        with r.collecting(ScenarioFileError):
            items.append(_read_item(r, raw, f"items[{index}]", seen))
    return tuple(items)


def _read_item(r: _Reader, raw: Any, path: str, seen: set[str]) -> Item:
    raw = r.mapping(raw, path)
    for key in raw:
        if key not in {"id", "text", "category", "also_accept", "rationale"}:
            raise r.fail(f"{path}.{_key(key)}", "is not a key of an item (id, text, category, also_accept, rationale)")
    for key in ("id", "text", "category", "rationale"):
        if key not in raw:
            raise r.fail(f"{path}.{key}", "is missing")
    item_id = r.text(raw["id"], f"{path}.id")
    if not ITEM_ID_RE.match(item_id) or len(item_id) > 60:
        raise r.fail(f"{path}.id", f"{_show(item_id)} must be lowercase letters, digits and hyphens")
    if item_id in seen:
        raise r.fail(f"{path}.id", f"{_show(item_id)} is used by another item")
    seen.add(item_id)
    category = _category(r, raw["category"], f"{path}.category")
    also = raw.get("also_accept") or []
    if not isinstance(also, list):
        raise r.fail(f"{path}.also_accept", f"should be a list, not {_describe(also)}")
    also_accept = tuple(_category(r, c, f"{path}.also_accept[{i}]") for i, c in enumerate(also))
    return Item(
        id=item_id,
        text=r.text(raw["text"], f"{path}.text"),
        category=category,
        rationale=r.text(raw["rationale"], f"{path}.rationale"),
        also_accept=tuple(c for c in also_accept if c != category),
    )


def _category(r: _Reader, value: Any, path: str) -> str:
    if not isinstance(value, str) or value not in CATEGORIES:
        raise r.fail(path, f"{_show(value)} is not one of {', '.join(CATEGORIES)}")
    return value


def _read_models(r: _Reader, value: Any, key: str) -> tuple[ModelStatement, ...]:
    if not isinstance(value, list) or not value:
        r.problems.append(str(r.fail(key, "should be a list of at least one model text with its elements")))
        return ()
    models = []
    for index, raw in enumerate(value):
        with r.collecting(ScenarioFileError):
            models.append(_read_model(r, raw, f"{key}[{index}]"))
    return tuple(models)


def _read_model(r: _Reader, raw: Any, path: str) -> ModelStatement:
    raw = r.mapping(raw, path)
    for k in raw:
        if k not in {"text", "elements", "alternatives"}:
            raise r.fail(f"{path}.{_key(k)}", "is not a key here (text, elements, alternatives)")
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
        epath = f"{path}.elements.{_key(name)}"
        if not isinstance(name, str) or not re.match(r"^[a-z][a-z0-9_]*$", name):
            raise r.fail(epath, "an element's name must be lowercase letters, digits and underscores")
        elements[name] = r.text_list(words, epath, required=True)
        for i, word in enumerate(elements[name]):
            # Authors edit element words as a comma-separated list in the admin.
            if "," in word:
                raise r.fail(f"{epath}[{i}]", f"{_show(word)} contains a comma; list each word separately")
        # The model text is the model answer: it must show every element,
        # or the model answer itself could not score 100.
        if not contains_any(text, elements[name]):
            raise r.fail(epath, "the model text contains none of these words")
    return ModelStatement(
        text=text, elements=elements, alternatives=r.text_list(raw.get("alternatives"), f"{path}.alternatives")
    )


def _read_people(r: _Reader, value: Any) -> tuple[Person, ...]:
    """The optional `people` key: who is in the case, and the other names learners use for them."""
    if value is None:
        return ()
    if not isinstance(value, list):
        r.problems.append(str(r.fail("people", f"should be a list of people, not {_describe(value)}")))
        return ()
    people = []
    for index, raw in enumerate(value):
        path = f"people[{index}]"
        with r.collecting(ScenarioFileError):
            raw = r.mapping(raw, path)
            for key in raw:
                if key not in {"name", "role", "other_names"}:
                    raise r.fail(f"{path}.{_key(key)}", "is not a key of a person (name, role, other_names)")
            if "name" not in raw:
                raise r.fail(f"{path}.name", "is missing")
            role = r.text(raw.get("role"), f"{path}.role")
            if role not in ROLES:
                raise r.fail(f"{path}.role", f"{_show(role)} is not one of {', '.join(ROLES)}")
            people.append(
                Person(
                    name=r.text(raw["name"], f"{path}.name"),
                    role=role,
                    other_names=r.text_list(raw.get("other_names"), f"{path}.other_names"),
                )
            )
    return tuple(people)


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
    if scenario.people:
        data["people"] = [
            {"name": p.name, "role": p.role, **({"other_names": list(p.other_names)} if p.other_names else {})}
            for p in scenario.people
        ]
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


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _JSONRefused(f"the key {_show(key)} appears twice; keep one")
        seen[key] = value
    return seen


class _JSONRefused(ValueError):
    pass


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _JSONRefused(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    return int(text)


def _json_float(text: str) -> float:
    if len(text) > 2 * MAX_NUMBER_DIGITS:
        raise _JSONRefused(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    return float(text)


def _json_constant(text: str) -> Any:
    raise _JSONRefused(f"{text} is not a number a mapping can hold")


def _flow_nesting(front: str) -> int:
    """How deeply YAML's bracketed lists and maps ([ ], { }) nest, counted before parsing.

    A line that starts a new top-level key ends any bracket left open above it,
    so a stray "[" in some text can never add up across keys.
    """
    depth = deepest = 0
    for line in front.splitlines():
        if line[:1].isalpha():
            depth = 0
        for ch in line:
            if ch in "[{":
                depth += 1
                deepest = max(deepest, depth)
            elif ch in "]}" and depth:
                depth -= 1
    return deepest


def _nesting(text: str) -> int:
    """How deeply lists and objects nest, counted before parsing (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def read_limited(path: Path, limit: int) -> str:
    """A file's UTF-8 text, refused when it is larger than `limit` bytes without reading it whole.

    Raises ScenarioFileError for a file that is too large, and OSError or
    UnicodeDecodeError for the caller to word (a missing file, bad bytes).
    """
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ScenarioFileError(f"{path.name}: the file is larger than {limit // 1024} KB")
    return data.decode("utf-8")


def parse_mapping(text: str, scenario: Scenario, name: str = "mapping.json") -> Mapping:
    """Read a learner's mapping file (JSON) for `scenario`."""
    if len(text.encode("utf-8", "replace")) > MAX_MAPPING_BYTES:
        raise ScenarioFileError(f"{name}: the file is larger than {MAX_MAPPING_BYTES // 1024} KB")
    if _nesting(text) > MAX_NESTING:
        raise ScenarioFileError(f"{name}: lists and keys are nested more than {MAX_NESTING} levels deep")
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_int=_json_int,
            parse_float=_json_float,
            parse_constant=_json_constant,
        )
    except json.JSONDecodeError as exc:
        raise ScenarioFileError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except _JSONRefused as exc:
        raise ScenarioFileError(f"{name}: {exc}") from None
    except (RecursionError, ValueError):
        raise ScenarioFileError(f"{name}: not valid JSON") from None
    return mapping_from_data(data, scenario, name)


def mapping_from_data(data: Any, scenario: Scenario, name: str = "mapping") -> Mapping:
    """Check a learner's answer given as plain data (from a file or a form)."""
    r = _Reader(name)
    data = r.mapping(data, "")
    for key in data:
        if key not in {"scenario", "placements", "statements", "goals", "scaling"}:
            raise r.fail(_key(key), "is not a key of a mapping (scenario, placements, statements, goals, scaling)")
    slug = data.get("scenario")
    if slug != scenario.slug:
        raise r.fail("scenario", f"this mapping is for {_show(slug)}, not for {scenario.slug!r}")

    raw_placements = data.get("placements") or {}
    if not isinstance(raw_placements, dict):
        raise r.fail("placements", f"should be a set of item ids and categories, not {_describe(raw_placements)}")
    known = {item.id for item in scenario.items}
    placements: dict[str, str] = {}
    for item_id, category in raw_placements.items():
        if item_id not in known:
            raise r.fail(f"placements.{_key(item_id)}", "there is no item with this id in the scenario")
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
            raise r.fail(f"scaling.{_key(key)}", "is not a key of scaling (score, reason)")
    score = raw_scaling.get("score")
    if score is not None:
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
            raise r.fail("scaling.score", f"{_show(score)} is not a whole number from 0 to 10")
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
    if _SURROGATE_RE.search(text):
        raise r.fail(path, "contains a character that is not valid text; type it again in plain words")
    if "\x00" in text:
        raise r.fail(path, "contains a NUL character, which cannot be stored; type it again in plain words")
