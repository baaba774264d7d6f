"""The one way a file format is checked (course files, scenario files, mappings): every problem
is collected, each naming the file and the key path, so a file with five mistakes is refused
once with all five, never five times.

`FileProblems.note(path, message)` records a problem as `"<file>: <path>: <message>"`;
`FileProblems.collecting(error_type)` runs one part of a reader that stops at its first problem
by raising `error_type`, keeps that problem and goes on with the next part. A report is either
the list (`problems`) or one line (`one_line()`: the first in full, then how many more and what).
No Django here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class FileProblems:
    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[str] = []

    def located(self, path: str, message: str) -> str:
        """The message as it is reported: the file, the key path when there is one, the message."""
        return f"{self.name}: {path}: {message}" if path else f"{self.name}: {message}"

    def note(self, path: str, message: str) -> None:
        self.problems.append(self.located(path, message))

    @contextmanager
    def collecting(self, error_type: type[Exception]) -> Iterator[None]:
        """Run one part of the file; an `error_type` it raises is kept (its text is already located)."""
        try:
            yield
        except error_type as exc:
            self.problems.append(str(exc))

    def one_line(self) -> str:
        """Every problem on one line, for a command's single line of output."""
        first, rest = self.problems[0], self.problems[1:]
        if not rest:
            return first
        others = "; ".join(problem.removeprefix(f"{self.name}: ") for problem in rest)
        return f"{first} (and {len(rest)} more: {others})"
