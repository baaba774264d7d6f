"""The outbox's background task: send one stored message, outside any request.

`queue_email` enqueues `deliver_email` once the transaction that stored the
message commits, on the "outbox" task backend. In production that backend
keeps the task in the database and `manage.py db_worker --backend outbox
--queue-name email` runs it; in the tests it runs at once.
"""

from __future__ import annotations

from django_tasks import task

from outbox.delivery import send_one
from outbox.models import EmailStatus, OutboundEmail

BACKEND = "outbox"
QUEUE = "email"


@task(backend=BACKEND, queue_name=QUEUE)
def deliver_email(pk: int) -> bool:
    """Send the message if it is still waiting. A failure is tried again after
    the outbox's growing delay: by a deferred task where the backend can hold
    one, and in any case by `manage.py send_outbox`, which cron runs."""
    if send_one(pk):
        return True
    message = OutboundEmail.objects.filter(pk=pk, status=EmailStatus.PENDING).first()
    if message is not None and message.next_attempt_at is not None and deliver_email.get_backend().supports_defer:
        deliver_email.using(run_after=message.next_attempt_at).enqueue(pk)
    return False
