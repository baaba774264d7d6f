"""The sign-up rule: only people with an email address at a partner agency."""

from __future__ import annotations

from people.models import Agency, AgencyDomain, normalise_domain


def email_domain(email: str) -> str:
    _, _, domain = email.rpartition("@")
    return normalise_domain(domain)


def agency_for_email(email: str) -> Agency | None:
    """The agency that owns the email's domain, or None if no agency does."""
    domain = email_domain(email)
    if not domain:
        return None
    match = AgencyDomain.objects.select_related("agency").filter(domain=domain).first()
    return match.agency if match else None
