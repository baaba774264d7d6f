"""The mapping builder, drafts, results and the trainers' views. Short: load, check, call a service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from lib.markdown import render_markdown
from scenarios.forms import PLACE_GROUPS, MappingForm, int_param
from scenarios.kept_answers import KeptAnswer, drop_kept_answer, keep_answer, take_kept_answer
from scenarios.models import AcceptedAlternative, Attempt, ModelAnswerSeen, ScenarioPage
from scenarios.permissions import can_review
from scenarios.reports import scenario_report
from scenarios.result_board import learner_board, model_board, priorities, section_details
from scenarios.reviewing import (
    add_comment,
    agreement,
    comments_by_target,
    confirm_attempt,
    review_queue,
)
from scenarios.scenario_file import CATEGORIES, CATEGORY_LABELS, MAX_TEXT_CHARS, ScenarioFileError
from scenarios.scoring import text_hints
from scenarios.services import (
    AttemptError,
    accept_alternative,
    jargon_entries,
    note_model_answer_seen,
    override_score,
    preview_alternative,
    save_draft,
    start_attempt,
    submit_attempt,
)

MAX_PK = 2**31 - 1  # larger ids cannot exist, and PostgreSQL refuses to compare with them


def _checked_pk(pk: int) -> int:
    if not 0 < pk <= MAX_PK:
        raise Http404
    return pk


def _own_attempt(request: HttpRequest, pk: int) -> Attempt:
    attempt = get_object_or_404(Attempt.objects.select_related("scenario"), pk=_checked_pk(pk))
    if attempt.user_id != request.user.pk:
        raise Http404
    return attempt


def _visible_attempt(request: HttpRequest, pk: int) -> Attempt:
    attempt = get_object_or_404(
        Attempt.objects.select_related("scenario", "user", "overridden_by", "reviewed_by"), pk=_checked_pk(pk)
    )
    if attempt.user_id != request.user.pk and not can_review(request.user):
        raise Http404
    return attempt


def _live_scenario(slug: str) -> ScenarioPage:
    return get_object_or_404(ScenarioPage.objects.live(), slug=slug)


@login_required
@require_POST
def start(request: HttpRequest, slug: str) -> HttpResponse:
    attempt = start_attempt(request.user, _live_scenario(slug))
    return redirect("scenarios:builder", pk=attempt.pk)


def builder(request: HttpRequest, pk: int) -> HttpResponse:
    """The mapping builder. Signed out, a posted answer is kept in the session until the owner is back."""
    if not request.user.is_authenticated:
        return _signed_out(request, pk)
    kept = take_kept_answer(request.session, pk)
    attempt = _own_attempt(request, pk)
    if kept and kept.owner_pk != request.user.pk:
        kept = None
    if not attempt.is_draft:
        if kept:
            messages.warning(request, KEPT_TOO_LATE)
        return redirect("scenarios:result", pk=attempt.pk)
    page = attempt.scenario
    scenario = page.to_scenario()
    status = 200
    if request.method == "POST":
        # Whatever was kept is older than this answer, so it was dropped above.
        saved = f"Your draft was saved at {timezone.localtime():%H:%M}."
        form, response = _save_answer(request, attempt, request.POST, submitting="submit" in request.POST, saved=saved)
        if response:
            return response
        status = 400
    elif kept:
        saved = _kept_saved(kept, scenario)
        form, response = _save_answer(request, attempt, kept.fields, submitting=False, saved=saved)
        if response:
            return response
        messages.warning(request, KEPT_NOT_SAVED)
    else:
        form = MappingForm(scenario, initial=MappingForm.initial_from_mapping(attempt.mapping))
    return render(
        request,
        "scenarios/builder.html",
        {
            "attempt": attempt,
            "page": page,
            "scenario": scenario,
            "form": form,
            "practice": ModelAnswerSeen.objects.filter(user_id=attempt.user_id, scenario=page).exists(),
            **_board(form),
        },
        status=status,
    )


def _save_answer(
    request: HttpRequest, attempt: Attempt, data: Any, *, submitting: bool, saved: str
) -> tuple[MappingForm, HttpResponse | None]:
    """Check and save (or submit) an answer from the builder's fields: the redirect, or None and the form's errors."""
    form = MappingForm(attempt.scenario.to_scenario(), data, submitting=submitting)
    if form.is_valid():
        try:
            if submitting:
                submit_attempt(attempt, form.mapping_data)
                return form, redirect("scenarios:result", pk=attempt.pk)
            save_draft(attempt, form.mapping_data)
        except (ScenarioFileError, AttemptError) as exc:
            form.add_error(None, str(exc).replace("your answer: ", ""))
        else:
            drop_kept_answer(request.session, attempt.pk)
            messages.success(request, saved)
            return form, redirect("scenarios:builder", pk=attempt.pk)
    return form, None


def _signed_out(request: HttpRequest, pk: int) -> HttpResponse:
    """To the sign-in page and back; a posted answer is kept first (see scenarios/kept_answers.py)."""
    url = reverse("scenarios:builder", args=[_checked_pk(pk)])
    if request.method == "POST":
        attempt = Attempt.objects.select_related("scenario").filter(pk=pk).first()
        if attempt is not None and attempt.is_draft:
            keep_answer(request.session, attempt, request.POST)
            messages.info(request, KEPT_SIGN_IN)
    return redirect_to_login(url)


KEPT_SIGN_IN = (
    "You were signed out, so your answer has not been saved yet. We have kept it: "
    "sign in again and it will be saved in your draft."
)
KEPT_NOT_SAVED = (
    "While you were signed out we kept the answer you sent, but it could not be saved yet. "
    "Put right the problems below, then select Save draft."
)
KEPT_TOO_LATE = "The answer you sent while you were signed out was not saved: this attempt had already been submitted."


def _kept_saved(kept: KeptAnswer, scenario: Any) -> str:
    message = "You had been signed out, but the answer you sent was kept and is now saved in your draft."
    if kept.submitting:
        message += " It has not been submitted yet: check it, then select Submit for marking."
    if kept.cut:
        fields = MappingForm(scenario).fields
        names = ", ".join(str(fields[name].label) for name in kept.cut if name in fields)
        message += f" Only the first {MAX_TEXT_CHARS:,} characters of {names} were kept: check how it ends."
    return message


def _board(form: MappingForm) -> dict[str, Any]:
    """Each item's card goes in the zone its select currently names ('' = not placed yet)."""
    cards: dict[str, list[Any]] = {"": [], **{c: [] for c in CATEGORIES}}
    for item, field in form.item_fields():
        value = field.value() or ""
        cards[value if value in cards else ""].append((item, field))

    def zone(key: str, title: str) -> dict[str, Any]:
        return {"zone": key, "title": title, "cards": cards[key]}

    return {
        "unplaced": zone("", "Not placed yet"),
        "worries": [zone("harm", "Harm"), zone("complicating_factor", "Complicating factors")],
        "working_well": [zone("strength", "Strengths"), zone("safety", "Existing safety")],
        "choice_groups": PLACE_GROUPS,
        "narrative_html": mark_safe(render_markdown(form.scenario.narrative)),  # cleaned to an allow-list
    }


