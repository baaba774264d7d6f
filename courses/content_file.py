"""Reading course files (YAML) into plain dataclasses, with every problem named
by file and key path, like
`new-staff.yaml: modules[2].lessons[0].blocks[3].knowledge_check.options: at least one option must be correct`.

No Django here: `courses.importer` turns a checked CourseSpec into pages.
The format is described in docs/elearning.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from courses.rendering import video_embed_url
from courses.rules import option_problem
from lib import strict_yaml
from lib.format_check import FileProblems

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
AUDIENCES = ("new_staff", "councillors", "partners")
CALLOUT_KINDS = ("principle", "practice_tip", "watch_out")
BLOCK_TYPES = (
    "markdown",
    "rich_text",
    "callout",
    "three_columns",
    "knowledge_check",
    "reflection",
    "scenario_link",
    "video",
)
# The first part of every path the site's own views answer (elearning/urls.py): a page with one of
# these slugs would never be reached. A test holds this set equal to the URL configuration.
RESERVED_SLUGS = {
    "_util", "accounts", "admin", "changes", "documents", "healthz", "impact",
    "learning", "mapping", "matrix", "my-data", "profile", "training", "welcome",
}  # fmt: skip


class ContentFileError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class LessonSpec:
    slug: str
    title: str
    minutes: int
    summary: str
    blocks: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class ModuleSpec:
    slug: str
    title: str
    summary: str
    lessons: list[LessonSpec] = field(default_factory=list)


@dataclass
class CourseSpec:
    slug: str
    title: str
    training_slug: str
    training_title: str
    audience: str
    audience_description: str
    estimated_minutes: int
    summary: str
    learning_outcomes: list[str]
    pass_mark: int
    modules: list[ModuleSpec] = field(default_factory=list)

    @property
    def lesson_count(self) -> int:
        return sum(len(m.lessons) for m in self.modules)

    @property
    def question_count(self) -> int:
        return sum(
            1 for m in self.modules for lesson in m.lessons for kind, _ in lesson.blocks if kind == "knowledge_check"
        )


class _Checker(FileProblems):
    """Walks the parsed YAML, collecting problems (lib.format_check) instead of stopping at the first."""

    def fail(self, where: str, message: str) -> None:
        self.note(where, message)

    def mapping(self, data: Any, where: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(where, "must be a mapping of keys and values")
            return {}
        return data

    def text(self, data: dict[str, Any], key: str, where: str, *, required: bool = True, default: str = "") -> str:
        path = f"{where}.{key}" if where else key
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(path, "is required")
            return default
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(path, "must be text")
            return default
        return str(value).strip()

    def slug(self, data: dict[str, Any], key: str, where: str) -> str:
        value = self.text(data, key, where)
        if value and not SLUG.match(value):
            self.fail(f"{where}.{key}" if where else key, f"'{value}' must be lowercase letters, numbers and dashes")
        return value

    def integer(self, data: dict[str, Any], key: str, where: str, low: int, high: int, default: int | None) -> int:
        path = f"{where}.{key}" if where else key
        value = data.get(key, default)
        if value is None:
            self.fail(path, "is required")
            return low
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, "must be a whole number")
            return low
        if not low <= value <= high:
            self.fail(path, f"must be between {low} and {high}")
        return value

    def text_list(self, data: dict[str, Any], key: str, where: str, *, required: bool = True) -> list[str]:
        path = f"{where}.{key}" if where else key
        value = data.get(key)
        if value is None:
            if required:
                self.fail(path, "is required")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(path, "must be a list of text")
            return []
        if required and not value:
            self.fail(path, "must not be empty")
        return [v.strip() for v in value]


def parse_course(text: str, filename: str) -> CourseSpec:
    """Parse and check a course file. Raises ContentFileError listing every problem."""
    try:
        data = strict_yaml.load(text)
    except strict_yaml.StrictYAMLError as exc:
        raise ContentFileError([f"{filename}: not valid YAML: {exc}"]) from None
    check = _Checker(filename)
    data = check.mapping(data, "")
    if not data:
        raise ContentFileError(check.problems or [f"{filename}: the file is empty"])
    slug = check.slug(data, "slug", "")
    if slug in RESERVED_SLUGS:
        check.fail("slug", f"'{slug}' is used by the site's own pages; choose another")
    training = check.mapping(data.get("training"), "training")
    training_slug = check.slug(training, "slug", "training") if training else ""
    training_title = check.text(training, "title", "training") if training else ""
    audience = check.text(data, "audience", "")
    if audience and audience not in AUDIENCES:
        check.fail("audience", f"'{audience}' must be one of {', '.join(AUDIENCES)}")
    course = CourseSpec(
        slug=slug,
        title=check.text(data, "title", ""),
        training_slug=training_slug,
        training_title=training_title,
        audience=audience,
        audience_description=check.text(data, "audience_description", "", required=False),
        estimated_minutes=check.integer(data, "estimated_minutes", "", 1, 600, None),
        summary=check.text(data, "summary", ""),
        learning_outcomes=check.text_list(data, "learning_outcomes", ""),
        pass_mark=check.integer(data, "pass_mark", "", 0, 100, 80),
    )
    modules = data.get("modules")
    if not isinstance(modules, list) or not modules:
        check.fail("modules", "must be a list with at least one module")
        modules = []
    seen_modules: set[str] = set()
    for m_index, module_data in enumerate(modules):
        where = f"modules[{m_index}]"
        module_data = check.mapping(module_data, where)
        module = ModuleSpec(
            slug=check.slug(module_data, "slug", where),
            title=check.text(module_data, "title", where),
            summary=check.text(module_data, "summary", where, required=False),
        )
        if module.slug in seen_modules:
            check.fail(f"{where}.slug", f"'{module.slug}' is used by another module")
        seen_modules.add(module.slug)
        lessons = module_data.get("lessons")
        if not isinstance(lessons, list) or not lessons:
            check.fail(f"{where}.lessons", "must be a list with at least one lesson")
            lessons = []
        seen_lessons: set[str] = set()
        for l_index, lesson_data in enumerate(lessons):
            lesson = _parse_lesson(check, lesson_data, f"{where}.lessons[{l_index}]")
            if lesson.slug in seen_lessons:
                check.fail(
                    f"{where}.lessons[{l_index}].slug", f"'{lesson.slug}' is used by another lesson in this module"
                )
            seen_lessons.add(lesson.slug)
            module.lessons.append(lesson)
        course.modules.append(module)
    if check.problems:
        raise ContentFileError(check.problems)
    return course


def read_course_file(path: Path) -> CourseSpec:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentFileError([f"{path.name}: cannot be read: {exc}"]) from exc
    return parse_course(text, path.name)


def _parse_lesson(check: _Checker, data: Any, where: str) -> LessonSpec:
    data = check.mapping(data, where)
    lesson = LessonSpec(
        slug=check.slug(data, "slug", where),
        title=check.text(data, "title", where),
        minutes=check.integer(data, "minutes", where, 1, 240, 5),
        summary=check.text(data, "summary", where, required=False),
    )
    blocks = data.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        check.fail(f"{where}.blocks", "must be a list with at least one block")
        return lesson
    for b_index, block in enumerate(blocks):
        block_where = f"{where}.blocks[{b_index}]"
        if not isinstance(block, dict) or len(block) != 1:
            check.fail(
                block_where, f"must be one block, written as `type: value`, with type one of {', '.join(BLOCK_TYPES)}"
            )
            continue
        ((kind, value),) = block.items()
        if kind == "image":
            check.fail(block_where, "image blocks need an uploaded image: add them in the admin after importing")
            continue
        if kind not in BLOCK_TYPES:
            check.fail(block_where, f"unknown block type '{kind}': use one of {', '.join(BLOCK_TYPES)}")
            continue
        parsed = _parse_block(check, kind, value, f"{block_where}.{kind}")
        if parsed is not None:
            lesson.blocks.append((kind, parsed))
    return lesson


def _parse_block(check: _Checker, kind: str, value: Any, where: str) -> Any:
    if kind in ("markdown", "rich_text"):
        if not isinstance(value, str) or not value.strip():
            check.fail(where, "must be text")
            return None
        return value.strip()
    data = check.mapping(value, where)
    if kind == "callout":
        callout_kind = check.text(data, "kind", where, required=False, default="principle")
        if callout_kind not in CALLOUT_KINDS:
            check.fail(f"{where}.kind", f"'{callout_kind}' must be one of {', '.join(CALLOUT_KINDS)}")
        return {
            "kind": callout_kind,
            "title": check.text(data, "title", where),
            "text": check.text(data, "text", where),
        }
    if kind == "three_columns":
        return {
            "title": check.text(data, "title", where),
            "worries": check.text_list(data, "worries", where),
            "working_well": check.text_list(data, "working_well", where),
            "needs_to_happen": check.text_list(data, "needs_to_happen", where),
        }
    if kind == "knowledge_check":
        multiple = data.get("multiple", False)
        if not isinstance(multiple, bool):
            check.fail(f"{where}.multiple", "must be true or false")
            multiple = False
        options_data = data.get("options")
        options = []
        if not isinstance(options_data, list):
            check.fail(f"{where}.options", "must be a list of options")
            options_data = []
        for o_index, option in enumerate(options_data):
            option_where = f"{where}.options[{o_index}]"
            option = check.mapping(option, option_where)
            correct = option.get("correct", False)
            if not isinstance(correct, bool):
                check.fail(f"{option_where}.correct", "must be true or false")
                correct = False
            options.append(
                {
                    "text": check.text(option, "text", option_where),
                    "correct": correct,
                    "feedback": check.text(option, "feedback", option_where),
                }
            )
        if isinstance(data.get("options"), list):
            issue = option_problem([o["correct"] for o in options], multiple=multiple)
            if issue:
                check.fail(f"{where}.options", issue)
        return {
            "question": check.text(data, "question", where),
            "multiple": multiple,
            "options": options,
            "explanation": check.text(data, "explanation", where, required=False),
        }
    if kind == "reflection":
        return {"prompt": check.text(data, "prompt", where)}
    if kind == "scenario_link":
        scenario = check.slug(data, "scenario", where)
        return {"scenario": scenario, "text": check.text(data, "text", where)}
    if kind == "video":
        url = check.text(data, "url", where)
        if url and video_embed_url(url) is None:
            check.fail(f"{where}.url", "must be a YouTube or Vimeo video address")
        return {
            "title": check.text(data, "title", where),
            "url": url,
            "transcript": check.text(data, "transcript", where),
        }
    return None
