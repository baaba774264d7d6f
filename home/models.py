"""The home page (a dashboard once signed in) and plain content pages."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.dashboard import dashboard_sections


class HomePage(Page):
    """The site's root page. Signed out: what the platform is. Signed in: what to do next."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["dashboard_sections"] = dashboard_sections(request)
        return context


class StandardPage(Page):
    """A plain page: the privacy notice, the accessibility statement, about us."""

    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", icon="title", template="home/blocks/heading.html")),
            ("paragraph", blocks.RichTextBlock(icon="pilcrow")),
        ],
        use_json_field=True,
    )
    last_reviewed = models.DateField(null=True, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
