"""The scoring engine alone: time to score one mapping against its scenario,
compared with `json.loads` of the same mapping's JSON. No Django, no database.

The engine memoises words and lemmas (lru caches in scenarios.matching,
.reading and .scoring) and each scenario's index, so
scoring the same mapping again and again measures a warm process. Both are
reported: "warm" (caches kept, as in a long-running server) and "cold" (every
cache cleared before each mapping, the worst case); the target is judged on
cold.
"""

from __future__ import annotations

import importlib
import json
import statistics
import timeit
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.bench.report import Figure


@dataclass(frozen=True)
class Sample:
    name: str
    scenario: Any
    mapping_text: str


def load_samples(content_dir: Path) -> list[Sample]:
    """Every `<slug>.*.json` mapping in `content_dir/mappings` with its scenario `<slug>.md`."""
    from scenarios.scenario_file import parse_scenario

    samples = []
    scenarios: dict[str, Any] = {}
    for path in sorted((content_dir / "mappings").glob("*.json")):
        slug = path.name.split(".")[0]
        scenario_path = content_dir / f"{slug}.md"
        if not scenario_path.exists():
            continue
        if slug not in scenarios:
            scenarios[slug] = parse_scenario(scenario_path.read_text(encoding="utf-8"), scenario_path.name)
        samples.append(Sample(path.name, scenarios[slug], path.read_text(encoding="utf-8")))
    return samples


ENGINE_MODULES = ("scenarios.matching", "scenarios.reading", "scenarios.scoring")


def clear_engine_caches() -> None:
    """The engine's memos of words and lemmas. Each scenario's index (built
    once per scenario and process, in scenarios.scoring) is kept: it belongs to
    the scenario, not to the mapping."""
    for name in ENGINE_MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            cache_clear = getattr(value, "cache_clear", None)
            if callable(cache_clear):
                cache_clear()


def per_call_ms(action: Callable[[], object], *, number: int, repeat: int) -> list[float]:
    """timeit: `repeat` rounds of `number` calls; milliseconds per call in each round."""
    action()
    return [total / number * 1000 for total in timeit.repeat(action, number=number, repeat=repeat)]


def measure(content_dir: Path, *, iterations: int, repeat: int) -> list[Figure]:
    try:
        from scenarios.scenario_file import parse_mapping
        from scenarios.scoring import score_mapping
    except ImportError as exc:
        reason = f"the scoring engine is not importable yet ({exc})"
        return [
            Figure("scoring", "Scoring one mapping (engine alone)", "engine", skipped=reason),
            Figure("json_parse", "json.loads of the same mapping (baseline)", "engine", skipped=reason),
        ]
    samples = load_samples(content_dir)
    if not samples:
        reason = f"no mappings with their scenarios in {content_dir}/mappings"
        return [
            Figure("scoring", "Scoring one mapping (engine alone)", "engine", skipped=reason),
            Figure("json_parse", "json.loads of the same mapping (baseline)", "engine", skipped=reason),
        ]
    mappings = [(s.scenario, parse_mapping(s.mapping_text, s.scenario, s.name)) for s in samples]
    texts = [s.mapping_text for s in samples]
    count = len(samples)
    rounds = max(1, iterations // count)

    def score_all() -> None:
        for scenario, mapping in mappings:
            score_mapping(scenario, mapping)

    def score_all_cold() -> None:
        for scenario, mapping in mappings:
            clear_engine_caches()
            score_mapping(scenario, mapping)

    def parse_all() -> None:
        for text in texts:
            json.loads(text)

    def parse_and_score_all() -> None:
        for sample in samples:
            score_mapping(sample.scenario, parse_mapping(sample.mapping_text, sample.scenario, sample.name))

    cold = [ms / count for ms in per_call_ms(score_all_cold, number=max(1, rounds // 4), repeat=repeat)]
    warm = [ms / count for ms in per_call_ms(score_all, number=rounds, repeat=repeat)]
    parsed = [ms / count for ms in per_call_ms(parse_all, number=rounds * 20, repeat=repeat)]
    end_to_end = [ms / count for ms in per_call_ms(parse_and_score_all, number=rounds, repeat=repeat)]
    sizes = [len(text.encode()) for text in texts]
    scoring = Figure(
        "scoring",
        "Scoring one mapping (engine alone, cold caches)",
        "engine",
        {
            "median_ms": statistics.median(cold),
            "warm_ms": statistics.median(warm),
            "with_validation_ms": statistics.median(end_to_end),
            "iterations": max(1, rounds // 4) * count * repeat,
            "mappings": count,
        },
        note=(
            f"{count} mappings ({', '.join(s.name for s in samples)}); warm caches "
            f"{statistics.median(warm):.3f} ms, parse_mapping + score {statistics.median(end_to_end):.3f} ms"
        ),
    )
    baseline = Figure(
        "json_parse",
        "json.loads of the same mapping (baseline)",
        "engine",
        {"median_ms": statistics.median(parsed), "iterations": rounds * 20 * count * repeat, "bytes": max(sizes)},
    )
    return [scoring, baseline]
