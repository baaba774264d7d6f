from __future__ import annotations

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from outbox.models import OutboundEmail


class OutboundEmailViewSet(SnippetViewSet):
    model = OutboundEmail
    icon = "mail"
    menu_label = "Outgoing email"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]


register_snippet(OutboundEmailViewSet)
