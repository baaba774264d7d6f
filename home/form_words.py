"""GOV.UK-style words for every form on the site, set in one place.

Django's defaults ("This field is required.", a "---------" first option) tell
people nothing about what to do. GOV.UK's pattern names the field and the
action: "Select your team", "Enter your first name". Rather than trusting every
form (ours, allauth's, MFA's) to remember, `install()` wraps `BaseForm.__init__`
once at start-up so each form's fields get these words unless the form already
set its own. Wagtail's admin forms keep Wagtail's words.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.fields import Field

DJANGO_REQUIRED = str(Field.default_error_messages["required"])
DASHES = "---------"
# A label that is already an instruction is the clearest message as it stands.
INSTRUCTION_VERBS = ("enter", "select", "choose", "tick", "type", "create", "give", "tell", "say", "write", "upload")


def _phrase(label: str) -> str:
    text = " ".join(label.split()).rstrip(".:")
    if not text:
        return ""
    # Keep capitals that carry meaning (acronyms like MFA); lower title-case words ("New Password").
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in text.split(" "))


def _is_choice(field: Field) -> bool:
    return isinstance(field, forms.ChoiceField | forms.ModelChoiceField) or isinstance(
        field.widget, forms.Select | forms.RadioSelect | forms.CheckboxSelectMultiple
    )


def required_message(field: Field, name: str) -> str:
    """What to say when a required field is left empty, from its label and kind."""
    label = str(field.label or name.replace("_", " ").capitalize())
    if label.split(" ", 1)[0].lower() in INSTRUCTION_VERBS:
        return label.rstrip(".:")
    if label.rstrip().endswith("?"):
        return f"Answer the question: {label.strip()}"
    phrase = _phrase(label)
    if isinstance(field, forms.BooleanField):
        return f"Tick the box to confirm: {phrase}"
    if isinstance(field, forms.FileField):
        return f"Choose a file for {phrase}"
    if _is_choice(field):
        return f"Select {phrase}"
    return f"Enter {phrase}"


def empty_choice_label(field: Field, name: str) -> str:
    label = str(field.label or name.replace("_", " ").capitalize())
    return f"Select {_phrase(label)}" if field.required else f"Any {_phrase(label)}"


def apply(form: forms.BaseForm) -> None:
    """Give each field of `form` GOV.UK-style words where it still has Django's."""
    for name, field in form.fields.items():
        if str(field.error_messages.get("required", "")) == DJANGO_REQUIRED:
            field.error_messages = {**field.error_messages, "required": required_message(field, name)}
        if isinstance(field, forms.ModelChoiceField) and field.empty_label == DASHES:
            field.empty_label = empty_choice_label(field, name)
            field.widget.choices = field.choices
        elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            choices = list(field.choices)
            if any(label == DASHES for _, label in choices):
                blank = empty_choice_label(field, name)
                field.choices = [(value, blank if label == DASHES else label) for value, label in choices]


def _is_wagtail_admin(form: forms.BaseForm) -> bool:
    return any(cls.__module__.startswith("wagtail") for cls in type(form).__mro__)


def _ensure(form: forms.BaseForm) -> None:
    # Forms often replace fields after BaseForm.__init__ (allauth's login form does), so the words
    # are applied when the form is first validated or shown, once per set of fields.
    key = tuple(id(f) for f in form.fields.values())
    if getattr(form, "_govuk_words_for", None) != key and not _is_wagtail_admin(form):
        apply(form)
        form._govuk_words_for = key  # type: ignore[attr-defined]


def install() -> None:
    """Wrap BaseForm's validation and field access once (idempotent)."""
    if getattr(forms.BaseForm.full_clean, "_govuk_words", False):
        return
    full_clean, getitem = forms.BaseForm.full_clean, forms.BaseForm.__getitem__

    def wrapped_full_clean(self: forms.BaseForm) -> None:
        _ensure(self)
        full_clean(self)

    def wrapped_getitem(self: forms.BaseForm, name: str) -> Any:
        _ensure(self)
        return getitem(self, name)

    wrapped_full_clean._govuk_words = True  # type: ignore[attr-defined]
    forms.BaseForm.full_clean = wrapped_full_clean  # type: ignore[method-assign]
    forms.BaseForm.__getitem__ = wrapped_getitem  # type: ignore[method-assign]
