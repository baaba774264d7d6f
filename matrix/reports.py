"""Reading the matrix: the person view, the summary, the headline figures and
the completions chart. Every function here costs a fixed number of queries
whatever the number of people, because statuses are already worked out in
`RequirementAssignment` (see services.py) and totals are counted by the
database.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from matrix import cache as matrix_cache
from matrix.models import CompletionRecord, MatrixStatus, Requirement, RequirementAssignment, Training
from matrix.status import BEHIND, SATISFIED, Status
from people.models import LearnerProfile

SORTS: dict[str, tuple[str, ...]] = {
    "name": ("user__last_name", "user__first_name", "user_id"),
    "-name": ("-user__last_name", "-user__first_name", "-user_id"),
    "start": ("start_date", "user__last_name", "user_id"),
    "-start": ("-start_date", "user__last_name", "user_id"),
    "team": ("agency__name", "team__name", "user__last_name", "user_id"),
}
SATISFIED_VALUES = [str(s) for s in SATISFIED]
BEHIND_VALUES = [str(s) for s in BEHIND]


def short_date(day: dt.date | None) -> str:
    return f"{day:%-d %b %Y}" if day else ""


@dataclass(frozen=True)
class Cell:
    """One person and one training, ready to show: the status, its words and the dates that matter
    (its colour is the templates' business: `matrix_tags.status_tag`)."""

    status: str
    due_on: dt.date | None = None
    completed_on: dt.date | None = None
    expires_on: dt.date | None = None
    booked_on: dt.date | None = None
    reason: str = ""

    @property
    def label(self) -> str:
        return Status(self.status).label

    @property
    def required(self) -> bool:
        return self.status != Status.NOT_REQUIRED

    @property
    def detail(self) -> str:
        """The words under the tag: what matters next, with its date."""
        status = Status(self.status)
        parts: list[str] = []
        if status == Status.EXEMPT:
            parts.append(self.reason)
        elif status in (Status.COMPLETE, Status.EXPIRING_SOON):
            parts.append(f"Completed {short_date(self.completed_on)}")
            if self.expires_on:
                parts.append(f"expires {short_date(self.expires_on)}")
        elif status == Status.EXPIRED:
            parts.append(f"Expired {short_date(self.expires_on)}")
        elif status != Status.NOT_REQUIRED:
            parts.append(f"Due {short_date(self.due_on)}")
        if self.booked_on and status in (Status.OVERDUE, Status.EXPIRED, Status.BOOKED):
            parts.append(f"booked {short_date(self.booked_on)}")
        return ", ".join(p for p in parts if p)


NOT_REQUIRED = Cell(str(Status.NOT_REQUIRED))


def cell_for(assignment: RequirementAssignment) -> Cell:
    return Cell(
        status=assignment.status,
        due_on=assignment.due_on,
        completed_on=assignment.completed_on,
        expires_on=assignment.expires_on,
        booked_on=assignment.booked_on,
        reason=assignment.exemption_reason,
    )


@dataclass
class PersonRow:
    user_id: int
    name: str
    email: str
    agency: str
    team: str
    role: str
    start_date: dt.date | None
    cells: list[Cell] = field(default_factory=list)

    @property
    def shown(self) -> list[dict[str, str]]:
        """The cells as plain words, so the page renders them in
        one loop with no include or property lookups per cell."""
        return [shown_cell(cell) for cell in self.cells]


_SHOWN_NOT_REQUIRED: dict[str, str] = {}


def shown_cell(cell: Cell) -> dict[str, str]:
    if cell is NOT_REQUIRED:
        if not _SHOWN_NOT_REQUIRED:
            _SHOWN_NOT_REQUIRED.update(status=cell.status, label=cell.label, detail=cell.detail)
        return _SHOWN_NOT_REQUIRED
    return {"status": cell.status, "label": cell.label, "detail": cell.detail}


def required_trainings(role_id: int | None = None) -> list[Training]:
    """The matrix's columns: every training some requirement names (for one role when given)."""
    qs = Training.objects.filter(requirements__isnull=False)
    if role_id:
        qs = qs.filter(requirements__role_id=role_id)
    return list(qs.distinct().order_by("kind", "title"))


def trainings_for_people(profiles: QuerySet[LearnerProfile]) -> list[Training]:
    """The trainings some requirement asks of these people (by their role, and agency where the
    requirement names one): the matrix's columns for the people in view, so a lead of social
    workers is not shown columns that are "Not required" for everyone listed."""
    qs = Training.objects.filter(
        Q(requirements__agency__isnull=True) | Q(requirements__agency_id__in=profiles.values("agency_id")),
        requirements__role_id__in=profiles.values("role_id"),
    )
    return list(qs.distinct().order_by("kind", "title"))


def people_queryset(
    scope: Q,
    *,
    agency_id: int | None = None,
    team_id: int | None = None,
    role_id: int | None = None,
    status: str = "",
    training_id: int | None = None,
    search: str = "",
    sort: str = "name",
) -> QuerySet[LearnerProfile]:
    qs = LearnerProfile.objects.filter(scope).filter(role__isnull=False)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if team_id:
        qs = qs.filter(team_id=team_id)
    if role_id:
        qs = qs.filter(role_id=role_id)
    for word in search.split()[:5]:
        qs = qs.filter(
            Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word) | Q(user__email__icontains=word)
        )
    if status:
        matching = RequirementAssignment.objects.filter(user_id=OuterRef("user_id"))
        matching = matching.filter(status__in=BEHIND_VALUES) if status == "behind" else matching.filter(status=status)
        if training_id:
            matching = matching.filter(requirement__training_id=training_id)
        qs = qs.filter(Exists(matching))
    return qs.order_by(*SORTS.get(sort, SORTS["name"]))


