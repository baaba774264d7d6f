"""This app's own share of a person's data, and the mail sent to them
(the outbox has no privacy module of its own)."""

from __future__ import annotations

from typing import Any

from outbox.models import OutboundEmail
from privacy.models import AuditEvent, DeletionRequest

SECTION = "privacy"


def _mail_to(user: Any) -> list[OutboundEmail]:
    # A JSON list of addresses: match the text, then check the list exactly.
    candidates = OutboundEmail.objects.filter(to__icontains=user.email)
    wanted = user.email.lower()
    return [mail for mail in candidates if wanted in (address.lower() for address in mail.to)]


def export_user_data(user: Any) -> dict[str, Any]:
    return {
        "emails_sent_to_you": [
            {"subject": mail.subject, "status": mail.get_status_display(), "queued_at": mail.created_at}
            for mail in sorted(_mail_to(user), key=lambda mail: mail.pk)
        ],
        "deletion_requests": [
            {"requested_at": row.requested_at, "status": row.get_status_display(), "reason": row.reason}
            for row in DeletionRequest.objects.filter(user=user).order_by("requested_at")
        ],
        "who_looked_at_your_records": [
            {"when": row.at, "who": row.actor_label, "what": row.what}
            for row in AuditEvent.objects.filter(subject=user).exclude(actor=user).order_by("at")[:500]
        ],
    }


def anonymise_user(user: Any) -> None:
    """Mail to the person goes (it names them). The audit trail stays - it is
    the record that access to people's records, and the erasure itself, were
    lawful - but where the person is the one whose records were seen, their
    name is replaced by "Erased person <account number>": an account's number
    is never given to anyone else, and the account row is kept.

    What the person did as a member of staff (looking at, exporting or
    erasing other people's records) is not theirs to have erased: those rows
    stay exactly as they were written, so erasing someone can never wipe out
    the trail of what they looked at."""
    pseudonym = f"Erased person {user.pk}"
    OutboundEmail.objects.filter(pk__in=[mail.pk for mail in _mail_to(user)]).delete()
    DeletionRequest.objects.filter(user=user).update(reason="")
    AuditEvent.objects.filter(subject=user).update(subject_label=pseudonym)
    AuditEvent.objects.filter(actor=user, subject=user).update(actor_label=pseudonym)
