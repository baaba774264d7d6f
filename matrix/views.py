"""The matrix pages. Each view checks who is asking, then reads `reports`.

Practice leads see only the people in their teams or agency; training
administrators see everyone; anyone else is sent to their own row. Asking
for an agency, team or group outside your reach is answered with a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from lib.page_sections import page_sections
from matrix import reports, services, tabular
from matrix.chart import bar_chart
from matrix.exports import csv_response, excel_response
from matrix.forms import ImportForm, MatrixFilterForm
from matrix.history import person_history
from matrix.models import ImportBatch, ImportKind, RequirementAssignment, Training, TrainingKind
from matrix.tabular import COMPLETION_COLUMNS, DATE_HELP, STAFF_COLUMNS, FileProblem
from people.access import is_training_admin, lead_scope_q
from people.models import Agency, LearnerProfile, Role, Team
from people.types import AuthenticatedHttpRequest

PAGE_SIZE = 50
EXPORT_FORMATS = ("csv", "xlsx")


def _scope(request: HttpRequest) -> Q:
    """The people this viewer may see in the matrix; refuses those who may see only themselves."""
    scope = lead_scope_q(request.user)
    if scope is None:
        raise PermissionDenied("Only practice leads and training administrators can see the matrix.")
    services.refresh_due()
    return scope


def _filter_form(request: HttpRequest, scope: Q) -> tuple[MatrixFilterForm, list[Training]]:
    in_scope = LearnerProfile.objects.filter(scope)
    agencies = list(Agency.objects.filter(id__in=in_scope.values("agency_id")).values_list("id", "name"))
    teams = [
        (pk, f"{name} ({agency})")
        for pk, name, agency in Team.objects.filter(id__in=in_scope.values("team_id"))
        .order_by("agency__name", "name")
        .values_list("id", "name", "agency__name")
    ]
    # Only what this viewer can see: a lead's filters list the roles and trainings of their own people.
    roles = list(Role.objects.filter(id__in=in_scope.values("role_id")).order_by("name").values_list("id", "name"))
    trainings = reports.trainings_for_people(in_scope)
    form = MatrixFilterForm(
        request.GET or None,
        agencies=agencies,
        teams=teams,
        roles=roles,
        trainings=[(t.pk, t.title) for t in trainings],
    )
    if form.is_bound and not form.is_valid() and form.asks_outside_scope:
        raise Http404("No such group of people.")
    return form, trainings


def _filtered_people(form: MatrixFilterForm, scope: Q) -> QuerySet[LearnerProfile]:
    data: dict[str, Any] = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return reports.people_queryset(
        scope,
        agency_id=data.get("agency"),
        team_id=data.get("team"),
        role_id=data.get("role"),
        status=data.get("status") or "",
        training_id=data.get("training"),
        search=data.get("q") or "",
        sort=data.get("sort") or "name",
    )


def _columns(people: QuerySet[LearnerProfile]) -> list[Training]:
    """The trainings that apply to the people in view (after the filters), one column each."""
    return reports.trainings_for_people(people)


@login_required
def people(request: HttpRequest) -> HttpResponse:
    """Rows are people, columns are the trainings they must do."""
    if lead_scope_q(request.user) is None:
        return redirect("matrix:mine")
    scope = _scope(request)
    form, _trainings = _filter_form(request, scope)
    qs = _filtered_people(form, scope)
    columns = _columns(qs)
    paginator = Paginator(qs.values("id"), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    rows = reports.page_of_people(qs, columns, page.start_index() - 1 if paginator.count else 0, PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "matrix/people.html",
        {
            "form": form,
            "columns": columns,
            "rows": rows,
            "page": page,
            "paginator": paginator,
            "page_numbers": list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
            "query": query.urlencode(),
            "is_admin": is_training_admin(request.user),
        },
    )


@login_required
def people_export(request: HttpRequest, fmt: str) -> FileResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404
    scope = _scope(request)
    form, _trainings = _filter_form(request, scope)
    qs = _filtered_people(form, scope)
    columns = _columns(qs)
    header = ["Name", "Email", "Agency", "Team", "Role", "Start date"]
    for t in columns:
        header += [t.title, f"{t.title}: details"]

    def rows() -> Any:
        for row in reports.iter_people(qs, columns):
            values: list[Any] = [row.name, row.email, row.agency, row.team, row.role, row.start_date]
            for cell in row.cells:
                values += [cell.label, cell.detail]
            yield values

    filename = f"training-matrix-people-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        return csv_response(filename, header, rows())
    return excel_response(filename, "People", header, rows())


def _figures(scope: Q, level: dict[str, Any], columns: list[Training]) -> reports.Figures:
    agency, role = level.get("agency"), level.get("role")
    return reports.figures(
        level["profiles"],
        level["grouping"],
        columns,
        # Q() is a training administrator's scope: everyone.
        everyone=not scope and agency is None and role is None,
        scope_key=(str(scope), agency.pk if agency else None, role.pk if role else None),
    )


def _summary_level(request: HttpRequest, scope: Q) -> dict[str, Any]:
    """Which level of the summary: agency x role, or the teams of one agency and role."""
    agency_id, role_id = request.GET.get("agency"), request.GET.get("role")
    if not agency_id and not role_id:
        return {"grouping": "agency_role", "profiles": LearnerProfile.objects.filter(scope)}
    if not (agency_id and role_id and agency_id.isdigit() and role_id.isdigit()):
        raise Http404("Choose an agency and a role.")
    profiles = LearnerProfile.objects.filter(scope).filter(agency_id=int(agency_id), role_id=int(role_id))
    agency = get_object_or_404(Agency, pk=int(agency_id))
    role = get_object_or_404(Role, pk=int(role_id))
    if not profiles.exists():
        # Nobody the viewer may see: the same answer whether or not anyone is there.
        raise Http404("No such group of people.")
    return {"grouping": "team", "profiles": profiles, "agency": agency, "role": role}


@login_required
def summary(request: HttpRequest) -> HttpResponse:
    """Rows are agency and role (then teams), cells the share complete."""
    scope = _scope(request)
    level = _summary_level(request, scope)
    role = level.get("role")
    columns = reports.required_trainings(role.pk if role else None)
    figures = _figures(scope, level, columns)
    rows, months = figures.rows, figures.months
    return render(
        request,
        "matrix/summary.html",
        {
            **level,
            "columns": columns,
            "rows": rows,
            "total": reports.totals(rows, columns),
            "headline": figures.headline,
            "months": months,
            "chart": bar_chart([(f"{m:%b}", n) for m, n in months]),
            "query": request.GET.urlencode(),
            "is_admin": is_training_admin(request.user),
        },
    )


@login_required
def summary_export(request: HttpRequest, fmt: str) -> FileResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404
    scope = _scope(request)
    level = _summary_level(request, scope)
    role = level.get("role")
    columns = reports.required_trainings(role.pk if role else None)
    rows = _figures(scope, level, columns).rows
    labels = ["Agency", "Role"] if level["grouping"] == "agency_role" else ["Team"]
    header = [*labels, "People"]
    for t in columns:
        header += [f"{t.title}: required", f"{t.title}: complete", f"{t.title}: % complete"]
        header += [f"{t.title}: booked", f"{t.title}: overdue or expired", f"{t.title}: exempt"]

    def lines() -> Any:
        for row in [*rows, reports.totals(rows, columns)]:
            values: list[Any] = [*row.labels, row.people] if row.key else ["All", *[""] * (len(labels) - 1), row.people]
            for cell in row.ordered:
                percent = cell.percent
                values += [cell.required, cell.complete, "" if percent is None else percent]
                values += [cell.booked, cell.overdue, cell.exempt]
            yield values

    filename = f"training-matrix-summary-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        return csv_response(filename, header, lines())
    return excel_response(filename, "Summary", header, lines())


@login_required
def board(request: HttpRequest) -> HttpResponse:
    """One printable page for the safeguarding board and councillors."""
    scope = _scope(request)
    level = {"grouping": "agency", "profiles": LearnerProfile.objects.filter(scope)}
    columns = reports.required_trainings()
    figures = _figures(scope, level, columns)
    rows, months = figures.rows, figures.months
    return render(
        request,
        "matrix/board.html",
        {
            "columns": columns,
            "rows": rows,
            "total": reports.totals(rows, columns),
            "headline": figures.headline,
            "months": months,
            "scope_name": _scope_name(request.user),
            "chart": bar_chart([(f"{m:%b}", n) for m, n in months]),
            "today": timezone.localdate(),
            "extra_sections": page_sections("matrix_board_sections", request),
        },
    )


def _scope_name(user: Any) -> str:
    """The teams or agency a practice lead's board report covers, in words;
    empty for a training administrator, whose report covers everyone."""
    if is_training_admin(user):
        return ""
    profile = getattr(user, "profile", None)
    if profile is None:
        return ""
    names = [t.name for t in profile.leads_teams.order_by("name")]
    if profile.leads_agency_id:
        names.insert(0, profile.leads_agency.name)
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else ""


def my_requirements(user: Any) -> list[RequirementAssignment]:
    """The learner's assignments, each with `start_url`: the training's own
    link, else the live course page that counts towards it, else the list
    for its kind."""
    services.refresh_due()
    assignments = list(
        RequirementAssignment.objects.filter(user=user)
        .select_related("requirement__training")
        .order_by("due_on", "requirement__training__title")
    )
    unlinked = [
        a.requirement.training_id
        for a in assignments
        if not a.requirement.training.link and a.requirement.training.kind == TrainingKind.ELEARNING
    ]
    course_urls: dict[int, str] = {}
    if unlinked:
        from courses.models import CoursePage  # the courses app builds on the matrix, not the other way round

        for course in CoursePage.objects.live().filter(training_id__in=unlinked).order_by("path"):
            course_urls.setdefault(course.training_id, course.url)
    for a in assignments:
        training = a.requirement.training
        a.start_url = course_urls.get(training.pk) or training.start_url
    return assignments


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The learner's own row: what they must do, by when, and where to do it."""
    assignments = my_requirements(request.user)
    return render(
        request,
        "matrix/mine.html",
        {
            "assignments": assignments,
            "cells": [(a, reports.cell_for(a)) for a in assignments],
            "sees_others": lead_scope_q(request.user) is not None,
            "extra_sections": page_sections("matrix_mine_sections", request),
        },
    )