_ROW_FIELDS = (
    "user_id",
    "user__first_name",
    "user__last_name",
    "user__email",
    "agency__name",
    "team__name",
    "role__name",
    "start_date",
)


def person_rows(profile_rows: list[dict[str, Any]], columns: list[Training]) -> list[PersonRow]:
    """Rows for these profiles (values of `_ROW_FIELDS`), in one query for all their cells."""
    ids = [row["user_id"] for row in profile_rows]
    cells: dict[tuple[int, int], Cell] = {}
    for a in RequirementAssignment.objects.filter(user_id__in=ids).values(
        "user_id", "requirement__training_id", "status", "due_on", "completed_on", "expires_on", "booked_on",
        "exemption_reason",
    ):  # fmt: skip
        cells[(a["user_id"], a["requirement__training_id"])] = Cell(
            status=a["status"],
            due_on=a["due_on"],
            completed_on=a["completed_on"],
            expires_on=a["expires_on"],
            booked_on=a["booked_on"],
            reason=a["exemption_reason"],
        )
    return [
        PersonRow(
            user_id=row["user_id"],
            name=f"{row['user__first_name']} {row['user__last_name']}".strip() or row["user__email"],
            email=row["user__email"],
            agency=row["agency__name"] or "",
            team=row["team__name"] or "",
            role=row["role__name"] or "",
            start_date=row["start_date"],
            cells=[cells.get((row["user_id"], t.pk), NOT_REQUIRED) for t in columns],
        )
        for row in profile_rows
    ]


def page_of_people(qs: QuerySet[LearnerProfile], columns: list[Training], offset: int, limit: int) -> list[PersonRow]:
    return person_rows(list(qs.values(*_ROW_FIELDS)[offset : offset + limit]), columns)


def iter_people(qs: QuerySet[LearnerProfile], columns: list[Training], batch: int = 2000) -> Iterator[PersonRow]:
    """Every row, in the list's order, for exports that must not hold everything in memory.

    One query walks the sorted people with a server-side cursor (PostgreSQL;
    SQLite fetches in chunks), instead of sorting everyone again for each
    batch; each batch's cells then take one query."""
    chunk: list[dict[str, Any]] = []
    for row in qs.values(*_ROW_FIELDS).iterator(chunk_size=batch):
        chunk.append(row)
        if len(chunk) == batch:
            yield from person_rows(chunk, columns)
            chunk = []
    if chunk:
        yield from person_rows(chunk, columns)


