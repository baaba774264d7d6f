from __future__ import annotations

from django import forms


class DeletionRequestForm(forms.Form):
    reason = forms.CharField(
        label="Why do you want your account deleted? (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="This helps the training team. You do not have to say.",
    )
    confirm = forms.BooleanField(
        label="I understand that my name, email and journal will be removed and I will not be able to sign in again",
        error_messages={"required": "Tick the box to confirm you want your account deleted"},
    )


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have checked this is the right person and that their data may be erased",
        error_messages={"required": "Tick the box to confirm you want to erase this person"},
    )


class AuditFilterForm(forms.Form):
    who = forms.CharField(label="Name or email of the person who looked", required=False, max_length=200)
    whose = forms.CharField(label="Name or email of the person whose record it was", required=False, max_length=200)
