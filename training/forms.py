"""Forms for learners, managers and trainers. They check input; services do the work."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django import forms

from people.access import users_with_capability
from people.groups import Capability
from people.models import User
from training.models import AttendanceStatus, Booking, ClassroomCourse, Event, EventStatus, TrainerLicence
from training.services import DayInput

MAX_DAYS = 3


class EventFilterForm(forms.Form):
    course = forms.ModelChoiceField(
        queryset=ClassroomCourse.objects.all(), required=False, empty_label="All courses", label="Course"
    )
    month = forms.ChoiceField(required=False, label="Month")
    venue = forms.ChoiceField(required=False, label="Venue")
    places = forms.BooleanField(required=False, label="Only show events with places left")

    def __init__(self, *args: Any, months: list[dt.date], venues: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [("", "Any month")] + [(f"{m:%Y-%m}", f"{m:%B %Y}") for m in months]
        self.fields["venue"].choices = [("", "Any venue")] + [(v, v) for v in venues]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why are you cancelling?",
        help_text="This helps the training team plan. Your practice lead sees late cancellations.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": "Tell us why you are cancelling."},
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Reason (optional, sent to the learner)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class OneTimeTokenField(forms.CharField):
    """A hidden token made when the form is shown. The service records it with
    what the form did (`services._done_with_token`), so the same form posted
    again, by a double click or the back button, does nothing new."""

    widget = forms.HiddenInput
    default_error_messages = {
        "required": "The form was out of date. Please try again.",
        "invalid": "The form was out of date. Please try again.",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("initial", lambda: uuid.uuid4().hex)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return uuid.UUID(value).hex
        except ValueError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class EmailEveryoneForm(forms.Form):
    subject = forms.CharField(max_length=150, error_messages={"required": "Enter a subject."})
    body = forms.CharField(
        label="Message", widget=forms.Textarea(attrs={"rows": 8}), error_messages={"required": "Enter a message."}
    )
    token = OneTimeTokenField()


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label="Why is the event cancelled?",
        help_text="Sent to everyone booked.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give a reason: it is sent to everyone booked."},
    )


def _date(label: str, required: bool) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a real date.", "required": f"Enter the date of {label.lower()}."},
    )


def _time(label: str, initial: dt.time) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=False,
        initial=initial,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Enter a time like 09:30."},
    )


def _moment(label: str, help_text: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": "Enter a real date and time."},
    )


class EventForm(forms.ModelForm):
    """An event with up to three days. Trainers get themselves as trainer;
    training administrators choose the trainers."""

    trainers = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple, label="Trainers"
    )
    online_link = forms.URLField(
        label="Online meeting link",
        required=False,
        assume_scheme="https",
        help_text="For online events instead of a venue.",
    )
    booking_opens = _moment("Booking opens", "Leave empty to open booking as soon as the event is open.")
    booking_closes = _moment("Booking closes", "Leave empty to take bookings until the first day starts.")
    # Creating only: posting the same new-event form twice makes one event.
    token = OneTimeTokenField()

    class Meta:
        model = Event
        fields = [
            "course",
            "status",
            "capacity",
            "venue_name",
            "venue_address",
            "accessibility_notes",
            "online_link",
            "booking_opens",
            "booking_closes",
        ]
        widgets = {
            "status": forms.RadioSelect,
            "venue_address": forms.Textarea(attrs={"rows": 3}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"venue_name": "Venue name", "online_link": "Online meeting link"}

    def __init__(self, *args: Any, user: User, admin: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.admin = admin
        self.fields["status"].choices = [
            (EventStatus.DRAFT, "Draft: not shown to learners yet"),
            (EventStatus.OPEN, "Open for booking"),
            (EventStatus.FINISHED, "Finished"),
        ]
        self.fields["capacity"].error_messages["required"] = "Enter how many places there are."
        if admin:
            self.fields["trainers"].queryset = users_with_capability(Capability.RUN_TRAINING)
            if self.instance.pk:
                self.fields["trainers"].initial = list(self.instance.trainers.all())
        else:
            del self.fields["trainers"]
        if self.instance.pk:
            del self.fields["token"]
        existing = {d.number: d for d in self.instance.day_list} if self.instance.pk else {}
        for n in range(1, MAX_DAYS + 1):
            day = existing.get(n)
            self.fields[f"day_{n}_date"] = _date(f"Day {n}", required=n == 1)
            self.fields[f"day_{n}_start"] = _time(f"Day {n} starts", dt.time(9, 30))
            self.fields[f"day_{n}_end"] = _time(f"Day {n} ends", dt.time(16, 30))
            if day:
                self.initial[f"day_{n}_date"] = day.date
                self.initial[f"day_{n}_start"] = day.start_time
                self.initial[f"day_{n}_end"] = day.end_time

    def day_groups(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [
            (n, [self[f"day_{n}_date"], self[f"day_{n}_start"], self[f"day_{n}_end"]]) for n in range(1, MAX_DAYS + 1)
        ]

    def detail_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.Meta.fields]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        days: list[DayInput] = []
        for n in range(1, MAX_DAYS + 1):
            date = data.get(f"day_{n}_date")
            if not date:
                continue
            start = data.get(f"day_{n}_start") or dt.time(9, 30)
            end = data.get(f"day_{n}_end") or dt.time(16, 30)
            if end <= start:
                self.add_error(f"day_{n}_end", f"Day {n} must end after it starts.")
            days.append(DayInput(len(days) + 1, date, start, end))
        for earlier, later in zip(days, days[1:], strict=False):
            if later.date <= earlier.date:
                self.add_error(None, "Each day must be on a later date than the day before.")
                break
        course = data.get("course")
        if course and days and len(days) != course.number_of_days:
            self.add_error(None, f"{course.title} runs over {course.number_of_days} days: give a date for each.")
        if not data.get("venue_name") and not data.get("online_link"):
            self.add_error("venue_name", "Enter a venue, or an online meeting link for an online event.")
        opens, closes = data.get("booking_opens"), data.get("booking_closes")
        if opens and closes and closes <= opens:
            self.add_error("booking_closes", "Booking must close after it opens.")
        self.days = days
        trainers = list(data.get("trainers") or []) if self.admin else [self.user]
        if course and days:
            for trainer in trainers:
                licences = TrainerLicence.objects.filter(trainer=trainer)
                if not any(licence.covers(course, days[-1].date) for licence in licences):
                    self.add_error(
                        "trainers" if self.admin else None,
                        f"{trainer.display_name} has no licence for {course.title} valid on the last day. "
                        "A training administrator can record it.",
                    )
        self.chosen_trainers = trainers
        return data

    def event_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "course"}


class AttendanceForm(forms.Form):
    """One radio group per person expected on the day."""

    def __init__(self, *args: Any, bookings: list[Booking], day_number: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bookings = bookings
        for booking in bookings:
            current = next((a.status for a in booking.attendances.all() if a.day.number == day_number), None)
            label = booking.learner.display_name
            if booking.catch_up_day:
                label += f" (catching up day {booking.catch_up_day})"
            self.fields[f"booking_{booking.pk}"] = forms.ChoiceField(
                label=label,
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=current,
            )

    def marks(self) -> dict[int, str]:
        return {int(name.removeprefix("booking_")): value for name, value in self.cleaned_data.items() if value}
