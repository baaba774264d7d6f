"""The scenario domain: what a case scenario and a learner's mapping are.

Pure Python (no Django). The scoring engine and the scenario file parser both
build on these types; the engine never imports the parser, so a scenario made
in the admin, read from a file or built in a test is scored the same way.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Category(enum.StrEnum):
    HARM = "harm"
    COMPLICATING_FACTOR = "complicating_factor"
    STRENGTH = "strength"
    SAFETY = "safety"


class Column(enum.StrEnum):
    WORRIES = "worries"
    WORKING_WELL = "working_well"


class Framework(enum.StrEnum):
    CHILD_PROTECTION = "child_protection"
    EARLY_HELP = "early_help"


class Role(enum.StrEnum):
    """Who a person in the case is: the engine ties behaviour to the adults and impact to the children.

    `adult` is a parent or carer whose care the case is about; `network` is family
    or a friend who helps keep the children safe; `professional` a worker or agency.
    """

    CHILD = "child"
    ADULT = "adult"
    NETWORK = "network"
    PROFESSIONAL = "professional"


CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)
FRAMEWORKS: tuple[str, ...] = tuple(f.value for f in Framework)
ROLES: tuple[str, ...] = tuple(r.value for r in Role)
COLUMN_OF: dict[str, Column] = {
    Category.HARM: Column.WORRIES,
    Category.COMPLICATING_FACTOR: Column.WORRIES,
    Category.STRENGTH: Column.WORKING_WELL,
    Category.SAFETY: Column.WORKING_WELL,
}
CATEGORY_LABELS: dict[str, str] = {
    Category.HARM: "Harm",
    Category.COMPLICATING_FACTOR: "Complicating factor",
    Category.STRENGTH: "Strength",
    Category.SAFETY: "Existing safety",
}
COLUMN_NAMES: dict[str, str] = {
    Column.WORRIES: "What are we worried about?",
    Column.WORKING_WELL: "What's working well?",
}
SECTIONS: tuple[str, ...] = ("categorisation", "statements", "goals", "scaling")
DEFAULT_PASS_MARK = 70

# Limits on a learner's answer: a statement is a sentence or two, so these
# leave plenty of room while refusing pasted documents.
MAX_TEXT_CHARS = 1500
MAX_TEXTS = 5


class ScenarioFileError(ValueError):
    """A scenario or mapping file breaks a rule. The message is for people, on one line."""


@dataclass(frozen=True)
class Weights:
    categorisation: int = 40
    statements: int = 25
    goals: int = 25
    scaling: int = 10

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in SECTIONS}


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    category: str
    rationale: str
    also_accept: tuple[str, ...] = ()

    def accepts(self, category: str) -> bool:
        return category == self.category or category in self.also_accept


@dataclass(frozen=True)
class ModelStatement:
    """A model danger/worry statement or safety/well-being goal.

    `elements` maps each element's name to the words or phrases that show it,
    in the author's order. `alternatives` are learners' texts that a trainer
    accepted as equally good answers (a platform extension of the format).
    """

    text: str
    elements: dict[str, tuple[str, ...]]
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scaling:
    question: str
    min: int
    max: int
    rationale: str


@dataclass(frozen=True)
class Person:
    """Someone in the case, with the other names learners use for them ("Gem", "mum", "Babcia Irena")."""

    name: str
    role: str
    other_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)


@dataclass(frozen=True)
class Scenario:
    slug: str
    title: str
    framework: str
    summary: str
    items: tuple[Item, ...]
    statements: tuple[ModelStatement, ...]
    goals: tuple[ModelStatement, ...]
    scaling: Scaling
    pass_mark: int = DEFAULT_PASS_MARK
    weights: Weights = field(default_factory=Weights)
    next_steps: tuple[str, ...] = ()
    bottom_lines: tuple[str, ...] = ()
    jargon: tuple[str, ...] = ()
    narrative: str = ""
    people: tuple[Person, ...] = ()

    @property
    def is_early_help(self) -> bool:
        return self.framework == Framework.EARLY_HELP

    @property
    def statement_label(self) -> str:
        return "worry statement" if self.is_early_help else "danger statement"

    @property
    def goal_label(self) -> str:
        return "well-being goal" if self.is_early_help else "safety goal"

    def item(self, item_id: str) -> Item | None:
        for item in self.items:
            if item.id == item_id:
                return item
        return None


@dataclass(frozen=True)
class Mapping:
    """A learner's answer to one scenario."""

    scenario: str
    placements: dict[str, str]
    statements: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    scaling_score: int | None = None
    scaling_reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "placements": dict(self.placements),
            "statements": list(self.statements),
            "goals": list(self.goals),
            "scaling": {"score": self.scaling_score, "reason": self.scaling_reason},
        }


def model_mapping(scenario: Scenario) -> Mapping:
    """The model answer as a mapping: what scores 100."""
    return Mapping(
        scenario=scenario.slug,
        placements={item.id: item.category for item in scenario.items},
        statements=tuple(s.text for s in scenario.statements),
        goals=tuple(g.text for g in scenario.goals),
        scaling_score=scenario.scaling.min,
        scaling_reason=scenario.scaling.rationale,
    )