# --- Summary ---------------------------------------------------------------------------------------


@dataclass
class SummaryCell:
    """Counts for one group of people and one training."""

    required: int = 0
    complete: int = 0
    booked: int = 0
    in_progress: int = 0
    overdue: int = 0
    exempt: int = 0

    @property
    def percent(self) -> int | None:
        return round(100 * self.complete / self.required) if self.required else None

    @property
    def text(self) -> str:
        if not self.required:
            return "Not required" if not self.exempt else f"{self.exempt} exempt"
        return f"{self.percent}% ({self.complete} of {self.required})"


@dataclass
class SummaryRow:
    key: dict[str, int | None]
    labels: list[str]
    people: int = 0
    cells: dict[int, SummaryCell] = field(default_factory=dict)
    ordered: list[SummaryCell] = field(default_factory=list)  # one per column, for templates

    def cells_for(self, columns: list[Training]) -> list[SummaryCell]:
        return [self.cells.get(t.pk, SummaryCell()) for t in columns]


GROUPINGS: dict[str, list[tuple[str, str]]] = {
    # name: [(id field on LearnerProfile, label field)]
    "agency_role": [("agency_id", "agency__name"), ("role_id", "role__name")],
    "team": [("team_id", "team__name")],
    "agency": [("agency_id", "agency__name")],
}


def _count_into(cell: SummaryCell, status: str, n: int) -> None:
    if status == Status.EXEMPT:
        cell.exempt += n
        return
    cell.required += n
    if status in SATISFIED:
        cell.complete += n
    elif status in BEHIND:
        cell.overdue += n
    elif status == Status.BOOKED:
        cell.booked += n
    elif status == Status.IN_PROGRESS:
        cell.in_progress += n


def _assignments_of(profiles: QuerySet[LearnerProfile], everyone: bool) -> QuerySet[RequirementAssignment]:
    """Assignments of these people. For a viewer who sees everyone the
    "every profile in scope" subquery would select nothing away and only
    slow the count down, so it is left out."""
    if everyone:
        return RequirementAssignment.objects.all()
    return RequirementAssignment.objects.filter(user_id__in=profiles.values("user_id"))


def summary_rows(
    profiles: QuerySet[LearnerProfile], grouping: str, columns: list[Training], *, everyone: bool = False
) -> list[SummaryRow]:
    """Rows of the summary, counted in the database: two queries in all.

    `profiles` is the (scoped, filtered) set of people; assignments are
    counted for the same people through a subquery on it (none when
    `everyone`: every assignment belongs to a profile)."""
    fields = GROUPINGS[grouping]
    ids = [f for f, _ in fields]
    labels = [lab for _, lab in fields]
    rows: dict[tuple[int | None, ...], SummaryRow] = {}
    for r in profiles.filter(role__isnull=False).order_by().values(*ids, *labels).annotate(n=Count("id")):
        key = tuple(r[f] for f in ids)
        rows[key] = SummaryRow(
            key=dict(zip(ids, key, strict=True)), labels=[r[lab] or "None" for lab in labels], people=r["n"]
        )
    # Each assignment carries its person's agency, team and role and its
    # training (kept with the status), so this is counted from an index.
    counts = (
        _assignments_of(profiles, everyone).order_by().values(*ids, "training_id", "status").annotate(n=Count("id"))
    )
    for c in counts:
        row = rows.get(tuple(c[f] for f in ids))
        if row is None:
            continue
        cell = row.cells.setdefault(c["training_id"], SummaryCell())
        _count_into(cell, c["status"], c["n"])
    for row in rows.values():
        row.ordered = row.cells_for(columns)
    return sorted(rows.values(), key=lambda row: [label.lower() for label in row.labels])


