"""Classroom courses, their events (runs), bookings, attendance and the audit trail.

A `ClassroomCourse` owns one `matrix.Training` row (kind classroom): that is
what requirements name and what completions are recorded against. An `Event`
is one run of a course with its `EventDay`s. A `Booking` ties a learner to an
event; only `services.py` changes a booking's status, and every change writes
a `BookingAuditEntry`. `Attendance` is one mark per booking per day.
"""

from __future__ import annotations

import datetime as dt
import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from matrix.models import Training
from training import rules

LONDON = zoneinfo.ZoneInfo("Europe/London")


class CourseKind(models.TextChoices):
    FOUNDATION = "foundation", "Two-day foundation training"
    ENHANCED = "enhanced", "Enhanced training for practice leads"
    TRAINERS = "trainers", "Training for trainers"
    REFRESHER = "refresher", "Refresher"


class ClassroomCourse(models.Model):
    training = models.OneToOneField(Training, on_delete=models.PROTECT, related_name="classroom_course")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=CourseKind.choices, default=CourseKind.FOUNDATION)
    description = models.TextField()
    audience = models.TextField(help_text="Who the course is for, in plain words.")
    number_of_days = models.PositiveSmallIntegerField(default=2)
    eligible_roles = models.ManyToManyField(
        "people.Role", blank=True, related_name="+", help_text="Leave empty to open the course to every role."
    )
    eligible_agencies = models.ManyToManyField(
        "people.Agency", blank=True, related_name="+", help_text="Leave empty to open the course to every agency."
    )
    prerequisites = models.ManyToManyField(
        Training,
        blank=True,
        related_name="required_before_classroom",
        help_text="Training that must be complete before the first day.",
    )
    requires_manager_approval = models.BooleanField(default=False)
    late_cancellation_days = models.PositiveSmallIntegerField(
        default=5, help_text="Cancelling a place this many days or fewer before the start counts as late."
    )
    no_show_policy = models.TextField(
        blank=True, help_text="What happens when someone cancels late or does not come, shown before they book."
    )
    offer_hours = models.PositiveSmallIntegerField(default=48, help_text="How long a waitlisted learner has to accept.")
    reminder_days = models.PositiveSmallIntegerField(default=7, help_text="Remind learners this many days before.")
    approval_chase_days = models.PositiveSmallIntegerField(
        default=3, help_text="Remind a line manager when a request has waited this many days."
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("training"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("audience"),
        FieldPanel("number_of_days"),
        MultiFieldPanel(
            [FieldPanel("eligible_roles"), FieldPanel("eligible_agencies"), FieldPanel("prerequisites")],
            heading="Who may book",
        ),
        MultiFieldPanel(
            [
                FieldPanel("requires_manager_approval"),
                FieldPanel("late_cancellation_days"),
                FieldPanel("no_show_policy"),
                FieldPanel("offer_hours"),
                FieldPanel("reminder_days"),
                FieldPanel("approval_chase_days"),
            ],
            heading="Booking policy",
        ),
    ]

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class TrainerLicence(models.Model):
    """A trainer's licence to deliver one course, or every course of a kind."""

    trainer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainer_licences")
    course = models.ForeignKey(ClassroomCourse, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    course_kind = models.CharField(max_length=20, choices=CourseKind.choices, blank=True)
    reference = models.CharField("licence reference", max_length=60)
    valid_until = models.DateField()

    panels = [
        FieldPanel("trainer"),
        FieldPanel("course"),
        FieldPanel("course_kind"),
        FieldPanel("reference"),
        FieldPanel("valid_until"),
    ]

    class Meta:
        ordering = ["trainer", "-valid_until"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(course__isnull=False) | ~models.Q(course_kind=""),
                name="licence_names_course_or_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.trainer}, valid until {self.valid_until:%d %b %Y})"

    def covers(self, course: ClassroomCourse, on: dt.date) -> bool:
        matches = self.course_id == course.pk or (not self.course_id and self.course_kind == course.kind)
        return matches and on <= self.valid_until


class EventStatus(models.TextChoices):
    """The stored form of `rules.Status`, which owns the values (tested equal)."""

    DRAFT = rules.Status.DRAFT.value, "Draft (not visible to learners)"
    OPEN = rules.Status.OPEN.value, "Open for booking"
    FULL = rules.Status.FULL.value, "Full (waitlist only)"
    CANCELLED = rules.Status.CANCELLED.value, "Cancelled"
    FINISHED = rules.Status.FINISHED.value, "Finished"


class EventQuerySet(models.QuerySet["Event"]):
    def with_counts(self) -> EventQuerySet:
        """Annotate `holding_count`, `waiting_count` and `first_date`, so lists need no query per row."""
        return self.annotate(
            holding_count=models.Count(
                "bookings", filter=models.Q(bookings__status__in=rules.HOLDING_STATUSES), distinct=True
            ),
            waiting_count=models.Count(
                "bookings", filter=models.Q(bookings__status=BookingStatus.WAITLISTED), distinct=True
            ),
            first_date=models.Min("days__date"),
        )


class Event(ClusterableModel):
    """One run of a classroom course.

    `sequence` is the iCalendar SEQUENCE: it goes up by one each time the
    days, times or place change or the event is cancelled, so calendars
    replace the old entry instead of adding a second one."""

    course = models.ForeignKey(ClassroomCourse, on_delete=models.PROTECT, related_name="events")
    status = models.CharField(max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT)
    capacity = models.PositiveSmallIntegerField(default=20)
    venue_name = models.CharField(max_length=200, blank=True)
    venue_address = models.TextField(blank=True)
    accessibility_notes = models.TextField(
        blank=True, help_text="Step-free access, hearing loop, parking, quiet room: what a visitor needs to know."
    )
    online_link = models.URLField(blank=True, help_text="For online events instead of a venue.")
    booking_opens = models.DateTimeField(null=True, blank=True, help_text="Empty: open as soon as published.")
    booking_closes = models.DateTimeField(null=True, blank=True, help_text="Empty: closes when the first day starts.")
    trainers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="training_events")
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancellation_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    panels = [
        FieldPanel("course"),
        FieldPanel("status"),
        FieldPanel("capacity"),
        InlinePanel("days", label="Days", min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("accessibility_notes"),
                FieldPanel("online_link"),
            ],
            heading="Where",
        ),
        FieldPanel("booking_opens"),
        FieldPanel("booking_closes"),
        FieldPanel("trainers"),
    ]

    class Meta:
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        first = self.day_list[0].date if self.day_list else None
        when = f"{first:%-d %B %Y}" if first else "no dates yet"
        return f"{self.course.title}, {when}"

    @property
    def day_list(self) -> list[EventDay]:
        """The days in order; uses prefetched days when present."""
        return sorted(self.days.all(), key=lambda d: d.number)

    @property
    def first_start(self) -> dt.datetime:
        days = self.day_list
        if not days:
            return dt.datetime.max.replace(tzinfo=dt.UTC)
        return days[0].starts_at

    @property
    def last_day(self) -> EventDay | None:
        days = self.day_list
        return days[-1] if days else None

    @property
    def where(self) -> str:
        return self.venue_name or ("Online" if self.online_link else "Venue to be confirmed")

    def holding(self) -> int:
        value = getattr(self, "holding_count", None)
        if value is None:
            value = self.bookings.filter(status__in=rules.HOLDING_STATUSES).count()
        return value

    def places_left(self) -> int:
        return rules.places_left(self.capacity, self.holding())

    @property
    def display_status(self) -> str:
        """What learners see: an open event with no places left shows as full."""
        if self.status == EventStatus.OPEN and self.places_left() == 0:
            return EventStatus.FULL.label
        return self.get_status_display()

    def is_run_by(self, user: object) -> bool:
        from people.access import is_training_admin

        if is_training_admin(user):
            return True
        if not getattr(user, "is_authenticated", False):
            return False
        return any(t.pk == user.pk for t in self.trainers.all())  # type: ignore[attr-defined]

    def slots(self) -> tuple[rules.DaySlot, ...]:
        return tuple(day.slot for day in self.day_list)


class EventDay(models.Model):
    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="days")
    number = models.PositiveSmallIntegerField(default=1, help_text="Day 1, day 2...")
    date = models.DateField()
    start_time = models.TimeField(default=dt.time(9, 30))
    end_time = models.TimeField(default=dt.time(16, 30))

    panels = [FieldPanel("number"), FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]

    class Meta:
        ordering = ["event", "number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="event_day_number_once"),
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")), name="day_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"Day {self.number}: {self.date:%A %-d %B %Y}, {self.start_time:%H:%M} to {self.end_time:%H:%M}"

    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.start_time, tzinfo=LONDON)

    @property
    def ends_at(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.end_time, tzinfo=LONDON)

    @property
    def slot(self) -> rules.DaySlot:
        return rules.DaySlot(self.date, self.start_time, self.end_time)