@require_POST
def draft(request: HttpRequest, pk: int) -> JsonResponse:
    """Autosave from the builder's script. Signed out: 401 JSON, so the page can keep the text and say so;
    the answer is also kept in the session, as for the builder's own form."""
    if not request.user.is_authenticated:
        attempt = Attempt.objects.select_related("scenario").filter(pk=_checked_pk(pk)).first()
        kept = attempt is not None and attempt.is_draft
        if kept:
            keep_answer(request.session, attempt, request.POST)
        login_url = redirect_to_login(reverse("scenarios:builder", args=[pk]))["Location"]
        return JsonResponse({"saved": False, "error": "signed_out", "kept": kept, "login_url": login_url}, status=401)
    attempt = _own_attempt(request, pk)
    form = MappingForm(attempt.scenario.to_scenario(), request.POST)
    if not form.is_valid():
        errors = [str(e) for errors in form.errors.values() for e in errors]
        return JsonResponse({"saved": False, "error": "invalid", "messages": errors}, status=400)
    try:
        save_draft(attempt, form.mapping_data)
    except (ScenarioFileError, AttemptError) as exc:
        return JsonResponse({"saved": False, "error": "invalid", "messages": [str(exc)]}, status=409)
    drop_kept_answer(request.session, attempt.pk)
    return JsonResponse({"saved": True, "saved_at": timezone.localtime().strftime("%H:%M")})


@require_POST
def hints(request: HttpRequest, slug: str) -> JsonResponse:
    """Plain-language hints for one text box, while the learner types."""
    if not request.user.is_authenticated:
        return JsonResponse({"hints": [], "error": "signed_out"}, status=401)
    page = _live_scenario(slug)
    section = "goals" if request.POST.get("section") == "goals" else "statements"
    text = (request.POST.get("text") or "")[:5000].replace("\x00", "")
    return JsonResponse({"hints": text_hints(page.to_scenario(), section, text, jargon_entries())})


