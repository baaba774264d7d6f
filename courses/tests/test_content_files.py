"""The course content files in courses/content/ follow the format the loader reads.

The course loader trusts these files, so every rule it relies on is checked
here, plus the content each course must have (modules, lessons, knowledge
checks). Pure YAML and Python: no database.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

COURSE_KEYS = {
    "slug",
    "title",
    "training",
    "audience",
    "audience_description",
    "estimated_minutes",
    "summary",
    "learning_outcomes",
    "pass_mark",
    "modules",
}
MODULE_KEYS = {"slug", "title", "summary", "lessons"}
LESSON_KEYS = {"slug", "title", "minutes", "summary", "blocks"}
BLOCK_KEYS = {"markdown", "callout", "three_columns", "knowledge_check", "reflection", "scenario_link"}
AUDIENCES = {"new_staff", "councillors", "partners"}
CALLOUT_KINDS = {"principle", "practice_tip", "watch_out"}
SCENARIOS = {
    "hollins-family",
    "novak-family",
    "brennan-family",
    "carter-family",
    "lewis-family",
    "ahmed-family",
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Minutes per lesson are estimates; their sum may drift a little from the course's figure.
MINUTES_TOLERANCE = 0.1

PLACEHOLDERS = re.compile(r"\b(lorem|ipsum|todo|tbc|tbd|fixme|xxx|placeholder)\b", re.IGNORECASE)
RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z]")
US_SPELLINGS = re.compile(
    r"\b(behaviors?|behavioral|colors?|centers?|neighbors?|favorite|labeled|labeling"
    r"|programs?|counseling|judgment|mom|practicing|organization|organizations|analyze)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Expectation:
    """What one course file must hold."""

    slug: str
    training_slug: str
    audience: str
    minutes: tuple[int, int]
    modules: tuple[int, int]
    lessons: tuple[int, int]
    questions_per_module: tuple[int, int] | None = None
    questions_in_course: tuple[int, int] | None = None
    min_scenario_lessons: int = 0
    min_reflection_lessons: int = 0


EXPECTED = [
    Expectation(
        slug="new-staff",
        training_slug="elearning-new-staff",
        audience="new_staff",
        minutes=(60, 90),
        modules=(8, 12),
        lessons=(20, 30),
        questions_per_module=(2, 4),
        min_scenario_lessons=2,
        min_reflection_lessons=3,
    ),
    Expectation(
        slug="councillor-briefing",
        training_slug="councillor-briefing",
        audience="councillors",
        minutes=(15, 25),
        modules=(3, 4),
        lessons=(5, 7),
        questions_in_course=(3, 5),
    ),
    Expectation(
        slug="partner-agencies",
        training_slug="partner-elearning",
        audience="partners",
        minutes=(25, 35),
        modules=(3, 4),
        lessons=(6, 9),
    ),
]


def load(slug: str) -> dict[str, Any]:
    with (CONTENT_DIR / f"{slug}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def lessons_of(course: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for module in course["modules"]:
        yield from module["lessons"]


def blocks_of(lesson: dict[str, Any], kind: str) -> list[Any]:
    return [block[kind] for block in lesson["blocks"] if kind in block]


def questions_in(module: dict[str, Any]) -> list[dict[str, Any]]:
    return [check for lesson in module["lessons"] for check in blocks_of(lesson, "knowledge_check")]


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def is_text_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(is_text(item) for item in value)


COURSE_SLUGS = [expected.slug for expected in EXPECTED]
by_slug = pytest.mark.parametrize("slug", COURSE_SLUGS)


def test_every_file_in_the_folder_is_a_course_we_expect() -> None:
    found = sorted(path.stem for path in CONTENT_DIR.glob("*.yaml"))
    assert found == sorted(COURSE_SLUGS)


def test_course_and_training_slugs_are_unique_across_files() -> None:
    courses = [load(slug) for slug in COURSE_SLUGS]
    assert len({course["slug"] for course in courses}) == len(courses)
    assert len({course["training"]["slug"] for course in courses}) == len(courses)


@by_slug
def test_the_course_has_exactly_the_keys_of_the_format(slug: str) -> None:
    course = load(slug)
    assert set(course) == COURSE_KEYS
    assert course["slug"] == slug
    assert is_text(course["title"])
    assert set(course["training"]) == {"slug", "title"}
    assert SLUG.match(course["training"]["slug"])
    assert is_text(course["training"]["title"])
    assert course["audience"] in AUDIENCES
    assert is_text(course["audience_description"])
    assert is_text(course["summary"])
    assert is_text_list(course["learning_outcomes"])
    assert isinstance(course["estimated_minutes"], int)
    assert isinstance(course["pass_mark"], int) and 50 <= course["pass_mark"] <= 100


@by_slug
def test_modules_and_lessons_have_the_keys_of_the_format_and_unique_slugs(slug: str) -> None:
    course = load(slug)
    assert isinstance(course["modules"], list) and course["modules"]
    module_slugs = [module["slug"] for module in course["modules"]]
    assert len(set(module_slugs)) == len(module_slugs), "module slugs repeat"
    for module in course["modules"]:
        assert set(module) == MODULE_KEYS, module.get("slug")
        assert SLUG.match(module["slug"]), module["slug"]
        assert is_text(module["title"]) and is_text(module["summary"])
        assert isinstance(module["lessons"], list) and module["lessons"], module["slug"]
        lesson_slugs = [lesson["slug"] for lesson in module["lessons"]]
        assert len(set(lesson_slugs)) == len(lesson_slugs), f"lesson slugs repeat in {module['slug']}"
        for lesson in module["lessons"]:
            where = f"{module['slug']}/{lesson.get('slug')}"
            assert set(lesson) == LESSON_KEYS, where
            assert SLUG.match(lesson["slug"]), where
            assert is_text(lesson["title"]) and is_text(lesson["summary"]), where
            assert isinstance(lesson["minutes"], int) and 1 <= lesson["minutes"] <= 15, where
            assert isinstance(lesson["blocks"], list) and lesson["blocks"], where


@by_slug
def test_every_block_has_exactly_one_known_key_and_valid_fields(slug: str) -> None:
    for lesson in lessons_of(load(slug)):
        assert any("markdown" in block for block in lesson["blocks"]), f"{lesson['slug']} has no teaching text"
        for block in lesson["blocks"]:
            where = lesson["slug"]
            assert isinstance(block, dict) and len(block) == 1, where
            (kind, value), *_ = block.items()
            assert kind in BLOCK_KEYS, f"{where}: unknown block {kind}"
            if kind == "markdown":
                assert is_text(value), where
            elif kind == "callout":
                assert set(value) == {"kind", "title", "text"}, where
                assert value["kind"] in CALLOUT_KINDS, where
                assert is_text(value["title"]) and is_text(value["text"]), where
            elif kind == "three_columns":
                assert set(value) == {"title", "worries", "working_well", "needs_to_happen"}, where
                assert is_text(value["title"]), where
                for column in ("worries", "working_well", "needs_to_happen"):
                    assert is_text_list(value[column]), f"{where}: {column}"
            elif kind == "reflection":
                assert set(value) == {"prompt"} and is_text(value["prompt"]), where
            elif kind == "scenario_link":
                assert set(value) == {"scenario", "text"}, where
                assert value["scenario"] in SCENARIOS, f"{where}: no scenario called {value['scenario']}"
                assert is_text(value["text"]), where


@by_slug
def test_every_knowledge_check_has_feedback_for_each_option_and_the_right_number_correct(slug: str) -> None:
    for lesson in lessons_of(load(slug)):
        for check in blocks_of(lesson, "knowledge_check"):
            where = f"{lesson['slug']}: {check.get('question')}"
            assert set(check) == {"question", "multiple", "options", "explanation"}, where
            assert is_text(check["question"]) and is_text(check["explanation"]), where
            assert isinstance(check["multiple"], bool), where
            options = check["options"]
            assert isinstance(options, list) and len(options) >= 2, where
            for option in options:
                assert set(option) == {"text", "correct", "feedback"}, where
                assert is_text(option["text"]) and is_text(option["feedback"]), where
                assert isinstance(option["correct"], bool), where
            texts = [option["text"] for option in options]
            assert len(set(texts)) == len(texts), f"{where}: repeated option"
            correct = sum(option["correct"] for option in options)
            if check["multiple"]:
                assert 1 <= correct < len(options), where
            else:
                assert correct == 1, where


@by_slug
def test_every_module_has_a_knowledge_check(slug: str) -> None:
    for module in load(slug)["modules"]:
        assert questions_in(module), f"{module['slug']} has no knowledge check"


@by_slug
def test_lesson_minutes_add_up_to_about_the_estimated_minutes(slug: str) -> None:
    course = load(slug)
    total = sum(lesson["minutes"] for lesson in lessons_of(course))
    estimate = course["estimated_minutes"]
    assert abs(total - estimate) <= estimate * MINUTES_TOLERANCE, f"lessons add up to {total}, course says {estimate}"


@pytest.mark.parametrize("expected", EXPECTED, ids=COURSE_SLUGS)
def test_the_course_meets_the_counts_the_issue_asks_for(expected: Expectation) -> None:
    course = load(expected.slug)
    assert course["training"]["slug"] == expected.training_slug
    assert course["audience"] == expected.audience
    low, high = expected.minutes
    assert low <= course["estimated_minutes"] <= high
    low, high = expected.modules
    assert low <= len(course["modules"]) <= high
    lessons = list(lessons_of(course))
    low, high = expected.lessons
    assert low <= len(lessons) <= high
    if expected.questions_per_module:
        low, high = expected.questions_per_module
        for module in course["modules"]:
            assert low <= len(questions_in(module)) <= high, module["slug"]
    if expected.questions_in_course:
        low, high = expected.questions_in_course
        assert low <= sum(len(questions_in(module)) for module in course["modules"]) <= high
    assert sum(bool(blocks_of(lesson, "scenario_link")) for lesson in lessons) >= expected.min_scenario_lessons
    assert sum(bool(blocks_of(lesson, "reflection")) for lesson in lessons) >= expected.min_reflection_lessons


@by_slug
def test_the_text_has_no_placeholders_raw_html_or_us_spellings(slug: str) -> None:
    problems = Counter[str]()
    for text in strings_in(load(slug)):
        for pattern, label in ((PLACEHOLDERS, "placeholder"), (RAW_HTML, "raw HTML"), (US_SPELLINGS, "US spelling")):
            for match in pattern.finditer(text):
                problems[f"{label}: {match.group(0)}"] += 1
    assert not problems, dict(problems)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Talk about the parents' behaviour.", False),
        ("Talk about the parents' behavior.", True),
        ("He goes to a programme for fathers.", False),
        ("He goes to a program for fathers.", True),
        ("Write your judgement down.", False),
        ("The children's centre is nearby.", False),
        ("The children's center is nearby.", True),
    ],
)
def test_the_spelling_check_tells_uk_from_us_spellings(text: str, flagged: bool) -> None:
    assert bool(US_SPELLINGS.search(text)) is flagged