class BookingStatus(models.TextChoices):
    PENDING_APPROVAL = "pending_approval", "Waiting for line manager approval"
    CONFIRMED = "confirmed", "Confirmed"
    WAITLISTED = "waitlisted", "On the waiting list"
    OFFERED = "offered", "Place offered: please answer"
    CANCELLED = "cancelled", "Cancelled"
    DECLINED = "declined", "Not approved by line manager"
    EXPIRED = "expired", "Offer expired"
    LAPSED = "lapsed", "Not approved in time"


class Booking(models.Model):
    """A learner's place (or place in the queue) on an event.

    Waitlist order is (`created_at`, `id`): first in, first out. A booking
    with `catch_up_day` set is for that one day only, to make up a day missed
    on `catch_up_for` (an earlier booking on the same course)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="bookings")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_bookings")
    status = models.CharField(max_length=20, choices=BookingStatus.choices)
    catch_up_day = models.PositiveSmallIntegerField(null=True, blank=True)
    catch_up_for = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="catch_ups")
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approval_requested_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(blank=True)
    late_cancellation = models.BooleanField(default=False)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["event", "status", "created_at"]), models.Index(fields=["learner", "status"])]

    def __str__(self) -> str:
        return f"{self.learner} on {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status in rules.ACTIVE_STATUSES

    @property
    def holds_place(self) -> bool:
        return self.status in rules.HOLDING_STATUSES

    def required_days(self) -> list[int]:
        if self.catch_up_day:
            return [self.catch_up_day]
        return [day.number for day in self.event.day_list]

    def marks(self) -> dict[int, str]:
        return {a.day.number: a.status for a in self.attendances.all()}

    def attendance(self) -> rules.AttendanceResult:
        return rules.attendance_result(self.required_days(), self.marks())


class AttendanceStatus(models.TextChoices):
    """The stored form of `rules.Mark`, which owns the values (tested equal)."""

    ATTENDED = rules.Mark.ATTENDED.value, "Attended"
    LATE = rules.Mark.LATE.value, "Arrived late"
    LEFT_EARLY = rules.Mark.LEFT_EARLY.value, "Left early"
    ABSENT = rules.Mark.ABSENT.value, "Absent"


class Attendance(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="attendances")
    day = models.ForeignKey(EventDay, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(max_length=12, choices=AttendanceStatus.choices)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["booking", "day"], name="attendance_once_per_day")]

    def __str__(self) -> str:
        return f"{self.booking.learner}: {self.get_status_display()} on day {self.day.number}"


class AuditAction(models.TextChoices):
    BOOKED = "booked", "Booked"
    WAITLISTED = "waitlisted", "Joined the waiting list"
    APPROVAL_REQUESTED = "approval_requested", "Asked line manager for approval"
    APPROVED = "approved", "Approved by line manager"
    DECLINED = "declined", "Declined by line manager"
    APPROVAL_LAPSED = "approval_lapsed", "Approval request lapsed"
    OFFERED = "offered", "Offered a place"
    OFFER_ACCEPTED = "offer_accepted", "Accepted an offered place"
    OFFER_DECLINED = "offer_declined", "Declined an offered place"
    OFFER_EXPIRED = "offer_expired", "Offer expired"
    CANCELLED = "cancelled", "Cancelled"
    ATTENDANCE = "attendance", "Attendance marked"
    COMPLETED = "completed", "Course completed"
    EVENT_CREATED = "event_created", "Event created"
    EVENT_CHANGED = "event_changed", "Event changed"
    EVENT_RESCHEDULED = "event_rescheduled", "Event rescheduled"
    EVENT_CANCELLED = "event_cancelled", "Event cancelled"
    CAPACITY_CHANGED = "capacity_changed", "Capacity changed"
    EMAILED = "emailed", "Emailed everyone booked"


class BookingAuditEntry(models.Model):
    """Who did what, when, to which booking or event. Written by services only; never edited."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="audit_entries")
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, null=True, blank=True, related_name="audit_entries")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=24, choices=AuditAction.choices)
    details = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "booking audit entries"

    def __str__(self) -> str:
        who = self.actor or "The system"
        return f"{self.at:%d %b %Y %H:%M}: {who} - {self.get_action_display()}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's private calendar subscription address: their confirmed
    training, and the events they run as a trainer. The token is the only key
    (calendar programs cannot sign in), so it is long and random, and the
    person can replace it, which makes the old address answer 404."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Calendar subscription of {self.user}"

    def renew(self) -> None:
        self.token = new_feed_token()
        self.created_at = timezone.now()
        self.last_fetched_at = None
        self.save(update_fields=["token", "created_at", "last_fetched_at"])
