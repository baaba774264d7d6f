"""Workflows that write a learner's progress. Each runs in one transaction and
locks the learner's row where a double click or two tabs could race.

Views call these; nothing else writes LessonProgress, QuestionAnswer,
JournalEntry, CourseCompletion or Certificate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import (
    Certificate,
    CourseCompletion,
    CoursePage,
    JournalEntry,
    LessonPage,
    LessonProgress,
    QuestionAnswer,
)
from courses.outline import load_outline
from courses.rules import Option, check_answer, checks_needed, course_complete, new_code, score_percent
from matrix.models import CompletionSource
from matrix.services import mark_started, record_completion, renewal_due, valid_until
from outbox.statements import queue_statement
from outbox.xapi import Activity, Result
from people.models import User

# Reopening the lesson the learner last opened writes nothing within this time:
# "continue where you left off" already points at it.
REOPEN_WRITE_AFTER = dt.timedelta(minutes=5)


# (lesson id, completed at, last opened at): a learner's progress in one course.
ProgressRow = tuple[int, dt.datetime | None, dt.datetime]


def open_lesson(user: User, lesson: LessonPage, course: CoursePage) -> list[ProgressRow]:
    """Save the learner's place. The first lesson they open starts the course in the matrix.

    Returns the learner's progress rows in the course as they now stand (the
    lesson page shows them, so it need not read them again). A reload, or
    going back to the lesson already last opened, costs that one read and no
    write, so a learner reading a lesson never holds the database's write
    lock (SQLite has one for the whole file).
    """
    lesson._course = course
    now = timezone.now()
    rows: list[ProgressRow] = list(
        LessonProgress.objects.filter(user=user, course=course).values_list(
            "lesson_id", "completed_at", "last_opened_at"
        )
    )
    mine = next((row for row in rows if row[0] == lesson.pk), None)
    latest = max((row[2] for row in rows), default=None)
    if mine is not None and mine[2] == latest and now - mine[2] < REOPEN_WRITE_AFTER:
        lesson._progress_rows = rows
        return rows
    progress, created = LessonProgress.objects.get_or_create(
        user=user, lesson=lesson, defaults={"course": course, "opened_at": now, "last_opened_at": now}
    )
    if not created:
        LessonProgress.objects.filter(pk=progress.pk).update(last_opened_at=now)
    elif course.training_id is not None:
        mark_started(user, course.training, timezone.localdate())
    rows = [row for row in rows if row[0] != lesson.pk] + [(lesson.pk, progress.completed_at, now)]
    lesson._progress_rows = rows
    return rows


def question_options(value: Any) -> list[Option]:
    return [Option(child.id, bool(child.value["correct"])) for child in value["options"].bound_blocks]


@transaction.atomic
def answer_question(
    user: User, lesson: LessonPage, course: CoursePage, question_id: str, chosen: list[str]
) -> QuestionAnswer:
    """Check and save an answer. Raises LookupError for an unknown question and
    rules.EmptyAnswer / rules.InvalidAnswer for a bad submission.

    Sending the same answer again (a double click, a resubmitted form) is not a
    new attempt: the attempt count and the first answer stay as they were.
    """
    value = lesson.knowledge_check(question_id)
    if value is None:
        raise LookupError(question_id)
    correct = check_answer(question_options(value), chosen, multiple=bool(value["multiple"]))
    picked = sorted(set(chosen))
    now = timezone.now()
    answer = (
        QuestionAnswer.objects.select_for_update().filter(user=user, lesson=lesson, question_id=question_id).first()
    )
    if answer is None:
        try:
            with transaction.atomic():
                return QuestionAnswer.objects.create(
                    user=user,
                    lesson=lesson,
                    course=course,
                    question_id=question_id,
                    chosen=picked,
                    correct=correct,
                    attempts=1,
                    first_chosen=picked,
                    first_correct=correct,
                    first_answered_at=now,
                    answered_at=now,
                )
        except IntegrityError:
            answer = QuestionAnswer.objects.select_for_update().get(user=user, lesson=lesson, question_id=question_id)
    if sorted(answer.chosen) == picked:
        return answer
    answer.chosen = picked
    answer.correct = correct
    answer.attempts += 1
    answer.answered_at = now
    answer.save(update_fields=["chosen", "correct", "attempts", "answered_at"])
    return answer


def save_reflection(user: User, lesson: LessonPage, course: CoursePage, prompt_id: str, text: str) -> JournalEntry:
    """Keep the learner's reflection in their journal. Raises LookupError for an unknown prompt."""
    prompt = lesson.reflection_prompt(prompt_id)
    if prompt is None:
        raise LookupError(prompt_id)
    entry, _ = JournalEntry.objects.update_or_create(
        user=user,
        lesson=lesson,
        prompt_id=prompt_id,
        defaults={"prompt": prompt, "answer": text.strip(), "lesson_title": lesson.title, "course_title": course.title},
    )
    return entry


@dataclass(frozen=True)
class LessonOutcome:
    completed: bool
    unanswered: int = 0  # knowledge checks not yet answered correctly
    completion: CourseCompletion | None = None


