"""The learner's courses on the signed-in home page: to do, under way, due for
renewal and done.

What a learner must do comes from the training matrix (`matrix.duties`): a
course is offered when the matrix requires its training of the learner and
they have not met it. A course the matrix does not require is never offered,
though one the learner chose to start themselves still shows, so they can
carry on or see their certificate.
"""

from __future__ import annotations

from django.http import HttpRequest

from courses.models import CoursePage
from courses.outline import course_cards
from home.dashboard import DashboardSection
from matrix.duties import Duty, duties_for_request
from matrix.models import TrainingKind


def required_courses(duties: dict[int, Duty]) -> list[CoursePage]:
    """The live course for each e-learning training the matrix requires, in
    due-date order (the first course by tree order when several count)."""
    wanted = [pk for pk, duty in duties.items() if duty.kind == TrainingKind.ELEARNING]
    if not wanted:
        return []
    by_training: dict[int, CoursePage] = {}
    for course in CoursePage.objects.live().public().filter(training_id__in=wanted).order_by("path"):
        by_training.setdefault(course.training_id, course)
    return [by_training[pk] for pk in wanted if pk in by_training]


def dashboard_section(request: HttpRequest) -> DashboardSection | None:
    user = request.user
    if not user.is_authenticated:
        return None
    duties = duties_for_request(request)
    required = required_courses(duties)
    required_ids = {course.pk for course in required}
    # Courses the learner chose to start themselves show too.
    started = list(
        CoursePage.objects.live()
        .public()
        .filter(lesson_progress__user=user)
        .exclude(pk__in=required_ids)
        .distinct()
        .order_by("path")
    )
    cards = course_cards(required + started, user, request)
    to_do, in_progress, renew, completed = [], [], [], []
    for card in cards:
        duty = duties.get(card.course.training_id) if card.course.pk in required_ids else None
        if card.renewing or (not card.done and card.progress.started):
            in_progress.append(card)
        elif card.done:
            if duty is not None and duty.renewal:
                renew.append(card)
            else:
                completed.append(card)
        elif duty is not None and duty.to_do:
            to_do.append(card)
    if not (to_do or in_progress or renew or completed):
        return None
    return DashboardSection(
        title="Your e-learning",
        template="courses/includes/dashboard_section.html",
        context={"to_do": to_do, "in_progress": in_progress, "renew": renew, "completed": completed},
        order=20,
    )
