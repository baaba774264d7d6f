"""How a matrix status looks on the page: the GOV.UK tag colour for each status.

Kept with the templates, apart from the rules (`matrix.status`) and the figures (`matrix.reports`)."""

from __future__ import annotations

from django import template

from matrix.status import Status

register = template.Library()

TAG_CLASSES: dict[str, str] = {
    Status.NOT_REQUIRED: "govuk-tag--grey app-matrix-tag--none",
    Status.NOT_STARTED: "govuk-tag--grey",
    Status.IN_PROGRESS: "govuk-tag--light-blue",
    Status.BOOKED: "govuk-tag--blue",
    Status.COMPLETE: "govuk-tag--green",
    Status.EXPIRING_SOON: "govuk-tag--yellow",
    Status.EXPIRED: "govuk-tag--orange",
    Status.OVERDUE: "govuk-tag--red",
    Status.EXEMPT: "govuk-tag--purple",
}


@register.filter
def status_tag(status: str) -> str:
    """`{{ cell.status|status_tag }}`: the tag classes for a matrix status."""
    return TAG_CLASSES.get(status, "govuk-tag--grey")
