from __future__ import annotations

from typing import Any

from django import forms

from matrix.models import MatrixStatus
from matrix.tabular import MAX_BYTES

STATUS_CHOICES = [("", "Any status"), ("behind", "Overdue or expired"), *MatrixStatus.choices]
SORT_CHOICES = [
    ("name", "Name (A to Z)"),
    ("-name", "Name (Z to A)"),
    ("-start", "Start date (newest first)"),
    ("start", "Start date (oldest first)"),
    ("team", "Agency and team"),
]
# Choosing something outside these lists is asking for someone else's data.
SCOPED_FIELDS = ("agency", "team", "role", "training")


class MatrixFilterForm(forms.Form):
    """The person view's filters. Choices hold only what the viewer may see."""

    q = forms.CharField(label="Name or email", required=False, max_length=100)
    agency = forms.TypedChoiceField(label="Agency", required=False, coerce=int, empty_value=None)
    team = forms.TypedChoiceField(label="Team", required=False, coerce=int, empty_value=None)
    role = forms.TypedChoiceField(label="Role", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_CHOICES)
    training = forms.TypedChoiceField(
        label="Status of", required=False, coerce=int, empty_value=None, help_text="Any training when empty."
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORT_CHOICES)

    def __init__(
        self,
        data: Any,
        *,
        agencies: list[tuple[int, str]],
        teams: list[tuple[int, str]],
        roles: list[tuple[int, str]],
        trainings: list[tuple[int, str]],
    ) -> None:
        super().__init__(data)
        self.fields["agency"].choices = [("", "All agencies"), *agencies]
        self.fields["team"].choices = [("", "All teams"), *teams]
        self.fields["role"].choices = [("", "All roles"), *roles]
        self.fields["training"].choices = [("", "Any training"), *trainings]

    @property
    def asks_outside_scope(self) -> bool:
        return any(name in self.errors for name in SCOPED_FIELDS)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text=f"A CSV file (.csv) or an Excel workbook (.xlsx), smaller than {MAX_BYTES // (1024 * 1024)} MB.",
        error_messages={
            "required": "Choose a CSV or Excel file to upload",
            "empty": "The file is empty.",
        },
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The file is too big. It must be smaller than {MAX_BYTES // (1024 * 1024)} MB."
            )
        return upload
