"""The command line: score_mapping, import_scenarios and export_scenario."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from scenarios.models import ScenarioPage
from scenarios.scenario_file import parse_mapping, parse_scenario
from scenarios.scoring import score_mapping
from scenarios.tests.conftest import EXAMPLE, EXAMPLE_MAPPING

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "elearning.settings.test"}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120
    )


def test_score_mapping_prints_the_result_json():
    out = io.StringIO()
    call_command("score_mapping", str(EXAMPLE), str(EXAMPLE_MAPPING), stdout=out)
    result = json.loads(out.getvalue())
    assert result["score"] == 89 and result["passed"] is True


def test_score_mapping_exits_0_and_2_from_the_shell(tmp_path):
    good = _run("score_mapping", str(EXAMPLE), str(EXAMPLE_MAPPING))
    assert good.returncode == 0 and json.loads(good.stdout)["scenario"] == "hollins-family"
    bad = tmp_path / "bad.json"
    bad.write_text(EXAMPLE_MAPPING.read_text().replace('"score": 4', '"score": 11'))
    refused = _run("score_mapping", str(EXAMPLE), str(bad))
    assert refused.returncode == 2
    assert "bad.json: scaling.score: 11 is not a whole number from 0 to 10" in refused.stderr
    assert "Traceback" not in refused.stderr and len(refused.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("scenario_text", "mapping_text", "message"),
    [
        (None, '{"scenario": "hollins-family", "placements": {"dog": "harm"}}', "placements.dog: there is no item"),
        ("---\ntitle: x\n---\n", None, "scenario.md: slug: is missing"),
        (None, "not json", "not valid JSON"),
    ],
)
def test_score_mapping_refuses_bad_files_with_exit_code_2(tmp_path, scenario_text, mapping_text, message):
    scenario = tmp_path / "scenario.md"
    scenario.write_text(scenario_text or EXAMPLE.read_text())
    mapping = tmp_path / "mapping.json"
    mapping.write_text(mapping_text or EXAMPLE_MAPPING.read_text())
    with pytest.raises(CommandError, match=message) as caught:
        call_command("score_mapping", str(scenario), str(mapping))
    assert caught.value.returncode == 2


@pytest.mark.django_db
def test_import_then_export_round_trips_and_scores_the_same(home_page, tmp_path):
    from scenarios.demo import ensure_index

    ensure_index()
    call_command("import_scenarios", str(EXAMPLE), stdout=io.StringIO())
    exported = tmp_path / "out.md"
    call_command("export_scenario", "hollins-family", "-o", str(exported), stdout=io.StringIO())
    original = parse_scenario(EXAMPLE.read_text(), EXAMPLE.name)
    again = parse_scenario(exported.read_text(), exported.name)
    assert again == original
    for mapping_file in [
        EXAMPLE_MAPPING,
        *sorted((ROOT / "scenarios" / "content" / "mappings").glob("hollins-family*.json")),
    ]:
        mapping = parse_mapping(mapping_file.read_text(), original)
        assert score_mapping(again, mapping) == score_mapping(original, mapping)


@pytest.mark.django_db
def test_import_updates_by_slug_and_a_bad_file_is_named_while_the_others_import(home_page, tmp_path):
    from scenarios.demo import ensure_index

    ensure_index()
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "a-good.md").write_text(EXAMPLE.read_text())
    (folder / "b-bad.md").write_text(EXAMPLE.read_text().replace("category: strength", "category: strenth", 1))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 files could not be imported"):
        call_command("import_scenarios", str(folder), stdout=io.StringIO(), stderr=err)
    assert "b-bad.md: items[" in err.getvalue() and "'strenth' is not one of" in err.getvalue()
    assert ScenarioPage.objects.count() == 1
    (folder / "b-bad.md").unlink()
    (folder / "a-good.md").write_text(
        EXAMPLE.read_text().replace("title: The Hollins family", "title: The Hollins family (v2)")
    )
    call_command("import_scenarios", str(folder), stdout=io.StringIO())
    assert ScenarioPage.objects.get().title == "The Hollins family (v2)"


@pytest.mark.django_db
def test_export_names_an_unknown_slug():
    with pytest.raises(CommandError, match="no scenario with the slug 'nobody'"):
        call_command("export_scenario", "nobody", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_demo_loader_imports_every_content_file_once(home_page):
    from scenarios import demo
    from scenarios.models import ScenarioSet

    demo.load(io.StringIO())
    demo.load(io.StringIO())
    slugs = {p.stem for p in (ROOT / "scenarios" / "content").glob("*.md")}
    assert set(ScenarioPage.objects.values_list("slug", flat=True)) == slugs
    scenario_set = ScenarioSet.objects.get(training__slug="scenario-practice")
    assert scenario_set.passes_needed == 2 and scenario_set.scenarios.count() == len(slugs) - 1
    assert not scenario_set.scenarios.filter(slug="hollins-family").exists()


DV_STATEMENT = EXAMPLE.read_text().replace("caught up in the fighting", "caught up in the DV and neglect", 1)


def test_the_dv_example_really_changes_the_model_statement():
    assert parse_scenario(DV_STATEMENT, "x.md") != parse_scenario(EXAMPLE.read_text(), "x.md")


@pytest.mark.django_db
def test_a_scenario_whose_model_answer_uses_jargon_is_refused_and_nothing_is_written(home_page, tmp_path):
    from wagtail.models import Revision

    from scenarios.demo import ensure_index

    ensure_index()
    revisions = Revision.objects.count()
    bad = tmp_path / "hollins-dv.md"
    bad.write_text(DV_STATEMENT)
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_scenarios", str(bad), stdout=io.StringIO(), stderr=err)
    assert caught.value.returncode == 2
    message = str(caught.value)
    assert message == (
        "Not imported: hollins-dv.md: the model answer would score 95, not 100: "
        "model danger statement 1 (statements[0].text) uses 'DV', a term on the site-wide jargon list; "
        "model danger statement 1 (statements[0].text) uses 'neglect', a term on the site-wide jargon list"
    )
    assert err.getvalue() == ""
    assert not ScenarioPage.objects.exists() and Revision.objects.count() == revisions


@pytest.mark.django_db
def test_an_update_whose_model_answer_uses_jargon_leaves_the_page_as_it_was(scenario_page, tmp_path):
    revision = scenario_page.latest_revision_id
    bad = tmp_path / "hollins-family.md"
    bad.write_text(DV_STATEMENT.replace("title: The Hollins family", "title: The Hollins family (v2)"))
    with pytest.raises(CommandError, match="hollins-family.md: the model answer would score 95, not 100"):
        call_command("import_scenarios", str(bad), stdout=io.StringIO())
    page = ScenarioPage.objects.get()
    assert page.title == "The Hollins family" and page.latest_revision_id == revision
    assert "DV" not in page.to_scenario().statements[0].text


@pytest.mark.django_db
def test_the_site_wide_jargon_list_in_force_decides_what_is_refused(home_page, tmp_path):
    from scenarios.demo import ensure_index
    from scenarios.models import JargonTerm

    ensure_index()
    JargonTerm.objects.create(term="caught up", plainer="Say what the children saw and heard.")
    JargonTerm.objects.filter(term__in=["DV", "neglect"]).delete()
    example = tmp_path / "hollins-family.md"
    example.write_text(EXAMPLE.read_text())
    with pytest.raises(CommandError, match="uses 'caught up', a term on the site-wide jargon list"):
        call_command("import_scenarios", str(example), stdout=io.StringIO())
    JargonTerm.objects.filter(term="caught up").delete()
    dv = tmp_path / "dv.md"
    dv.write_text(DV_STATEMENT)
    call_command("import_scenarios", str(dv), stdout=io.StringIO())
    assert "DV and neglect" in ScenarioPage.objects.get().to_scenario().statements[0].text


@pytest.mark.django_db
def test_all_six_demo_scenarios_still_import(home_page):
    from scenarios.demo import ensure_index

    ensure_index()
    out = io.StringIO()
    call_command("import_scenarios", str(ROOT / "scenarios" / "content"), stdout=out)
    slugs = sorted(p.stem for p in (ROOT / "scenarios" / "content").glob("*.md"))
    assert len(slugs) == 6
    assert sorted(ScenarioPage.objects.values_list("slug", flat=True)) == slugs
    assert out.getvalue().count("Created ") == 6


@pytest.mark.django_db
def test_the_people_of_a_scenario_round_trip_through_import_and_export(home_page, tmp_path):
    from scenarios.demo import ensure_index

    ensure_index()
    carter = ROOT / "scenarios" / "content" / "carter-family.md"
    call_command("import_scenarios", str(carter), stdout=io.StringIO())
    exported = tmp_path / "carter.md"
    call_command("export_scenario", "carter-family", "-o", str(exported), stdout=io.StringIO())
    original = parse_scenario(carter.read_text(), carter.name)
    again = parse_scenario(exported.read_text(), exported.name)
    assert [(p.name, p.role, p.other_names) for p in again.people][:2] == [
        ("Gemma", "adult", ("Gem", "mum")),
        ("Jayden", "child", ()),
    ]
    assert again == original
    for mapping_file in sorted((ROOT / "scenarios" / "tests" / "calibration" / "carter-family").glob("*.json")):
        mapping = parse_mapping(mapping_file.read_text(), original)
        assert score_mapping(again, mapping) == score_mapping(original, mapping)
