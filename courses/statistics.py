"""Figures for content editors: how many learners started and completed each
course, and which knowledge-check questions are most often answered wrong.
A fixed number of queries whatever the number of courses, lessons or learners."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from courses.models import CourseCompletion, CoursePage, LessonPage, LessonProgress, QuestionAnswer


@dataclass
class QuestionStats:
    course_title: str
    lesson_title: str
    question: str
    learners: int
    attempts: int
    wrong_first_time: int
    most_common_wrong: str
    most_common_wrong_count: int

    @property
    def wrong_first_percent(self) -> int:
        return round(100 * self.wrong_first_time / self.learners) if self.learners else 0


@dataclass
class CourseStats:
    course: CoursePage
    started: int
    completed: int

    @property
    def completion_percent(self) -> int:
        return round(100 * self.completed / self.started) if self.started else 0


@dataclass
class Statistics:
    courses: list[CourseStats] = field(default_factory=list)
    questions: list[QuestionStats] = field(default_factory=list)


def course_statistics() -> Statistics:
    courses = list(CoursePage.objects.order_by("path"))
    started = dict(
        LessonProgress.objects.values("course_id")
        .annotate(n=Count("user_id", distinct=True))
        .values_list("course_id", "n")
    )
    # Learners, not completions: a renewal completes the same course again.
    completed = dict(
        CourseCompletion.objects.filter(course__isnull=False)
        .values("course_id")
        .annotate(n=Count("user_id", distinct=True))
        .values_list("course_id", "n")
    )
    stats = Statistics(courses=[CourseStats(c, started.get(c.pk, 0), completed.get(c.pk, 0)) for c in courses])
    course_by_path = {c.path: c for c in courses}
    answer_rows = (
        QuestionAnswer.objects.values("lesson_id", "question_id")
        .annotate(learners=Count("id"), attempts=Sum("attempts"), wrong=Count("id", filter=Q(first_correct=False)))
        .order_by()
    )
    figures = {(r["lesson_id"], r["question_id"]): r for r in answer_rows}
    # What each learner chose the first time they got a question wrong, as a
    # whole answer: for a checkbox question the mistake may be leaving out a
    # right option, so counting wrong options alone would find nothing.
    wrong_answers: dict[tuple[int, str], Counter[frozenset[str]]] = {}
    for lesson_id, question_id, chosen in QuestionAnswer.objects.filter(first_correct=False).values_list(
        "lesson_id", "question_id", "first_chosen"
    ):
        wrong_answers.setdefault((lesson_id, question_id), Counter())[frozenset(chosen)] += 1
    lesson_ids = {lesson_id for lesson_id, _ in figures}
    for lesson in LessonPage.objects.filter(pk__in=lesson_ids):
        course = next((c for path, c in course_by_path.items() if lesson.path.startswith(path)), None)
        for question_id, value in lesson.knowledge_checks():
            row = figures.get((lesson.pk, question_id))
            if row is None:
                continue
            options = [
                (child.id, child.value["text"], bool(child.value["correct"])) for child in value["options"].bound_blocks
            ]
            top = wrong_answers.get((lesson.pk, question_id), Counter()).most_common(1)
            stats.questions.append(
                QuestionStats(
                    course_title=course.title if course else "",
                    lesson_title=lesson.title,
                    question=str(value["question"]),
                    learners=row["learners"],
                    attempts=row["attempts"] or 0,
                    wrong_first_time=row["wrong"],
                    most_common_wrong=describe_answer(options, top[0][0]) if top else "",
                    most_common_wrong_count=top[0][1] if top else 0,
                )
            )
    stats.questions.sort(key=lambda q: (-q.wrong_first_percent, -q.wrong_first_time, q.course_title, q.lesson_title))
    return stats


def describe_answer(options: list[tuple[str, str, bool]], chosen: frozenset[str]) -> str:
    """A wrong answer in words: the options chosen, in the question's order, and
    whether a right option was left out. Options since deleted are skipped."""
    texts = [text for option_id, text, _ in options if option_id in chosen]
    if not texts:
        return "An option since removed from the question"
    missed = any(correct and option_id not in chosen for option_id, _, correct in options)
    only_right = all(correct for option_id, _, correct in options if option_id in chosen)
    words = " and ".join(texts) if len(texts) < 3 else ", ".join(texts[:-1]) + " and " + texts[-1]
    if missed and only_right:
        return f"{words} only, leaving out a right answer"
    return words