def _person_in_scope(request: HttpRequest, user_id: int) -> LearnerProfile:
    """The person's profile, if the viewer may see them in the matrix; a 404 otherwise."""
    scope = _scope(request)
    profile = (
        LearnerProfile.objects.filter(scope, user_id=user_id)
        .select_related("user", "agency", "team", "role", "line_manager")
        .first()
    )
    if profile is None:
        raise Http404("No such person in your part of the matrix.")
    return profile


@login_required
def person(request: HttpRequest, user_id: int) -> HttpResponse:
    """One person's requirements and, for training administrators, the history
    of every change to their training record: who, what, from what, to what, when and why."""
    profile = _person_in_scope(request, user_id)
    assignments = my_requirements(profile.user)
    is_admin = is_training_admin(request.user)
    return render(
        request,
        "matrix/person.html",
        {
            "profile": profile,
            "person": profile.user,
            "cells": [(a, reports.cell_for(a)) for a in assignments],
            "is_admin": is_admin,
            "history": person_history(profile.user) if is_admin else [],
        },
    )


# --- Imports --------------------------------------------------------------------------------------

IMPORT_HELP = {
    ImportKind.STAFF: {
        "title": "Import staff",
        "columns": ["name (or first name and last name)", *STAFF_COLUMNS, "line manager email (optional)"],
    },
    ImportKind.COMPLETIONS: {
        "title": "Import past completions",
        "columns": [*COMPLETION_COLUMNS, "expires on (optional)"],
    },
}


