"""Hostile or broken files are refused with exit 2 and one short line, never a traceback or a blow-up.

Memory is measured with tracemalloc (not a timer): each refusal must stay far
under 100 MB. Nothing is written: the import tests count the pages after.
"""

from __future__ import annotations

import io
import tracemalloc

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from scenarios.models import ScenarioPage
from scenarios.scenario_file import ScenarioFileError, parse_mapping, parse_scenario
from scenarios.tests.conftest import EXAMPLE, EXAMPLE_MAPPING, load_example

HOLLINS = load_example()
GOOD_MAPPING = EXAMPLE_MAPPING.read_text()
GOOD_SCENARIO = EXAMPLE.read_text()
MB = 1024 * 1024

BILLION_LAUGHS = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "slug: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "---\nText\n"
)

BAD_MAPPINGS = {
    "deeply nested JSON": '{"scenario": "hollins-family", "placements": ' + "[" * 5000 + "]" * 5000 + "}",
    "a 5,000-digit number": '{"scenario": "hollins-family", "scaling": {"score": ' + "9" * 5000 + "}}",
    "a lone surrogate": '{"scenario": "hollins-family", "statements": ["We are worried \\ud800 that"]}',
    "a duplicate key": '{"scenario": "hollins-family", "goals": ["a"], "goals": ["b"]}',
    "NaN": '{"scenario": "hollins-family", "scaling": {"score": NaN}}',
}
BAD_MAPPING_MESSAGES = {
    "deeply nested JSON": "nested more than 20 levels deep",
    "a 5,000-digit number": "more than 12 digits",
    "a lone surrogate": "statements[0]: contains a character that is not valid text",
    "a duplicate key": "the key 'goals' appears twice",
    "NaN": "NaN is not a number",
}
BAD_SCENARIOS = {
    "deeply nested YAML": "---\nslug: " + "[" * 5000 + "]" * 5000 + "\n---\nText\n",
    "nested anchors": BILLION_LAUGHS,
    "a duplicate key": GOOD_SCENARIO.replace("\ngoals:", "\ngoals: []\ngoals:", 1),
    "a lone surrogate": GOOD_SCENARIO.replace("title: The Hollins family", 'title: "The \\ud800 family"', 1),
    "a 5,000-digit number": GOOD_SCENARIO.replace("pass_mark: 70", "pass_mark: " + "7" * 5000, 1),
}
BAD_SCENARIO_MESSAGES = {
    "deeply nested YAML": "more than 20 levels",
    "nested anchors": "anchors and aliases",
    "a duplicate key": "the key 'goals' appears twice",
    "a lone surrogate": "title: contains a character that is not valid text",
    "a 5,000-digit number": "a number has more than 12 digits",
}


def _peak_while(action) -> tuple[str, int]:
    tracemalloc.start()
    try:
        action()
    except ScenarioFileError as error:
        message = str(error)
    else:
        message = ""
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return message, peak


@pytest.mark.parametrize("case", BAD_MAPPINGS)
def test_a_hostile_mapping_is_refused_in_one_short_line_within_100_mb(case):
    message, peak = _peak_while(lambda: parse_mapping(BAD_MAPPINGS[case], HOLLINS, "m.json"))
    assert BAD_MAPPING_MESSAGES[case] in message
    assert message.startswith("m.json: ") and "\n" not in message and len(message) < 300
    assert peak < 100 * MB


@pytest.mark.parametrize("case", BAD_SCENARIOS)
def test_a_hostile_scenario_file_is_refused_in_one_short_line_within_100_mb(case):
    message, peak = _peak_while(lambda: parse_scenario(BAD_SCENARIOS[case], "s.md"))
    assert BAD_SCENARIO_MESSAGES[case] in message
    assert message.startswith("s.md: ") and "\n" not in message and len(message) < 300
    assert peak < 100 * MB


@pytest.mark.parametrize("case", BAD_MAPPINGS)
def test_score_mapping_exits_2_with_one_line_for_each_hostile_mapping(case, tmp_path):
    mapping = tmp_path / "m.json"
    mapping.write_text(BAD_MAPPINGS[case])
    with pytest.raises(CommandError) as caught:
        call_command("score_mapping", str(EXAMPLE), str(mapping), stdout=io.StringIO())
    assert caught.value.returncode == 2
    assert BAD_MAPPING_MESSAGES[case] in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.django_db
