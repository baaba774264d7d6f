"""Learner actions on lessons (answer, reflect, complete), the learning journal
and certificates. Lesson and course pages themselves are Wagtail pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from courses.blocks import check_view
from courses.certificates import LOGO, certificate_pdf
from courses.models import Certificate, CourseIndexPage, CoursePage, JournalEntry, LessonPage, ModulePage
from courses.outline import load_outline
from courses.rules import EmptyAnswer, InvalidAnswer, neighbours, normalise_code
from courses.services import answer_question, complete_lesson, save_reflection, start_renewal
from people.types import AuthenticatedHttpRequest

REFLECTION_MAX = 5000


class LessonUnavailable(Exception):
    pass


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def available_lesson(request: HttpRequest, lesson_id: int) -> tuple[LessonPage, CoursePage]:
    """The lesson and its course, if this learner may see it now: live, inside a
    live module and course, and not behind a view restriction they fail."""
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None:
        raise LessonUnavailable
    if any(not restriction.accept_request(request) for restriction in lesson.get_view_restrictions()):
        raise LessonUnavailable
    course = CoursePage.objects.live().ancestor_of(lesson).first()
    if course is None or not ModulePage.objects.live().ancestor_of(lesson).exists():
        raise LessonUnavailable
    return lesson, course


def unavailable(request: HttpRequest) -> HttpResponse:
    message = (
        "This lesson is not available. It may have been taken down for changes. Your progress in the course is saved."
    )
    if wants_json(request):
        return JsonResponse({"error": message}, status=404)
    return render(request, "courses/lesson_unavailable.html", {"message": message}, status=404)


def problem(request: HttpRequest, message: str, lesson: LessonPage, status: int = 400) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return render(
        request,
        "courses/answer_problem.html",
        {"message": message, "lesson_url": lesson.get_url(request)},
        status=status,
    )


@login_required
@require_POST
def answer(request: AuthenticatedHttpRequest, lesson_id: int, question_id: str) -> HttpResponse:
    try:
        lesson, course = available_lesson(request, lesson_id)
    except LessonUnavailable:
        return unavailable(request)
    chosen = request.POST.getlist("option")
    anchor = f"#q-{question_id}"
    try:
        saved = answer_question(request.user, lesson, course, question_id, chosen)
    except LookupError:
        return problem(
            request, "That question is no longer in this lesson. Reload the page to see it as it is now.", lesson
        )
    except EmptyAnswer as exc:
        if wants_json(request):
            return JsonResponse({"error": str(exc)}, status=400)
        return redirect(f"{lesson.get_url(request)}?{urlencode({'unanswered': question_id})}{anchor}")
    except InvalidAnswer as exc:
        return problem(request, str(exc), lesson)
    if wants_json(request):
        check = check_view(lesson.knowledge_check(question_id), saved)
        html = render_to_string("courses/includes/check_feedback.html", {"check": check, "question_id": question_id})
        return JsonResponse({"correct": saved.correct, "attempts": saved.attempts, "html": html})
    return redirect(f"{lesson.get_url(request)}{anchor}")


@login_required
@require_POST
def reflect(request: AuthenticatedHttpRequest, lesson_id: int, prompt_id: str) -> HttpResponse:
    try:
        lesson, course = available_lesson(request, lesson_id)
    except LessonUnavailable:
        return unavailable(request)
    text = request.POST.get("answer", "").strip()
    anchor = f"#r-{prompt_id}"
    if not text or len(text) > REFLECTION_MAX:
        reason = "empty" if not text else "long"
        return redirect(f"{lesson.get_url(request)}?{urlencode({'reflection': prompt_id, 'reason': reason})}{anchor}")
    try:
        save_reflection(request.user, lesson, course, prompt_id, text)
    except LookupError:
        return problem(request, "That reflection question is no longer in this lesson. Reload the page.", lesson)
    # The confirmation is shown at the reflection itself, and the address moves
    # focus to it: a banner at the top of the page would be off screen.
    return redirect(f"{lesson.get_url(request)}?{urlencode({'saved': prompt_id})}#r-{prompt_id}-saved")


@login_required
@require_POST
def complete(request: AuthenticatedHttpRequest, lesson_id: int) -> HttpResponse:
    try:
        lesson, course = available_lesson(request, lesson_id)
    except LessonUnavailable:
        return unavailable(request)
    outcome = complete_lesson(request.user, lesson, course)
    if not outcome.completed:
        still = "1 question" if outcome.unanswered == 1 else f"{outcome.unanswered} questions"
        messages.error(
            request, f"Answer enough of this lesson's questions correctly to complete it: {still} still to do."
        )
        return redirect(lesson.get_url(request))
    if outcome.completion is not None:
        messages.success(request, f"You have completed {course.title}. Your certificate is ready.")
        return redirect(course.get_url(request))
    outline = load_outline(course)
    ordered = [item.pk for item in outline.lessons]
    _, next_id = neighbours(ordered, lesson.pk)
    if next_id is not None:
        following = next(item for item in outline.lessons if item.pk == next_id)
        return redirect(following.get_url(request))
    messages.success(request, "Lesson complete. Go back to any lesson still marked 'not started' or 'in progress'.")
    return redirect(course.get_url(request))


@login_required
@require_POST
def renew(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    """Begin a course again because the training is due for renewal."""
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None:
        raise Http404("No such course.")
    if start_renewal(request.user, course):
        messages.success(request, "Your renewal has started. Complete every lesson again to renew your certificate.")
    else:
        messages.error(request, "This course is not due for renewal yet.")
    return redirect(course.get_url(request))


@login_required
@require_GET
def journal(request: AuthenticatedHttpRequest) -> HttpResponse:
    entries = JournalEntry.objects.filter(user=request.user).order_by("course_title", "lesson_title", "created_at")
    return render(request, "courses/journal.html", {"entries": entries})


def own_certificate(request: AuthenticatedHttpRequest, code: str) -> Certificate:
    """Only the owner sees their certificate page and PDF; others get a 404, as if it did not exist."""
    certificate = Certificate.objects.filter(code=normalise_code(code), user=request.user).first()
    if certificate is None:
        raise Http404("No certificate with that code is yours.")
    return certificate


def verify_url(request: HttpRequest, certificate: Certificate) -> str:
    return request.build_absolute_uri(certificate.get_verify_url())


@login_required
@require_GET
def certificate(request: HttpRequest, code: str) -> HttpResponse:
    cert = own_certificate(request, code)
    course = cert.course if cert.course is not None and cert.course.live else None
    index = CourseIndexPage.objects.live().first()
    return render(
        request,
        "courses/certificate.html",
        {
            "certificate": cert,
            "verify_url": verify_url(request, cert),
            "logo_src": static(LOGO),
            "course_url": course.get_url(request) if course else "",
            "index_url": index.get_url(request) if index else "",
        },
    )


@login_required
@require_GET
def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    cert = own_certificate(request, code)
    response = HttpResponse(certificate_pdf(cert, verify_url(request, cert)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{cert.display_code}.pdf"'
    return response


@require_GET
def verify(request: HttpRequest, code: str | None = None) -> HttpResponse:
    """Anyone may check a code. A wrong code gets a plain answer, not an error page."""
    typed = code if code is not None else request.GET.get("code")
    context: dict[str, Any] = {"typed": (typed or "").strip()}
    if typed is not None:
        normalised = normalise_code(typed)
        if not normalised:
            context["error"] = "Enter the code printed on the certificate."
        else:
            found = Certificate.objects.filter(code=normalised).first()
            context["certificate"] = found
            context["checked"] = True
            if found is not None:
                context["replaced_by"] = found.replaced_by()
                context["current"] = found.is_current(timezone.localdate())
    return render(request, "courses/verify.html", context)