@login_required
@require_GET
def result(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _visible_attempt(request, pk)
    if attempt.is_draft:
        if attempt.user_id == request.user.pk:
            return redirect("scenarios:builder", pk=attempt.pk)
        raise Http404
    page = attempt.scenario
    scenario = page.to_scenario()
    mapping = attempt.mapping or {}
    is_owner = attempt.user_id == request.user.pk
    if is_owner:
        # The page shows the model answer: from now on this learner's attempts at it are practice.
        note_model_answer_seen(request.user, page)
    feedback = (attempt.result or {}).get("feedback", [])
    rescores = attempt.rescores(AcceptedAlternative.objects.filter(scenario=page).order_by("accepted_at", "pk"))
    details = section_details(scenario, attempt.result or {})
    return render(
        request,
        "scenarios/result.html",
        {
            "attempt": attempt,
            "page": page,
            "scenario": scenario,
            "result": attempt.result or {},
            "sections": _sections(attempt.result or {}, scenario),
            "feedback": feedback,
            "learner_board": learner_board(scenario, mapping),
            "model_board": model_board(scenario),
            "details": details,
            "priorities": priorities(scenario, mapping, details),
            "statements": [t for t in mapping.get("statements") or [] if t.strip()],
            "goals": [t for t in mapping.get("goals") or [] if t.strip()],
            "scaling": mapping.get("scaling") or {},
            "rescores": rescores,
            "score_when_overridden": attempt.score_when_overridden(rescores),
            "can_review": can_review(request.user),
            "is_owner": is_owner,
            "whose": "Your" if is_owner else "Their",
            "learner_name": attempt.user.get_full_name() or attempt.user.email,
            "doubts": attempt.doubts() if attempt.awaiting_review else [],
            "review_comments": comments_by_target(attempt),
        },
    )


SECTION_LABELS = {"categorisation": "Sorting the case information", "scaling": "Scaling"}


def _sections(result: dict[str, Any], scenario: Any) -> list[dict[str, Any]]:
    labels = {
        **SECTION_LABELS,
        "statements": f"{scenario.statement_label.capitalize()}s",
        "goals": f"{scenario.goal_label.capitalize()}s",
    }
    return [
        {"name": name, "label": labels.get(name, name), **values}
        for name, values in (result.get("sections") or {}).items()
    ]


@login_required
@require_POST
def override(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_review(request.user):
        raise Http404
    attempt = _visible_attempt(request, pk)
    score = int_param(request.POST.get("score"), 100)
    try:
        override_score(attempt, request.user, -1 if score is None else score, request.POST.get("note", ""))
    except AttemptError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "The score was changed. The learner sees the new score and your note.")
    return redirect("scenarios:result", pk=attempt.pk)


def _reviewer(request: HttpRequest) -> None:
    if not can_review(request.user):
        raise Http404


@login_required
@require_GET
def reviews(request: HttpRequest) -> HttpResponse:
    """The review queue: doubtful attempts that would count, oldest first, and how often trainers agree."""
    _reviewer(request)
    page_obj = Paginator(review_queue(), 25).get_page(request.GET.get("page"))
    return render(request, "scenarios/reviews.html", {"page_obj": page_obj, "agreement": agreement()})


def _submitted_attempt(request: HttpRequest, pk: int) -> Attempt:
    _reviewer(request)
    attempt = _visible_attempt(request, pk)
    if attempt.is_draft:
        raise Http404
    return attempt


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """One attempt under review: the engine's reasons, the learner's board with comments in place, the decision."""
    attempt = _submitted_attempt(request, pk)
    error = ""
    if request.method == "POST":
        decision = request.POST.get("decision")
        note = request.POST.get("note", "")
        try:
            if decision == "confirm":
                confirm_attempt(attempt, request.user, note)
                done = "You confirmed the score."
            elif decision == "change":
                score = int_param(request.POST.get("score"), 100)
                override_score(attempt, request.user, -1 if score is None else score, note)
                done = "You changed the score."
            else:
                raise AttemptError("Choose whether to confirm the score or change it.")
        except AttemptError as exc:
            error = str(exc)
        else:
            messages.success(request, f"{done} {attempt.user.get_full_name() or 'The learner'} has been told by email.")
            return redirect("scenarios:reviews")
    return render(
        request, "scenarios/review.html", _review_context(request, attempt, error), status=400 if error else 200
    )


def _review_context(request: HttpRequest, attempt: Attempt, error: str = "") -> dict[str, Any]:
    scenario = attempt.scenario.to_scenario()
    placements = (attempt.mapping or {}).get("placements") or {}
    cards = [
        {
            "item": item,
            "given": CATEGORY_LABELS.get(placements.get(item.id) or "", "Not placed"),
            "model": CATEGORY_LABELS[item.category],
            "right": item.accepts(placements.get(item.id) or ""),
        }
        for item in scenario.items
    ]
    return {
        "attempt": attempt,
        "page": attempt.scenario,
        "scenario": scenario,
        "cards": cards,
        "statements": _numbered(attempt.statements(), scenario.statement_label),
        "goals": _numbered(attempt.goals(), scenario.goal_label),
        "scaling": (attempt.mapping or {}).get("scaling") or {},
        "doubts": attempt.doubts(),
        "feedback": (attempt.result or {}).get("feedback", []),
        "review_comments": comments_by_target(attempt),
        "own": attempt.user_id == request.user.pk,
        "learner_name": attempt.user.get_full_name() or attempt.user.email,
        "error": error,
        "posted": request.POST if request.method == "POST" else {},
        "comment_error": "",
        "comment_at": None,
    }


def _numbered(texts: list[str], label: str) -> list[tuple[int, str, str]]:
    """The texts the learner wrote, numbered as the result page shows them (empty boxes left out)."""
    return [(n, text, f"{label} {n}") for n, text in enumerate((t for t in texts if t.strip()), 1)]


@login_required
@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a comment beside one card, statement or goal and go back to that place on the review page.
    A refused comment is shown again with its text and the reason, so nothing typed is lost."""
    attempt = _submitted_attempt(request, pk)
    target, key = request.POST.get("target", ""), request.POST.get("key", "")
    try:
        add_comment(attempt, request.user, target, key, request.POST.get("text", ""))
    except AttemptError as exc:
        context = _review_context(request, attempt)
        context.update(comment_error=str(exc), comment_at=(target, key))
        return render(request, "scenarios/review.html", context, status=400)
    messages.success(request, "Your comment was added. The learner sees it beside what they wrote.")
    return redirect(f"{reverse('scenarios:review', args=[attempt.pk])}#{target}-{key}")


@login_required
@require_GET
def report(request: HttpRequest, slug: str) -> HttpResponse:
    if not can_review(request.user):
        raise Http404
    page = get_object_or_404(ScenarioPage, slug=slug)
    scenario = page.to_scenario()
    texts: QuerySet[Attempt] = (
        Attempt.objects.submitted().filter(scenario=page).select_related("user").order_by("-submitted_at", "-pk")
    )
    paginator = Paginator(texts, 20)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "scenarios/report.html",
        {
            "page": page,
            "scenario": scenario,
            "report": scenario_report(page, scenario),
            "page_obj": page_obj,
            "agreement": agreement(ScenarioPage.objects.filter(pk=page.pk)),
            "awaiting": Attempt.objects.awaiting_review().filter(scenario=page).count(),
        },
    )


@login_required
def accept(request: HttpRequest, slug: str) -> HttpResponse:
    """Preview (GET) and apply (POST) accepting a learner's text as an alternative model answer."""
    if not can_review(request.user):
        raise Http404
    page = get_object_or_404(ScenarioPage, slug=slug)
    scenario = page.to_scenario()
    params = request.POST if request.method == "POST" else request.GET
    source_pk = int_param(params.get("attempt"), MAX_PK)
    if not source_pk:
        raise Http404
    source = get_object_or_404(Attempt.objects.submitted(), pk=source_pk, scenario=page)
    section = "goals" if params.get("section") == "goals" else "statements"
    texts = [t for t in (source.mapping.get(section) or []) if isinstance(t, str) and t.strip()]
    text_index = int_param(params.get("text"), len(texts) - 1)
    if text_index is None:
        raise Http404
    text = texts[text_index]
    models = getattr(scenario, section)
    index = int_param(params.get("model"), len(models) - 1) or 0
    error = ""
    if request.method == "POST":
        try:
            accepted = accept_alternative(page, section, index, text, params.get("note", ""), request.user, source)
        except AttemptError as exc:
            error = str(exc)
        else:
            messages.success(
                request, f"The text was added to the model answer. {len(accepted.rescored)} attempts were rescored."
            )
            return redirect(reverse("scenarios:report", args=[page.slug]))
    try:
        changes = preview_alternative(page, section, index, text)
    except AttemptError as exc:
        changes, error = [], str(exc)
    return render(
        request,
        "scenarios/accept.html",
        {
            "page": page,
            "scenario": scenario,
            "source": source,
            "section": section,
            "text": text,
            "text_index": text_index,
            "models": list(enumerate(models)),
            "model_index": index,
            "changes": changes,
            "error": error,
            "note": params.get("note", ""),
        },
        status=400 if error and request.method == "POST" else 200,
    )