@pytest.mark.parametrize("case", BAD_SCENARIOS)
def test_import_scenarios_exits_2_with_one_line_and_writes_nothing(case, home_page, tmp_path):
    from scenarios.demo import ensure_index

    ensure_index()
    path = tmp_path / "s.md"
    path.write_text(BAD_SCENARIOS[case])
    with pytest.raises(CommandError) as caught:
        call_command("import_scenarios", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert caught.value.returncode == 2
    assert BAD_SCENARIO_MESSAGES[case] in str(caught.value) and "\n" not in str(caught.value)
    assert not ScenarioPage.objects.exists()


def test_the_memory_check_itself_sees_a_large_allocation():
    _, peak = _peak_while(lambda: bytearray(20 * MB))
    assert peak >= 20 * MB


def test_a_scenario_file_with_several_mistakes_names_every_one_on_one_line():
    broken = (
        GOOD_SCENARIO.replace("slug: hollins-family", "slug: Hollins Family", 1)
        .replace("category: strength", "category: strenth", 1)
        .replace("pass_mark: 70", "pass_mark: 170", 1)
    )
    with pytest.raises(ScenarioFileError) as caught:
        parse_scenario(broken, "x.md")
    message = str(caught.value)
    assert message.startswith("x.md: slug: 'Hollins Family' must be lowercase")
    assert "(and 2 more: " in message and "pass_mark: 170 is not from 0 to 100" in message
    assert "'strenth' is not one of" in message and "\n" not in message


def _huge_file(path, prefix: str, suffix: str, megabytes: int = 30) -> None:
    with path.open("wb") as handle:
        handle.write(prefix.encode())
        for _ in range(megabytes):
            handle.write(b"worried " * (MB // 8))
        handle.write(suffix.encode())


def test_score_mapping_refuses_a_huge_file_without_reading_it_whole(tmp_path):
    mapping = tmp_path / "m.json"
    _huge_file(mapping, '{"scenario": "hollins-family", "statements": ["', '"]}')
    scenario = tmp_path / "s.md"
    _huge_file(scenario, "---\nslug: hollins-family\nsummary: ", "\n---\nText\n")
    for args, limit in (((EXAMPLE, mapping), "64 KB"), ((scenario, EXAMPLE_MAPPING), "512 KB")):
        caught: list[CommandError] = []

        def run(args=args, caught=caught):
            try:
                call_command("score_mapping", *map(str, args), stdout=io.StringIO())
            except CommandError as error:
                caught.append(error)

        _, peak = _peak_while(run)
        assert caught and caught[0].returncode == 2
        assert str(caught[0]).endswith(f"the file is larger than {limit}")
        assert peak < 5 * MB  # the 30 MB file was never read whole


@pytest.mark.django_db
def test_import_scenarios_refuses_a_huge_file_without_reading_it_whole(home_page, tmp_path):
    from scenarios.demo import ensure_index

    ensure_index()
    path = tmp_path / "s.md"
    _huge_file(path, "---\nslug: hollins-family\nsummary: ", "\n---\nText\n")
    caught: list[CommandError] = []

    def run():
        try:
            call_command("import_scenarios", str(path), stdout=io.StringIO(), stderr=io.StringIO())
        except CommandError as error:
            caught.append(error)

    _, peak = _peak_while(run)
    assert caught and caught[0].returncode == 2 and "s.md: the file is larger than 512 KB" in str(caught[0])
    assert peak < 5 * MB
    assert not ScenarioPage.objects.exists()


def test_brackets_in_ordinary_text_are_not_read_as_nesting():
    text = GOOD_SCENARIO.replace(
        "rationale: This is the impact", "rationale: Her teacher wrote [[[sic]]] and [note. This is the impact", 1
    )
    assert parse_scenario(text, "s.md").items[3].rationale.startswith("Her teacher wrote [[[sic]]] and [note.")
