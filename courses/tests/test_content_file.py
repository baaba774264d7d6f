"""Course files: every problem named by file and key path; the real content parses."""

from __future__ import annotations

from pathlib import Path

import pytest

from courses.content_file import ContentFileError, parse_course, read_course_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = Path(__file__).resolve().parents[1] / "content"


def with_check(options: str) -> str:
    return f"""
slug: new-staff
title: T
training: {{slug: elearning-new-staff, title: T}}
audience: new_staff
estimated_minutes: 10
summary: S
learning_outcomes: [A]
modules:
  - slug: m
    title: M
    lessons:
      - slug: l
        title: L
        blocks:
          - markdown: Text
          - knowledge_check:
              question: Q?
              options: {options}
"""


def problems_of(text: str, name: str = "new-staff.yaml") -> list[str]:
    with pytest.raises(ContentFileError) as caught:
        parse_course(text, name)
    return caught.value.problems


def test_it_names_the_file_and_key_path_of_a_question_without_a_right_answer():
    options = "[{text: a, correct: false, feedback: x}, {text: b, correct: false, feedback: y}]"
    assert problems_of(with_check(options)) == [
        "new-staff.yaml: modules[0].lessons[0].blocks[1].knowledge_check.options: at least one option must be correct"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("audience: new_staff", "audience: everyone"), "new-staff.yaml: audience: 'everyone' must be one of"),
        (("slug: new-staff", "slug: New Staff"), "new-staff.yaml: slug: 'New Staff' must be lowercase"),
        (("slug: new-staff", "slug: admin"), "new-staff.yaml: slug: 'admin' is used by the site's own pages"),
        (
            ("estimated_minutes: 10", "estimated_minutes: lots"),
            "new-staff.yaml: estimated_minutes: must be a whole number",
        ),
        (
            ("- markdown: Text", "- poem: Text"),
            "new-staff.yaml: modules[0].lessons[0].blocks[0]: unknown block type 'poem'",
        ),
        (("title: L", "title: ''"), "new-staff.yaml: modules[0].lessons[0].title: is required"),
        (("summary: S", "summary: [oops"), "new-staff.yaml: not valid YAML"),
    ],
)
def test_it_reports_each_bad_key_clearly(change, expected):
    options = "[{text: a, correct: true, feedback: x}, {text: b, correct: false, feedback: y}]"
    text = with_check(options).replace(*change, 1)
    assert any(problem.startswith(expected) for problem in problems_of(text)), problems_of(text)


def test_it_reads_a_good_file():
    spec = read_course_file(FIXTURES / "new-staff.yaml")
    assert (spec.slug, spec.training_slug, spec.lesson_count, spec.question_count) == (
        "new-staff",
        "elearning-new-staff",
        3,
        2,
    )


@pytest.mark.skipif(not CONTENT.is_dir(), reason="no course content yet")
@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.yaml")), ids=lambda p: p.name)
def test_every_real_course_file_parses(path):
    spec = read_course_file(path)
    assert spec.lesson_count > 0
    assert all(
        any(kind == "knowledge_check" for lesson in m.lessons for kind, _ in lesson.blocks) for m in spec.modules
    )


@pytest.mark.skipif(not (CONTENT / "new-staff.yaml").exists(), reason="no new-staff course yet")
def test_the_new_staff_course_meets_the_content_counts():
    spec = read_course_file(CONTENT / "new-staff.yaml")
    links = sum(
        1 for m in spec.modules for lesson in m.lessons if any(kind == "scenario_link" for kind, _ in lesson.blocks)
    )
    assert len(spec.modules) >= 8 and spec.lesson_count >= 20 and links >= 2


BILLION_LAUGHS = "\n".join(
    ["a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BILLION_LAUGHS, "anchors and aliases (*name) are not allowed"),
        ("slug: a\nslug: b\n", "the key 'slug' appears twice"),
        ("x: " + "[" * 40 + "]" * 40, "more than 20 levels of lists and keys"),
        ("estimated_minutes: " + "9" * 5000, "a number has more than 12 digits"),
    ],
    ids=["aliases that expand to a billion strings", "a key twice", "deep nesting", "a 5,000-digit number"],
)
def test_a_hostile_or_mistyped_file_is_refused_before_it_is_expanded(text, expected):
    """The same strict YAML reader as scenario files (lib.strict_yaml): one line, the reason and where."""
    problems = problems_of(text)
    assert len(problems) == 1 and problems[0].startswith("new-staff.yaml: not valid YAML: line "), problems
    assert expected in problems[0]


def test_the_reserved_slugs_are_the_first_parts_of_the_site_s_own_paths():
    from django.urls import get_resolver
    from django.urls.resolvers import URLResolver

    from courses.content_file import RESERVED_SLUGS

    def first_parts(patterns):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver) and route == "":
                yield from first_parts(pattern.url_patterns)
            else:
                yield route.split("/")[0]

    resolver = get_resolver()
    own = resolver.url_patterns[:-1]  # the last entry hands every other path to Wagtail
    assert "wagtail" in str(resolver.url_patterns[-1].urlconf_name)
    assert set(first_parts(own)) == RESERVED_SLUGS
