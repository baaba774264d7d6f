"""Outgoing email in the admin, read only: messages are written by `queue_email` and the sender alone."""

from __future__ import annotations

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from outbox.models import OutboundEmail, OutboundStatement
from people.admin_views import ReadOnlyPermissionPolicy, SnippetViewSet

# Nobody, superusers included, writes or edits an email by hand in the admin:
# that would send anything from the platform's address.
register_permission_policy(OutboundEmail, ReadOnlyPermissionPolicy(OutboundEmail), exact_class=True)


class OutboundEmailViewSet(SnippetViewSet):
    model = OutboundEmail
    icon = "mail"
    menu_label = "Outgoing email"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    inspect_view_enabled = True


class OutboundStatementViewSet(SnippetViewSet):
    """Statements for the learning record store: what is waiting, what went, and why one failed."""

    model = OutboundStatement
    icon = "upload"
    menu_label = "Outgoing xAPI statements"
    menu_order = 901
    add_to_settings_menu = True
    list_display = ["__str__", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    inspect_view_enabled = True


register_snippet(OutboundEmailViewSet)
register_snippet(OutboundStatementViewSet)
