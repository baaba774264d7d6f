"""The impact pages. Each loads what it shows through a permission-checking
helper, calls a service and renders; refusals are a clear 403 page.

Pages that show answers to trainers and administrators never name who gave
them, and groups smaller than settings.IMPACT_MIN_GROUP are not shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from impact import coach, services, sources
from impact.forms import CoachForm, DayFeedbackForm, EventPlanForm, FollowUpForm, ObservationForm
from impact.models import MODEL_PARTS, PART_LABELS, DayFeedback, FollowUp, Observation
from people.access import is_trainer, is_training_admin

View = Callable[..., HttpResponse]


def not_allowed(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "impact/not_allowed.html", {"message": message}, status=403)


def _event_for_staff(request: HttpRequest, pk: int) -> Any:
    """The event, for its trainers and training administrators; 404 if there is none."""
    event = sources.event(pk)
    if event is None:
        raise Http404("No such event.")
    if not sources.runs(event, request.user):
        raise services.Refused("Only the event's trainers and training administrators can see this page.")
    return event


def _event_for_learner(pk: int) -> Any:
    event = sources.event(pk)
    if event is None:
        raise Http404("No such event.")
    return event


def refusing(view: View) -> View:
    """Signed in; a refusal from a loader or service becomes the 403 page."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except services.Refused as refusal:
            return not_allowed(request, refusal.message)

    return wrapper


def staff_only(view: View) -> View:
    @refusing
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not (is_trainer(request.user) or is_training_admin(request.user)):
            return not_allowed(request, "This page is for trainers and training administrators.")
        return view(request, *args, **kwargs)

    return wrapper


# --- Learners ------------------------------------------------------------------------------


@refusing
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "impact/home.html",
        {
            "tasks": services.tasks_for(request.user),
            "observations": Observation.objects.filter(worker=request.user).select_related("observer")[:20],
            "may_observe": services.may_see_observations(request.user),
            "runs_events": is_trainer(request.user) or is_training_admin(request.user),
            "admin": is_training_admin(request.user),
        },
    )


@refusing
def day_feedback(request: HttpRequest, pk: int, day: int) -> HttpResponse:
    event = _event_for_learner(pk)
    services.check_may_give_feedback(request.user, event, day)
    if DayFeedback.objects.filter(event=event, day_number=day, respondent=request.user).exists():
        messages.info(request, f"You have already given feedback on day {day}. Thank you.")
        return redirect("impact:home")
    form = DayFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, created = services.submit_day_feedback(request.user, event, day, form.cleaned_data)
        messages.success(request, f"Thank you. Your feedback on day {day} is saved." if created else "Already saved.")
        return redirect("impact:home")
    return render(request, "impact/day_feedback.html", {"event": event, "day": day, "form": form})


@refusing
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_for_learner(pk)
    services.check_may_follow_up(request.user, event)
    if FollowUp.objects.filter(event=event, respondent=request.user).exists():
        messages.info(request, "You have already answered the follow-up for this event. Thank you.")
        return redirect("impact:home")
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.submit_follow_up(request.user, event, form.cleaned_data)
        messages.success(request, "Thank you. Your answers are saved.")
        return redirect("impact:home")
    return render(request, "impact/follow_up.html", {"event": event, "form": form})


@never_cache
@sensitive_post_parameters("text")
@refusing
def coach_page(request: HttpRequest) -> HttpResponse:
    """The writing coach: the draft lives in this request and its answer only (never_cache keeps
    the answer out of shared caches; sensitive_post_parameters keeps it out of error reports)."""
    form = CoachForm(request.POST or None)
    feedback = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        from scenarios.services import jargon_entries

        feedback = coach.check_draft(data["kind"], data["text"], data.get("child_age"), jargon_entries())
        services.count_coach_use(data["kind"])
    return render(request, "impact/coach.html", {"form": form, "feedback": feedback, "max_chars": coach.MAX_CHARS})


@refusing
def my_observation(request: HttpRequest, pk: int) -> HttpResponse:
    observation = Observation.objects.select_related("observer").filter(pk=pk, worker=request.user).first()
    if observation is None:
        raise Http404("You have no observation with that number.")
    return render(request, "impact/my_observation.html", {"observation": observation})


