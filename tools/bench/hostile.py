"""Bad input: each hostile scenario or mapping file refused by `manage.py
score_mapping`, with the time and the peak memory the refusal takes, against
the same command scoring the good example mapping (the baseline).

Each input is written to a file and given to the real command, as a person
would (the scenario cases with the good mapping, the mapping cases with the
good scenario; `import_scenarios` reads and checks a file with the same code
before it touches the database). For every input the harness checks the
command exits 2 with one short line (no echo of the input), then times it
(`runs` runs; the worst and the median are reported) and measures its peak
Python memory in a separate run (tracemalloc, which slows allocation, so it
is never timed). No database is used.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from tools.bench.report import Figure

MIB = 1024 * 1024
HUGE_BYTES = 128 * MIB  # larger than the memory target: reading it whole would break it
MAX_LINE = 300  # a refusal is one short line: it never echoes the input


def billion_laughs() -> str:
    levels = ["a: &a [" + ",".join(['"lol"'] * 9) + "]"]
    names = "abcdefgh"
    for previous, name in zip(names, names[1:], strict=False):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    levels.append("slug: [" + ",".join(["*h"] * 9) + "]")
    return "---\n" + "\n".join(levels) + "\n---\nText\n"


@dataclass(frozen=True)
class Hostile:
    id: str
    title: str
    kind: str  # "mapping" or "scenario": which of the two files is hostile
    write: Callable[[Path, str, str], None]  # (path, good scenario text, good mapping text)


def _text(make: Callable[[str, str], str]) -> Callable[[Path, str, str], None]:
    def write(path: Path, scenario: str, mapping: str) -> None:
        path.write_text(make(scenario, mapping), encoding="utf-8")

    return write


def _huge(prefix: str, filler: bytes, suffix: str) -> Callable[[Path, str, str], None]:
    def write(path: Path, scenario: str, mapping: str) -> None:
        block = filler * (MIB // len(filler))
        with path.open("wb") as handle:
            handle.write(prefix.encode())
            for _ in range(HUGE_BYTES // len(block)):
                handle.write(block)
            handle.write(suffix.encode())

    return write


CASES: tuple[Hostile, ...] = (
    Hostile(
        "mapping_nested",
        "Mapping: JSON nested 5,000 levels",
        "mapping",
        _text(lambda s, m: '{"scenario": "hollins-family", "placements": ' + "[" * 5000 + "]" * 5000 + "}"),
    ),
    Hostile(
        "mapping_number",
        "Mapping: a 5,000-digit number",
        "mapping",
        _text(lambda s, m: '{"scenario": "hollins-family", "scaling": {"score": ' + "9" * 5000 + "}}"),
    ),
    Hostile(
        "mapping_surrogate",
        "Mapping: a lone surrogate (\\ud800)",
        "mapping",
        _text(lambda s, m: '{"scenario": "hollins-family", "statements": ["We are worried \\ud800 that"]}'),
    ),
    Hostile(
        "mapping_duplicate",
        "Mapping: a duplicate key",
        "mapping",
        _text(lambda s, m: '{"scenario": "hollins-family", "goals": ["a"], "goals": ["b"]}'),
    ),
    Hostile(
        "mapping_nan",
        "Mapping: NaN for a number",
        "mapping",
        _text(lambda s, m: '{"scenario": "hollins-family", "scaling": {"score": NaN}}'),
    ),
    Hostile(
        "mapping_huge",
        f"Mapping: a {HUGE_BYTES // MIB} MiB file",
        "mapping",
        _huge('{"scenario": "hollins-family", "statements": ["', b"worried ", '"]}'),
    ),
    Hostile(
        "scenario_nested",
        "Scenario: YAML nested 5,000 levels",
        "scenario",
        _text(lambda s, m: "---\nslug: " + "[" * 5000 + "]" * 5000 + "\n---\nText\n"),
    ),
    Hostile(
        "scenario_aliases",
        "Scenario: nested YAML aliases (billion laughs)",
        "scenario",
        _text(lambda s, m: billion_laughs()),
    ),
    Hostile(
        "scenario_duplicate",
        "Scenario: a duplicate key (goals twice)",
        "scenario",
        _text(lambda s, m: s.replace("\ngoals:", "\ngoals: []\ngoals:", 1)),
    ),
    Hostile(
        "scenario_surrogate",
        "Scenario: a lone surrogate (\\ud800)",
        "scenario",
        _text(lambda s, m: s.replace("title: The Hollins family", 'title: "The \\ud800 family"', 1)),
    ),
    Hostile(
        "scenario_number",
        "Scenario: a 5,000-digit number",
        "scenario",
        _text(lambda s, m: s.replace("pass_mark: 70", "pass_mark: " + "7" * 5000, 1)),
    ),
    Hostile(
        "scenario_huge",
        f"Scenario: a {HUGE_BYTES // MIB} MiB file",
        "scenario",
        _huge("---\nslug: hollins-family\nsummary: ", b"worried ", "\n---\nText\n"),
    ),
)


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    message: str


def run_command(scenario: Path, mapping: Path) -> Outcome:
    """`manage.py score_mapping SCENARIO MAPPING` in this process: its exit code and its one line."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command("score_mapping", str(scenario), str(mapping), stdout=io.StringIO())
    except CommandError as error:
        return Outcome(error.returncode, str(error))
    return Outcome(0, "")


def _timed(action: Callable[[], Outcome], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _peak_mib(action: Callable[[], Outcome]) -> float:
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / MIB
    finally:
        tracemalloc.stop()


def _figure(figure_id: str, title: str, action: Callable[[], Outcome], runs: int, note: str = "") -> Figure:
    outcome = action()  # once, to check it, and to warm the imports
    times = _timed(action, runs)
    return Figure(
        figure_id,
        title,
        "hostile",
        {
            "worst_ms": max(times),
            "median_ms": statistics.median(times),
            "peak_mib": _peak_mib(action),
            "exit_code": outcome.exit_code,
            "one_line": bool(outcome.message) and "\n" not in outcome.message and len(outcome.message) < MAX_LINE,
            "runs": runs,
        },
        note=note or (outcome.message[:120] if outcome.message else ""),
    )


def measure(scenario_path: Path, mapping_path: Path, *, runs: int) -> list[Figure]:
    """The good example scored (the baseline), then every hostile input refused."""
    good_scenario = scenario_path.read_text(encoding="utf-8")
    good_mapping = mapping_path.read_text(encoding="utf-8")
    figures = [
        _figure(
            "hostile_baseline",
            "Good example mapping scored by the same command (baseline)",
            lambda: run_command(scenario_path, mapping_path),
            runs,
            note=f"{scenario_path.name} with {mapping_path.name}",
        )
    ]
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for case in CASES:
            path = Path(tmp) / ("hostile.json" if case.kind == "mapping" else "hostile.md")
            case.write(path, good_scenario, good_mapping)
            scenario, mapping = (scenario_path, path) if case.kind == "mapping" else (path, mapping_path)
            figures.append(_figure(f"hostile_{case.id}", case.title, partial(run_command, scenario, mapping), runs))
            path.unlink()
    return figures