@transaction.atomic
def complete_lesson(user: User, lesson: LessonPage, course: CoursePage) -> LessonOutcome:
    """Mark the lesson complete once enough of its knowledge checks are
    answered correctly (the course's pass mark, `rules.checks_needed`);
    complete the course too when this was the last thing to do."""
    checks = [question_id for question_id, _ in lesson.knowledge_checks()]
    right = set(
        QuestionAnswer.objects.filter(user=user, lesson=lesson, question_id__in=checks, correct=True).values_list(
            "question_id", flat=True
        )
    )
    missing = checks_needed(len(checks), course.pass_mark) - len(right)
    if missing > 0:
        return LessonOutcome(completed=False, unanswered=missing)
    now = timezone.now()
    progress, _ = LessonProgress.objects.select_for_update().get_or_create(
        user=user, lesson=lesson, defaults={"course": course, "opened_at": now, "last_opened_at": now}
    )
    if progress.completed_at is None:
        progress.completed_at = now
        progress.save(update_fields=["completed_at"])
    return LessonOutcome(completed=True, completion=complete_course_if_done(user, course))


def course_score(user: User, course: CoursePage, lessons: list[LessonPage]) -> tuple[int, int]:
    """(questions answered correctly, questions) over the course's live lessons."""
    bodies = LessonPage.objects.filter(pk__in=[lesson.pk for lesson in lessons])
    questions = {(lesson.pk, question_id) for lesson in bodies for question_id, _ in lesson.knowledge_checks()}
    right = set(
        QuestionAnswer.objects.filter(user=user, course=course, correct=True).values_list("lesson_id", "question_id")
    )
    return len(questions & right), len(questions)


def complete_course_if_done(user: User, course: CoursePage, today: dt.date | None = None) -> CourseCompletion | None:
    """Apply the completion rule. On completion: the course completion, the
    matrix's completion record and a certificate, all or nothing. Returns the
    completion (new or the latest) or None when the course is not complete.

    After a completion, only lessons completed since count towards the next
    one: that is a renewal (`start_renewal` clears the lessons), and revisiting
    a completed course never completes it twice."""
    latest = latest_completion(user, course)
    rows = LessonProgress.objects.filter(user=user, course=course)
    lessons = load_outline(course).lessons
    if latest is not None:
        done_before = set(rows.filter(completed_at__isnull=False).values_list("lesson_id", flat=True))
        if {lesson.pk for lesson in lessons} <= done_before and not rows.filter(
            completed_at__gt=latest.created_at
        ).exists():
            return latest  # the finished round: nothing redone since
        rows = rows.filter(completed_at__gt=latest.created_at)
    completed = set(rows.filter(completed_at__isnull=False).values_list("lesson_id", flat=True))
    correct, total = course_score(user, course, lessons)
    if not course_complete([lesson.pk for lesson in lessons], completed, total, correct, course.pass_mark):
        return None
    today = today or timezone.localdate()
    with transaction.atomic():
        # Two tabs finishing together: the second waits here and finds the first's row.
        User.objects.select_for_update().filter(pk=user.pk).first()
        if latest_completion(user, course) != latest:
            return latest_completion(user, course)
        completion = CourseCompletion.objects.create(
            user=user,
            course=course,
            course_title=course.title,
            completed_on=today,
            score_percent=score_percent(correct, total),
        )
        if course.training_id is not None:
            # The first completion keeps the reference it always had; each renewal has its own.
            ref = f"course:{course.pk}" if latest is None else f"course:{course.pk}:completion:{completion.pk}"
            record_completion(user, course.training, today, CompletionSource.ELEARNING, ref)
        queue_statement(
            f"course-completion:{completion.pk}",
            user,
            "completed",
            Activity("course", f"course/{course.pk}", course.title),
            Result(score_percent=completion.score_percent, success=True),
        )
        issue_certificate(completion)
    return completion


def latest_completion(user: User, course: CoursePage) -> CourseCompletion | None:
    return (
        CourseCompletion.objects.filter(user=user, course=course)
        .select_related("certificate")
        .order_by("-completed_on", "-pk")
        .first()
    )


def may_renew(user: User, course: CoursePage) -> bool:
    """The learner completed the course before and the matrix says it is running out or has run out."""
    return latest_completion(user, course) is not None and renewal_due(user, course.training)


@transaction.atomic
def start_renewal(user: User, course: CoursePage) -> bool:
    """Begin the course again: every lesson to complete and every knowledge
    check to answer again. Earlier completions, certificates and journal
    entries stay; the first answers stay for the editors' statistics."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    if not may_renew(user, course):
        return False
    LessonProgress.objects.filter(user=user, course=course).update(completed_at=None)
    QuestionAnswer.objects.filter(user=user, course=course).update(correct=False, chosen=[])
    return True


def issue_certificate(completion: CourseCompletion) -> Certificate:
    existing = Certificate.objects.filter(completion=completion).first()
    if existing is not None:
        return existing
    for _ in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    completion=completion,
                    user=completion.user,
                    course=completion.course,
                    learner_name=completion.user.display_name,
                    course_title=completion.course_title,
                    issued_on=completion.completed_on,
                    valid_until=valid_until(
                        completion.user,
                        completion.course.training if completion.course else None,
                        completion.completed_on,
                    ),
                    code=new_code(),
                )
                queue_statement(
                    f"certificate:{certificate.code}",
                    completion.user,
                    "earned",
                    Activity(
                        "certificate", f"certificate/{certificate.code}", f"Certificate: {certificate.course_title}"
                    ),
                )
                return certificate
        except IntegrityError:
            # A clash of random codes is astronomically rare; draw again.
            continue
    raise RuntimeError("Could not issue a unique certificate code.")
