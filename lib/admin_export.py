"""Wagtail's own CSV and Excel export on every snippet list, made safe for
spreadsheets. The export is the list view itself (`?export=csv|xlsx`), so it
shows what the viewer may see in the list, with its filters and search."""

from __future__ import annotations

from typing import Any

from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

# Cells starting with these run as formulas in Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def formula_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeExportIndexView(IndexView):  # type: ignore[misc]
    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        # Wagtail already writes formula-like Excel cells as text; CSV has no
        # cell types, so text that would run gets a leading apostrophe.
        processed = super().preprocess_field_value(field, value, export_format)
        return formula_safe(processed) if export_format == self.FORMAT_CSV else processed


class ExportingSnippetViewSet(SnippetViewSet):  # type: ignore[misc]
    """A snippet list with CSV and Excel downloads of its columns (or of
    `list_export` when a viewset names other fields)."""

    index_view_class = SafeExportIndexView

    @cached_property
    def list_export(self) -> list[str]:
        return [name for name in self.list_display if isinstance(name, str)]

    @cached_property
    def export_filename(self) -> str:
        return str(slugify(self.model._meta.verbose_name_plural))