# --- Trainers and training administrators ------------------------------------------------------


@staff_only
def events(request: HttpRequest) -> HttpResponse:
    admin = is_training_admin(request.user)
    rows = list(sources.events_run_by(request.user, admin))
    rows.sort(key=lambda e: e.first_start, reverse=True)
    return render(request, "impact/events.html", {"events": rows, "admin": admin})


@staff_only
def event_evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_for_staff(request, pk)
    return render(
        request,
        "impact/event_evaluation.html",
        {
            "event": event,
            "evaluation": services.event_evaluation(event),
            "labels": PART_LABELS,
            "min_group": services.min_group(),
        },
    )


@staff_only
def cohort(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_for_staff(request, pk)
    return render(
        request,
        "impact/cohort.html",
        {"event": event, "figures": services.cohort_figures(event), "min_group": services.min_group()},
    )


@staff_only
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_for_staff(request, pk)
    from impact.models import EventPlan

    instance = EventPlan.objects.filter(event=event).first() or EventPlan(event=event)
    form = EventPlanForm(request.POST or None, instance=instance, scenarios=sources.scenarios())
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, "The before-and-after scenarios are saved. Learners on the roster are asked to map them."
        )
        return redirect("training:roster", pk=event.pk)
    return render(request, "impact/plan.html", {"event": event, "form": form})


@refusing
def evaluation(request: HttpRequest) -> HttpResponse:
    if not is_training_admin(request.user):
        return not_allowed(request, "This page is for training administrators.")
    by = request.GET.get("by", "course")
    if by not in services.GROUPINGS:
        by = "course"
    return render(
        request,
        "impact/evaluation.html",
        {
            "by": by,
            "groupings": services.GROUPINGS,
            "groups": services.evaluation_across(by),
            "parts": MODEL_PARTS,
            "min_group": services.min_group(),
        },
    )


# --- Practice observation ---------------------------------------------------------------------


@refusing
def observations(request: HttpRequest) -> HttpResponse:
    if not services.may_see_observations(request.user):
        return not_allowed(request, "This page is for practice leads and line managers.")
    seen = services.observations_seen_by(request.user)
    return render(
        request,
        "impact/observations.html",
        {
            "profile": services.rubric_profile(seen),
            "recent": seen[:50],
            "labels": PART_LABELS,
            "parts": MODEL_PARTS,
        },
    )


@never_cache
@sensitive_post_parameters("text")
@refusing
def observe(request: HttpRequest) -> HttpResponse:
    """Record an observation. 'Check the text' marks pasted text with the engine and shows
    the feedback on this page; the text is never saved, logged or put in the session."""
    people = list(services.observable_people(request.user))
    if not people:
        return not_allowed(request, "You can record observations only for people you lead or manage.")
    initial = {}
    if request.GET.get("worker", "").isdigit():
        initial["worker"] = int(request.GET["worker"])
    form = ObservationForm(request.POST or None, people=people, initial=initial)
    feedback = None
    if request.method == "POST" and "check" in request.POST:
        # Checking needs only the text: the rest of the form is kept as typed, unjudged.
        form.is_valid()
        for name in [n for n in form.errors if n != "text"]:
            del form.errors[name]
        text = form.cleaned_data.get("text") if "text" not in form.errors else None
        if text:
            from scenarios.services import jargon_entries

            feedback = coach.check_draft(form.cleaned_data.get("text_kind") or "danger", text, None, jargon_entries())
        elif "text" not in form.errors:
            form.add_error("text", "Paste the text you want checked")
    elif request.method == "POST" and form.is_valid():
        worker = form.worker_user()
        observation = services.record_observation(request.user, worker, form.cleaned_data)
        messages.success(
            request,
            f"The observation of {worker.display_name} on {observation.observed_on:%-d %B %Y} is saved. "
            "They can see it on their training page.",
        )
        return redirect("impact:observations")
    return render(request, "impact/observe.html", {"form": form, "feedback": feedback})
