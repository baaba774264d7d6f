from __future__ import annotations

from wagtail.snippets.models import register_snippet

from lib.admin_export import ExportingSnippetViewSet
from outbox.models import OutboundEmail, OutboundStatement


class OutboundEmailViewSet(ExportingSnippetViewSet):
    model = OutboundEmail
    icon = "mail"
    menu_label = "Outgoing email"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]


class OutboundStatementViewSet(ExportingSnippetViewSet):
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
