"""YAML for files people upload or write by hand (course files, scenario files): a SafeLoader
with fewer features, so a hostile or mistyped file is refused with a clear message instead of
exhausting memory or silently keeping the second of two values.

Refused: anchors and aliases (a few lines of them can expand to gigabytes), a key written twice
in one mapping, more than `MAX_NESTING` levels of lists and keys, and numbers longer than
`MAX_NUMBER_DIGITS` digits (Python would spend seconds turning one into an int). No Django here.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_NESTING = 20  # no course, scenario or mapping needs more levels of lists and keys than this
MAX_NUMBER_DIGITS = 12  # a score, a weight or a duration has a few digits

_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def show(value: Any, limit: int = 40) -> str:
    """A value as it may appear in a message: short, on one line, never an invalid character."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**MAX_NUMBER_DIGITS:
        return "a very long number"
    text = repr(value) if isinstance(value, str) else str(value)
    text = _SURROGATE_RE.sub("\ufffd", text).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class StrictLoader(yaml.SafeLoader):
    """YAML without aliases, duplicate keys, deep nesting or very long numbers."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (*name) are not allowed; write the text out", event.start_mark
            )
        self.depth += 1
        if self.depth > MAX_NESTING:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, f"more than {MAX_NESTING} levels of lists and keys", event.start_mark
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_yaml_int(self, node: Any) -> Any:
        digits = str(node.value).lstrip("+-").replace("_", "")
        if len(digits) > MAX_NUMBER_DIGITS:
            raise yaml.constructor.ConstructorError(
                None, None, f"a number has more than {MAX_NUMBER_DIGITS} digits", node.start_mark
            )
        return super().construct_yaml_int(node)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {show(key)} appears twice; keep one", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)


class StrictYAMLError(ValueError):
    """The text could not be read; the message says why, and where when it can."""


def load(text: str, *, first_line: int = 1) -> Any:
    """The data in `text`, or StrictYAMLError with a one-line reason ("line 4: the key 'slug'
    appears twice; keep one"). `first_line` is the file's line number of the text's first line."""
    try:
        return yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + first_line}: " if mark is not None else ""
        problem = show(getattr(exc, "problem", None) or "it is not valid YAML", 120).strip("'")
        raise StrictYAMLError(where + problem) from None
    except (RecursionError, MemoryError):
        raise StrictYAMLError("nested too deeply to read") from None
    except ValueError:
        raise StrictYAMLError("holds a value that cannot be read") from None
