"""The impact app's forms. Each refuses bad input with a message that says what to do,
and gives back everything typed so nothing is lost."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from impact.coach import CHILD_AGES, MAX_CHARS
from impact.models import MODEL_PARTS, CoachKind, EventPlan, Mark, ObservationKind, UsedSince

TEXT_LIMIT = 2000
RATING_CHOICES = [
    (str(n), label)
    for n, label in ((1, "1 Not at all confident"), (2, "2"), (3, "3"), (4, "4"), (5, "5 Very confident"))
]


class DayFeedbackForm(forms.Form):
    useful = forms.CharField(
        label="What was most useful today?", widget=forms.Textarea(attrs={"rows": 3}), max_length=TEXT_LIMIT,
        required=False,
    )  # fmt: skip
    not_useful = forms.CharField(
        label="What was not useful, or could be better?", widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_LIMIT, required=False,
    )  # fmt: skip
    comments = forms.CharField(
        label="Anything else you want to tell the trainers?", widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_LIMIT, required=False,
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for part, label in MODEL_PARTS:
            self.fields[part] = forms.ChoiceField(
                label=label,
                choices=RATING_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose how confident you feel with {label[0].lower()}{label[1:]}"},
            )
        # Ratings first, then the free text.
        self.order_fields([p for p, _ in MODEL_PARTS])

    def rating_fields(self) -> list[forms.BoundField]:
        return [self[p] for p, _ in MODEL_PARTS]

    def text_fields(self) -> list[forms.BoundField]:
        return [self["useful"], self["not_useful"], self["comments"]]


class FollowUpForm(forms.Form):
    used_statement = forms.ChoiceField(
        label="Since the training, have you written or used a danger or worry statement in your work?",
        choices=UsedSince.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you have used a danger or worry statement since the training"},
    )
    used_goal = forms.ChoiceField(
        label="Have you written or used a safety or well-being goal?",
        choices=UsedSince.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you have used a safety or well-being goal since the training"},
    )
    what_happened = forms.CharField(
        label="What happened? What difference did it make for the family?",
        help_text="Do not name the family or give details that could identify them.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=TEXT_LIMIT,
        required=False,
    )


class EventPlanForm(forms.ModelForm):
    class Meta:
        model = EventPlan
        fields = ["before_scenario", "after_scenario"]

    def __init__(self, *args: Any, scenarios: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["before_scenario"].queryset = scenarios
        self.fields["after_scenario"].queryset = scenarios
        self.fields["before_scenario"].label = "Scenario to map before day one"
        self.fields["after_scenario"].label = "Matched scenario to map after the last day"
        self.fields["before_scenario"].error_messages["required"] = "Choose the scenario to map before day one"
        self.fields["after_scenario"].error_messages["required"] = "Choose the scenario to map after the last day"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        before, after = cleaned.get("before_scenario"), cleaned.get("after_scenario")
        if before and after and before.pk == after.pk:
            self.add_error(
                "after_scenario",
                "Choose a different family for after the course: mapping the same case twice measures memory, "
                "not learning",
            )
        return cleaned


MARK_CHOICES = [("", "Not applicable to this work"), *((str(v), label) for v, label in Mark.choices)]


class ObservationForm(forms.Form):
    worker = forms.TypedChoiceField(label="Whose practice did you observe?", coerce=int)
    observed_on = forms.DateField(
        label="Date observed",
        help_text="For example, 27 11 2026 or 2026-11-27",
        input_formats=["%Y-%m-%d", "%d %m %Y", "%d/%m/%Y", "%d-%m-%Y"],
        error_messages={
            "invalid": "Enter the date observed as a real date, for example 27 11 2026",
            "required": "Enter the date you observed their practice",
        },
    )
    kind = forms.ChoiceField(
        label="What did you observe?",
        choices=ObservationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you observed: a mapping meeting or case writing"},
    )
    text_kind = forms.ChoiceField(
        label="What is the text?",
        choices=[(k, v) for k, v in CoachKind.choices if k != CoachKind.CHILD],
        required=False,
        initial=CoachKind.DANGER,
    )
    text = forms.CharField(
        label="Text to check (optional, never saved)",
        help_text=(
            "Paste part of the worker's case writing to see what the scoring engine finds in it. It is checked "
            "and shown back to you on this page only: it is not saved, logged or kept anywhere."
        ),
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off"}),
        max_length=MAX_CHARS,
        required=False,
        error_messages={"max_length": f"Paste at most {MAX_CHARS:,} characters at a time (you pasted %(show_value)d)"},
    )
    note = forms.CharField(
        label="Note for the worker (optional)",
        help_text="The worker sees this note. Do not name the family.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=TEXT_LIMIT,
        required=False,
    )

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {p.pk: p for p in people}
        self.fields["worker"].choices = [("", "Choose a person")] + [(p.pk, p.display_name) for p in people]
        self.fields["worker"].error_messages["invalid_choice"] = "Choose someone you lead or manage"
        self.fields["worker"].error_messages["required"] = "Choose whose practice you observed"
        for part, label in MODEL_PARTS:
            self.fields[part] = forms.TypedChoiceField(
                label=label,
                choices=MARK_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def rubric_fields(self) -> list[forms.BoundField]:
        return [self[p] for p, _ in MODEL_PARTS]

    def clean_observed_on(self) -> dt.date:
        day = self.cleaned_data["observed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date observed must be today or in the past")
        if day < timezone.localdate() - dt.timedelta(days=365):
            raise forms.ValidationError("The date observed must be within the last year")
        return day

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not any(cleaned.get(p) is not None for p, _ in MODEL_PARTS):
            raise forms.ValidationError("Mark at least one part of the rubric")
        return cleaned

    def worker_user(self) -> Any:
        return self.people[self.cleaned_data["worker"]]


class CoachForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you writing?",
        choices=CoachKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you are writing"},
    )
    child_age = forms.TypedChoiceField(
        label="How old is the child? (for an explanation for a child)",
        choices=[("", "Choose an age")] + [(str(a), str(a)) for a in CHILD_AGES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    text = forms.CharField(
        label="Your draft",
        help_text=f"Up to {MAX_CHARS:,} characters. Do not include names or details that identify a family.",
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "true"}),
        max_length=MAX_CHARS,
        error_messages={
            "required": "Paste or type the draft you want feedback on",
            "max_length": f"Check at most {MAX_CHARS:,} characters at a time (this is %(show_value)d)",
        },
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("kind") == CoachKind.CHILD and not cleaned.get("child_age"):
            self.add_error("child_age", "Choose the child's age, so the reading level can be matched to it")
        return cleaned
