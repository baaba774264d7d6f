"""Fictional people in the demo content keep one name each: no "Jayden" of three ages, no child named like a demo learner."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from people.demo import DEMO_ACCOUNTS

ROOT = Path(__file__).resolve().parents[2]
CONTENT = sorted([*ROOT.glob("courses/content/*.yaml"), *ROOT.glob("scenarios/content/*.md")])
NAME_AND_AGE = re.compile(r"\b([A-Z][a-z]+)(?:\s[A-Z][a-z]+)?\*{0,2} \((\d{1,2})\)")


def ages_by_name() -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for path in CONTENT:
        for name, age in NAME_AND_AGE.findall(path.read_text()):
            found[name].add((age, path.name))
    return found


def test_the_content_has_people_to_check():
    assert len(ages_by_name()) >= 10


def test_each_fictional_name_belongs_to_one_person_of_one_age():
    twice = {name: sorted(seen) for name, seen in ages_by_name().items() if len({age for age, _ in seen}) > 1}
    assert not twice


def test_no_fictional_person_shares_a_first_name_with_a_demo_account():
    demo_first_names = {account.first_name for account in DEMO_ACCOUNTS}
    assert not demo_first_names & set(ages_by_name())
