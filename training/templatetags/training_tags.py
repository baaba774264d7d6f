"""Small template helpers for the training pages."""

from __future__ import annotations

from django import template

from people.access import is_practice_lead, is_trainer, is_training_admin

register = template.Library()

STATUS_TAGS = {
    "confirmed": "govuk-tag--green",
    "pending_approval": "govuk-tag--yellow",
    "waitlisted": "govuk-tag--blue",
    "offered": "govuk-tag--purple",
    "cancelled": "govuk-tag--grey",
    "declined": "govuk-tag--red",
    "expired": "govuk-tag--grey",
    "lapsed": "govuk-tag--grey",
    "attended": "govuk-tag--green",
    "late": "govuk-tag--turquoise",
    "left_early": "govuk-tag--orange",
    "absent": "govuk-tag--red",
}


@register.filter
def status_tag_class(status: str) -> str:
    """The colour of a status tag; the tag's text always says the status too."""
    return STATUS_TAGS.get(status, "govuk-tag--grey")


@register.filter
def runs_events(user: object) -> bool:
    return is_trainer(user) or is_training_admin(user)


@register.filter
def leads_people(user: object) -> bool:
    return is_practice_lead(user) or is_training_admin(user)


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key)


@register.filter
def mark_label(status: str) -> str:
    from training.models import AttendanceStatus

    try:
        return AttendanceStatus(status).label
    except ValueError:
        return status
