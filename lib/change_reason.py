"""An admin form that asks why a compliance record is being changed, and hands
the answer to its history (django-simple-history's `_change_reason`)."""

from __future__ import annotations

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

REASON_FIELD = "change_reason"


class ChangeReasonForm(WagtailAdminModelForm):  # type: ignore[misc]
    change_reason = forms.CharField(
        label="Why are you making this change?",
        help_text="Kept in the record's history with your name, for the person and for inspection.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A new record says why by what it is; a change to an existing one must say why.
        if self.instance.pk:
            self.fields[REASON_FIELD].required = True
            self.fields[REASON_FIELD].error_messages["required"] = "Enter why you are making this change"

    def save(self, commit: bool = True) -> Any:
        self.instance._change_reason = self.cleaned_data.get(REASON_FIELD, "").strip()
        return super().save(commit=commit)


def reason_panel() -> FieldPanel:
    return FieldPanel(REASON_FIELD)