def totals(rows: list[SummaryRow], columns: list[Training]) -> SummaryRow:
    total = SummaryRow(key={}, labels=["All"], people=sum(r.people for r in rows))
    for t in columns:
        cell = SummaryCell()
        for r in rows:
            c = r.cells.get(t.pk)
            if c:
                for name in ("required", "complete", "booked", "in_progress", "overdue", "exempt"):
                    setattr(cell, name, getattr(cell, name) + getattr(c, name))
        total.cells[t.pk] = cell
    total.ordered = total.cells_for(columns)
    return total


@dataclass(frozen=True)
class Headline:
    """`trained` people have met every requirement that applies to them (exemptions
    aside) and `required` people have at least one requirement they are not exempt from."""

    trained: int
    required: int
    overdue_people: int
    booked_people: int

    @property
    def percent(self) -> int:
        return round(100 * self.trained / self.required) if self.required else 0


def headline(profiles: QuerySet[LearnerProfile], *, everyone: bool = False) -> Headline:
    """One query: the assignments counted per person, then those people counted."""
    per_person = (
        _assignments_of(profiles, everyone)
        .exclude(status=MatrixStatus.EXEMPT)
        .order_by()
        .values("user_id")
        .annotate(
            needed=Count("id"),
            met=Count("id", filter=Q(status__in=SATISFIED_VALUES)),
            behind=Count("id", filter=Q(status__in=BEHIND_VALUES)),
            booked=Count("id", filter=Q(status=MatrixStatus.BOOKED)),
        )
    )
    counts = per_person.aggregate(
        required=Count("user_id"),
        trained=Count("user_id", filter=Q(met=F("needed"))),
        overdue=Count("user_id", filter=Q(behind__gt=0)),
        booked_people=Count("user_id", filter=Q(booked__gt=0)),
    )
    return Headline(
        trained=counts["trained"],
        required=counts["required"],
        overdue_people=counts["overdue"],
        booked_people=counts["booked_people"],
    )


def completions_by_month(
    profiles: QuerySet[LearnerProfile], months: int = 12, today: dt.date | None = None, *, everyone: bool = False
) -> list[tuple[dt.date, int]]:
    """Completions of required training in each of the last `months` months,
    oldest first. Grouped by day in the database (no per-row date function),
    then added up by month here. The index on (completed_on, training, user)
    answers it without reading the table; with `everyone` (a training
    administrator's view) there is no filter on people at all."""
    today = today or timezone.localdate()
    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    buckets: dict[dt.date, int] = defaultdict(int)
    month = first
    while month <= today:
        buckets[month] = 0
        month = (month + dt.timedelta(days=32)).replace(day=1)
    required = set(Requirement.objects.values_list("training_id", flat=True))
    # The training is filtered here rather than in SQL: with `training_id IN`
    # SQLite prefers the (training, user, completed_on) index and walks every
    # record; a range on completed_on alone is read from the covering index.
    records = CompletionRecord.objects.filter(completed_on__gte=first, completed_on__lte=today)
    if not everyone:
        records = records.filter(user_id__in=profiles.values("user_id"))
    per_day = records.order_by().values("completed_on", "training_id").annotate(n=Count("id"))
    for row in per_day:
        if row["training_id"] in required:
            buckets[row["completed_on"].replace(day=1)] += row["n"]
    return sorted(buckets.items())


@dataclass(frozen=True)
class Figures:
    """What the summary and the board report count, cached together."""

    rows: list[SummaryRow]
    headline: Headline
    months: list[tuple[dt.date, int]]


def figures(
    profiles: QuerySet[LearnerProfile],
    grouping: str,
    columns: list[Training],
    *,
    everyone: bool,
    scope_key: tuple[object, ...],
) -> Figures:
    """The summary grid, headline and chart for these people, from the cache
    while the matrix has not changed (see cache.py)."""

    def compute() -> Figures:
        return Figures(
            rows=summary_rows(profiles, grouping, columns, everyone=everyone),
            headline=headline(profiles, everyone=everyone),
            months=completions_by_month(profiles, everyone=everyone),
        )

    return matrix_cache.cached(("figures", grouping, tuple(t.pk for t in columns), *scope_key), compute)