def _admin_only(request: HttpRequest) -> None:
    if not is_training_admin(request.user):
        raise PermissionDenied("Only training administrators can import.")


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    _admin_only(request)
    if kind not in ImportKind.values:
        raise Http404
    # Bound on every POST: an empty one (no file chosen) must say so.
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            table = tabular.read_table(upload.name, content)
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            batch = ImportBatch.objects.create(
                kind=kind,
                filename=upload.name[:255],
                content=content,
                table=table.to_json(),
                uploaded_by=request.user,
            )
            return redirect("matrix:import_preview", pk=batch.pk)
    return render(
        request,
        "matrix/import_upload.html",
        {"form": form, "kind": kind, "help": IMPORT_HELP[ImportKind(kind)], "date_help": DATE_HELP},
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    _admin_only(request)
    batch = get_object_or_404(ImportBatch, pk=pk)
    if request.method == "POST":
        try:
            count = services.run_import(batch.pk)
        except (services.ImportRefused, FileProblem) as problem:
            messages.error(request, str(problem))
            return redirect("matrix:import_preview", pk=batch.pk)
        messages.success(request, f"{count:,} {'row' if count == 1 else 'rows'} imported from {batch.filename}.")
        return redirect(reverse("matrix:people") if batch.kind == ImportKind.STAFF else reverse("matrix:summary"))
    try:
        checked = services.check_batch(batch)
        problem = ""
    except FileProblem as exc:
        checked, problem = None, str(exc)
    return render(
        request,
        "matrix/import_preview.html",
        {
            "batch": batch,
            "checked": checked,
            "problem": problem,
            "preview_rows": checked.rows[:100] if checked else [],
            "help": IMPORT_HELP[ImportKind(batch.kind)],
        },
    )
