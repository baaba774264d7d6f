"""The e-learning rules that need no database: answers, progress, completion
and certificate codes. Plain Python, no Django, so each rule is tested as a
table of cases. Who must do a course is the training matrix's to say
(`matrix.duties`), not a rule here.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# --- Knowledge checks ---------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    id: str
    correct: bool


class InvalidAnswer(ValueError):
    """The submitted answer cannot belong to this question (tampered or stale form)."""


class EmptyAnswer(ValueError):
    """Nothing was chosen."""


def check_answer(options: Sequence[Option], chosen: Iterable[str], *, multiple: bool) -> bool:
    """True when the chosen options are exactly the correct ones.

    Raises EmptyAnswer when nothing was chosen and InvalidAnswer when an id is
    not one of the question's options or a single-choice question gets two.
    """
    picked = {c for c in chosen if c}
    if not picked:
        raise EmptyAnswer("Choose an answer.")
    known = {o.id for o in options}
    unknown = picked - known
    if unknown:
        raise InvalidAnswer("That answer is not one of this question's options. Reload the page and try again.")
    if not multiple and len(picked) > 1:
        raise InvalidAnswer("This question takes one answer only.")
    return picked == {o.id for o in options if o.correct}


def option_problem(correct_flags: Sequence[bool], *, multiple: bool) -> str | None:
    """Why a question's options cannot work, or None. Used by the block and the file loader."""
    if len(correct_flags) < 2:
        return "a question needs at least two options"
    correct = sum(1 for c in correct_flags if c)
    if correct == 0:
        return "at least one option must be correct"
    if not multiple and correct != 1:
        return "a single-choice question must have exactly one correct option"
    return None


# --- Progress ------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    continue_id: int | None  # the lesson to go to next; None when every lesson is complete
    started: bool

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done >= self.total


def course_progress(
    lesson_ids: Sequence[int], completed: set[int], opened: set[int], last_opened: int | None = None
) -> Progress:
    """Progress through the lessons that are live now. Completed lessons that
    were later unpublished are not counted, and come back when republished."""
    done = sum(1 for lesson_id in lesson_ids if lesson_id in completed)
    unfinished = [lesson_id for lesson_id in lesson_ids if lesson_id not in completed]
    if last_opened in unfinished:
        continue_id: int | None = last_opened
    else:
        continue_id = unfinished[0] if unfinished else None
    started = any(lesson_id in opened or lesson_id in completed for lesson_id in lesson_ids)
    return Progress(done=done, total=len(lesson_ids), continue_id=continue_id, started=started)


class LessonStateName:
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


LESSON_STATE_LABELS = {
    LessonStateName.NOT_STARTED: "Not started",
    LessonStateName.IN_PROGRESS: "In progress",
    LessonStateName.COMPLETE: "Complete",
}


def lesson_state(lesson_id: int, completed: set[int], opened: set[int]) -> str:
    if lesson_id in completed:
        return LessonStateName.COMPLETE
    if lesson_id in opened:
        return LessonStateName.IN_PROGRESS
    return LessonStateName.NOT_STARTED


def neighbours(ordered_ids: Sequence[int], current: int) -> tuple[int | None, int | None]:
    """The lessons before and after `current` in course order (across modules)."""
    if current not in ordered_ids:
        return None, None
    index = list(ordered_ids).index(current)
    previous = ordered_ids[index - 1] if index > 0 else None
    following = ordered_ids[index + 1] if index + 1 < len(ordered_ids) else None
    return previous, following


def score_percent(correct: int, total: int) -> int:
    """Questions answered correctly as a whole percentage; a course without questions scores 100."""
    if total <= 0:
        return 100
    return (100 * correct) // total


def checks_needed(total: int, pass_mark: int) -> int:
    """How many of a lesson's `total` knowledge checks must be answered
    correctly to complete it: the course's pass mark, rounded up (80% of 5
    questions is 4; of 2 questions, both)."""
    return -(-total * pass_mark // 100) if total > 0 else 0


def course_complete(
    lesson_ids: Sequence[int], completed: set[int], questions_total: int, questions_correct: int, pass_mark: int
) -> bool:
    """The completion rule: every live lesson complete, and the knowledge checks
    (latest answers, first or later attempt) passed at the course's pass mark."""
    if not lesson_ids:
        return False
    if any(lesson_id not in completed for lesson_id in lesson_ids):
        return False
    return score_percent(questions_correct, questions_total) >= pass_mark


# --- Completions recorded outside the course ------------------------------------------------

# Keyed by matrix.CompletionSource values. A completion of the course's training
# recorded some other way (by the training team, an import, an earlier version
# of the course) still counts: the learner sees who recorded it.
RECORDED_BY = {
    "elearning": "recorded by the training team",
    "manual": "recorded by the training team",
    "imported": "imported from earlier training records",
    "classroom": "recorded from classroom training",
    "scenario": "recorded from case scenario practice",
}


def recorded_by(source: str) -> str:
    return RECORDED_BY.get(source, "recorded in your training record")


# --- Certificate codes -----------------------------------------------------------------------

# No 0/O, 1/I/L or 5/S pairs: codes are read aloud and typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
CODE_LENGTH = 10


def new_code() -> str:
    """A random, unguessable code: 29**10 is about 4 * 10**14 possibilities."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str | None) -> str:
    """What a person typed, as stored: capitals, no spaces or dashes."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def format_code(code: str) -> str:
    """Two groups of five, easier to read and to type."""
    return f"{code[:5]}-{code[5:]}" if len(code) == CODE_LENGTH else code
