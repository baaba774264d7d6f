"""The demo case scenarios in scenarios/content/ follow the scenario file format.

These checks use only PyYAML and the standard library, so they hold even
before (or without) the scoring engine. When the engine is importable, the
last tests also score each model answer and each learner mapping with it.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

CONTENT = Path(__file__).resolve().parents[1] / "content"
MAPPINGS = CONTENT / "mappings"
SHARED_EXAMPLE = Path("/work/shared/spec/examples/hollins-family.md")

EXPECTED_SLUGS = {
    "hollins-family": "child_protection",
    "novak-family": "child_protection",
    "brennan-family": "early_help",
    "carter-family": "child_protection",
    "lewis-family": "child_protection",
    "ahmed-family": "early_help",
}
CATEGORIES = {"harm", "complicating_factor", "strength", "safety"}
COLUMN = {"harm": "worried", "complicating_factor": "worried", "strength": "working", "safety": "working"}
DEFAULT_WEIGHTS = {"categorisation": 40, "statements": 25, "goals": 25, "scaling": 10}
REQUIRED_KEYS = {
    "slug",
    "title",
    "framework",
    "summary",
    "items",
    "statements",
    "goals",
    "scaling",
    "next_steps",
    "bottom_lines",
    "jargon",
}
STATEMENT_ELEMENTS = {"who", "behaviour", "child", "impact", "future"}
GOAL_ELEMENTS = {"network", "behaviour", "child", "over_time", "checking"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The labels the issue asks the site-wide jargon list to be seeded with, plus
# the ones the brief names: a model answer must never use them.
SITE_JARGON = [
    "domestic violence",
    "domestic abuse",
    "DV",
    "neglect",
    "substance misuse",
    "non-engagement",
    "disguised compliance",
    "risk of significant harm",
    "CP plan",
    "LAC",
    "parental capacity",
]
# A model text must read as a sentence, not a list of key words: the engine ignores words after the 80th
# and treats a text that hits more than four phrases of one element as stuffed.
MAX_MODEL_WORDS = 80
MAX_PHRASES_PER_ELEMENT = 4
ABSENCE_WORDS = re.compile(r"\b(?:not|won't|wont|never|no more|stop|stops|without)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


IRREGULAR = {
    "child": {"children"},
    "children": {"child"},
    "drink": {"drunk", "drank"},
    "feed": {"fed"},
    "tell": {"told"},
    "see": {"saw", "seen"},
}


def _inflects(word: str, base: str) -> bool:
    """Whether `word` is `base` or an ordinary inflection of it (hit -> hitting, worry -> worried)."""
    if word == base or word in IRREGULAR.get(base, set()):
        return True
    stems = {base, base + base[-1], base[:-1] if base.endswith("e") else base}
    if base.endswith("y"):
        stems.add(base[:-1] + "i")
    return any(word == s + suffix for s in stems for suffix in ("s", "es", "ed", "d", "ing", "ly", "er"))


def contains(text: str, phrase: str, *, exact: bool = False) -> bool:
    """Whole-word phrase match, case-insensitive; unless exact, each word may be inflected."""
    words, target = _words(text), _words(phrase)
    if not target:
        return False
    for start in range(len(words) - len(target) + 1):
        window = words[start : start + len(target)]
        if all(w == t or (not exact and _inflects(w, t)) for w, t in zip(window, target, strict=True)):
            return True
    return False


def covered(text: str, elements: dict[str, list[str]], *, exact: bool = False) -> set[str]:
    return {name for name, phrases in elements.items() if any(contains(text, p, exact=exact) for p in phrases)}


def read_scenario(path: Path) -> tuple[dict[str, Any], str]:
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("---\n"), f"{path.name}: must start with a '---' line"
    front, separator, body = raw[4:].partition("\n---\n")
    assert separator, f"{path.name}: front matter has no closing '---' line"
    data = yaml.safe_load(front)
    assert isinstance(data, dict), f"{path.name}: front matter is not a mapping"
    return data, body


def scenario_files() -> list[Path]:
    return sorted(CONTENT.glob("*.md"))


def scenario_params() -> list[Any]:
    return [pytest.param(path, id=path.stem) for path in scenario_files()]


def mapping(slug: str, kind: str) -> dict[str, Any]:
    return json.loads((MAPPINGS / f"{slug}.{kind}.json").read_text(encoding="utf-8"))


def all_texts(data: dict[str, Any]) -> list[str]:
    texts = [data["title"], data["summary"], data["scaling"]["question"], data["scaling"]["rationale"]]
    for item in data["items"]:
        texts += [item["text"], item["rationale"]]
    texts += [entry["text"] for entry in data["statements"] + data["goals"]]
    return texts + list(data["next_steps"]) + list(data["bottom_lines"])


def test_there_are_the_six_scenarios_the_issue_asks_for() -> None:
    assert {path.stem for path in scenario_files()} == set(EXPECTED_SLUGS)
    frameworks = [read_scenario(path)[0]["framework"] for path in scenario_files()]
    assert frameworks.count("early_help") >= 2


def test_the_hollins_family_is_the_shared_worked_example_with_only_its_people_added() -> None:
    if not SHARED_EXAMPLE.exists():
        pytest.skip("the shared worked example is not on this machine")
    # The platform's optional `people` key (docs/scenarios.md) is the one addition.
    ours = (CONTENT / "hollins-family.md").read_text(encoding="utf-8")
    people = re.search(r"^people:\n(?:  .*\n)+", ours, flags=re.MULTILINE)
    assert people is not None
    assert (ours[: people.start()] + ours[people.end() :]).encode() == SHARED_EXAMPLE.read_bytes()


@pytest.mark.parametrize("path", scenario_params())
def test_the_front_matter_has_every_required_key_and_valid_values(path: Path) -> None:
    data, body = read_scenario(path)
    assert REQUIRED_KEYS <= data.keys(), f"missing {REQUIRED_KEYS - data.keys()}"
    assert data["slug"] == path.stem
    assert data["framework"] == EXPECTED_SLUGS[path.stem]
    assert data.get("pass_mark", 70) == 70
    assert 1 <= len(re.findall(r"[.!?](?:\s|$)", data["summary"])) <= 2
    # The worked example is kept identical to the shared spec, whose narrative is a little shorter.
    shortest = 100 if path.stem == "hollins-family" else 120
    assert shortest <= len(body.split()) <= 250, f"narrative has {len(body.split())} words"


@pytest.mark.parametrize("path", scenario_params())
def test_the_weights_are_the_defaults_or_sum_to_100(path: Path) -> None:
    data, _ = read_scenario(path)
    weights = data.get("weights", DEFAULT_WEIGHTS)
    assert weights.keys() == DEFAULT_WEIGHTS.keys()
    assert sum(weights.values()) == 100


@pytest.mark.parametrize("path", scenario_params())
def test_the_items_have_unique_ids_valid_categories_and_a_rationale(path: Path) -> None:
    data, _ = read_scenario(path)
    items = data["items"]
    assert 8 <= len(items) <= 14
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), "item ids must be unique"
    for item in items:
        assert ID_PATTERN.match(item["id"]), item["id"]
        assert item["category"] in CATEGORIES, item["id"]
        also = item.get("also_accept", [])
        assert set(also) <= CATEGORIES and item["category"] not in also, item["id"]
        assert item["text"].strip() and item["rationale"].strip(), item["id"]
    assert {item["category"] for item in items} == CATEGORIES, "every category needs at least one item"


@pytest.mark.parametrize("path", scenario_params())
def test_no_text_contains_html_or_script(path: Path) -> None:
    data, body = read_scenario(path)
    for text in [*all_texts(data), body]:
        assert "<" not in text and ">" not in text, text


@pytest.mark.parametrize("path", scenario_params())
def test_the_scaling_range_is_two_or_three_points_inside_0_to_10(path: Path) -> None:
    scaling = read_scenario(path)[0]["scaling"]
    assert 0 <= scaling["min"] <= scaling["max"] <= 10
    assert 1 <= scaling["max"] - scaling["min"] <= 2
    assert "10" in scaling["question"] and " 0 " in scaling["question"]
    assert scaling["rationale"].strip()


@pytest.mark.parametrize("path", scenario_params())
def test_next_steps_bottom_lines_and_jargon_are_sized_as_the_brief_says(path: Path) -> None:
    data, _ = read_scenario(path)
    assert 2 <= len(data["next_steps"]) <= 4
    assert 1 <= len(data["bottom_lines"]) <= 3
    assert 2 <= len(data["jargon"]) <= 5


@pytest.mark.parametrize("path", scenario_params())
def test_each_model_text_contains_a_phrase_of_every_one_of_its_elements(path: Path) -> None:
    data, _ = read_scenario(path)
    assert 1 <= len(data["statements"]) <= 2 and 1 <= len(data["goals"]) <= 2
    for entry, expected in [(s, STATEMENT_ELEMENTS) for s in data["statements"]] + [
        (g, GOAL_ELEMENTS) for g in data["goals"]
    ]:
        elements = entry["elements"]
        assert expected <= elements.keys(), f"missing elements {expected - elements.keys()}"
        assert all(isinstance(phrases, list) and phrases for phrases in elements.values())
        # Exact whole words, stricter than the engine's matching, so the model answer scores 100 there too.
        missing = elements.keys() - covered(entry["text"], elements, exact=True)
        assert not missing, f"{entry['text']!r} has no phrase for {missing}"


@pytest.mark.parametrize("path", scenario_params())
def test_each_model_text_reads_as_sentences_not_a_list_of_key_words(path: Path) -> None:
    data, _ = read_scenario(path)
    for entry in data["statements"] + data["goals"]:
        assert len(_words(entry["text"])) <= MAX_MODEL_WORDS, entry["text"]
        for name, phrases in entry["elements"].items():
            hits = [phrase for phrase in phrases if contains(entry["text"], phrase)]
            assert len(hits) <= MAX_PHRASES_PER_ELEMENT, f"{name}: {hits} in {entry['text']!r}"


@pytest.mark.parametrize("path", scenario_params())
def test_the_model_texts_use_no_jargon(path: Path) -> None:
    data, _ = read_scenario(path)
    for entry in data["statements"] + data["goals"]:
        used = [term for term in [*SITE_JARGON, *data["jargon"]] if contains(entry["text"], term, exact=True)]
        assert not used, f"{entry['text']!r} uses {used}"


@pytest.mark.parametrize("path", scenario_params())
def test_the_model_goals_say_what_people_will_do_not_only_what_they_will_stop(path: Path) -> None:
    data, _ = read_scenario(path)
    for goal in data["goals"]:
        assert not ABSENCE_WORDS.search(goal["text"]), goal["text"]


@pytest.mark.parametrize("path", scenario_params())
def test_both_mappings_name_only_existing_items_and_valid_categories(path: Path) -> None:
    data, _ = read_scenario(path)
    ids = {item["id"] for item in data["items"]}
    for kind in ("model", "learner"):
        answer = mapping(path.stem, kind)
        assert answer["scenario"] == path.stem
        assert set(answer["placements"]) <= ids
        assert set(answer["placements"].values()) <= CATEGORIES
        score = answer["scaling"]["score"]
        assert isinstance(score, int) and not isinstance(score, bool) and 0 <= score <= 10
        assert answer["scaling"]["reason"].strip()
        assert all(isinstance(text, str) for text in answer["statements"] + answer["goals"])


@pytest.mark.parametrize("path", scenario_params())
def test_the_model_mapping_is_the_model_answer(path: Path) -> None:
    data, _ = read_scenario(path)
    answer = mapping(path.stem, "model")
    assert answer["placements"] == {item["id"]: item["category"] for item in data["items"]}
    assert answer["statements"] == [entry["text"] for entry in data["statements"]]
    assert answer["goals"] == [entry["text"] for entry in data["goals"]]
    assert data["scaling"]["min"] <= answer["scaling"]["score"] <= data["scaling"]["max"]


@pytest.mark.parametrize("path", scenario_params())
def test_the_learner_mapping_makes_the_mistakes_of_a_realistic_first_attempt(path: Path) -> None:
    data, _ = read_scenario(path)
    answer = mapping(path.stem, "learner")
    model = {item["id"]: item for item in data["items"]}
    wrong = [
        item_id
        for item_id, category in answer["placements"].items()
        if category != model[item_id]["category"] and category not in model[item_id].get("also_accept", [])
    ]
    assert 2 <= len(wrong) <= 3, f"misplaced {wrong}"
    statement_elements = data["statements"][0]["elements"]
    assert all(covered(text, statement_elements) != statement_elements.keys() for text in answer["statements"])
    jargon = [*SITE_JARGON, *data["jargon"]]
    assert any(contains(text, term) for text in answer["statements"] for term in jargon)
    assert any(ABSENCE_WORDS.search(text) for text in answer["goals"])
    scaling = data["scaling"]
    assert answer["scaling"]["score"] in {scaling["min"] - 1, scaling["max"] + 1}


def _engine() -> tuple[Any, Any]:
    try:
        scenario_file = importlib.import_module("scenarios.scenario_file")
        scoring = importlib.import_module("scenarios.scoring")
    except ImportError:
        pytest.skip("the scoring engine is not importable yet")
    return scenario_file, scoring


@pytest.mark.parametrize("path", scenario_params())
def test_the_engine_scores_the_model_mapping_100(path: Path) -> None:
    scenario_file, scoring = _engine()
    scenario = scenario_file.parse_scenario(path.read_text(encoding="utf-8"), path.name)
    answer = (MAPPINGS / f"{path.stem}.model.json").read_text(encoding="utf-8")
    result = scoring.score_mapping(scenario, scenario_file.parse_mapping(answer, scenario, f"{path.stem}.model.json"))
    assert result.score == 100, [f.message for f in result.feedback]


@pytest.mark.parametrize("path", scenario_params())
def test_the_engine_gives_the_learner_mapping_a_middling_score_with_feedback(path: Path) -> None:
    scenario_file, scoring = _engine()
    scenario = scenario_file.parse_scenario(path.read_text(encoding="utf-8"), path.name)
    answer = (MAPPINGS / f"{path.stem}.learner.json").read_text(encoding="utf-8")
    result = scoring.score_mapping(scenario, scenario_file.parse_mapping(answer, scenario, f"{path.stem}.learner.json"))
    assert 30 <= result.score <= 90
    sections = {feedback.section for feedback in result.feedback}
    assert {"categorisation", "statements", "goals", "scaling", "language"} <= sections
