"""What makes a PDF readable by assistive technology, checked from the file:
marked as tagged, a structure tree, a document language and a title shown in
the viewer's title bar. Used by the certificate tests and by CI."""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject


def pdf_structure(pdf: bytes) -> tuple[list[str], dict[str, list[str]]]:
    """The problems found (empty when the PDF is tagged) and, for each structure
    tag, the alternative text or the text it marks, in reading order."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    catalog: Any = reader.trailer["/Root"]
    problems: list[str] = []
    if not catalog.get("/MarkInfo", {}).get("/Marked"):
        problems.append("not marked as tagged (/MarkInfo /Marked true)")
    if not catalog.get("/Lang"):
        problems.append("no document language (/Lang)")
    if not (reader.metadata and reader.metadata.title):
        problems.append("no title")
    if not catalog.get("/ViewerPreferences", {}).get("/DisplayDocTitle"):
        problems.append("the viewer shows the file name, not the title (/DisplayDocTitle)")
    tags: dict[str, list[str]] = defaultdict(list)
    root: Any = catalog.get("/StructTreeRoot")
    if root is None or not root.get_object().get("/K"):
        problems.append("no structure tree (/StructTreeRoot)")
        return problems, dict(tags)
    texts = _marked_text(reader)
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages) if page.indirect_reference}
    _walk(root.get_object()["/K"], texts, tags, pages)
    if not tags.get("/Figure") and b"/Subtype /Image" in pdf:
        problems.append("an image without a /Figure tag")
    for alt in tags.get("/Figure", []):
        if not alt:
            problems.append("a figure without alternative text (/Alt)")
    return problems, dict(tags)


def _marked_text(reader: pypdf.PdfReader) -> dict[tuple[int, int], str]:
    """Text of each marked-content id (MCID), keyed by (page number, MCID)."""
    texts: dict[tuple[int, int], str] = defaultdict(str)
    for number, page in enumerate(reader.pages):
        _page_marked_text(page, number, texts)
    return texts


def _page_marked_text(page: pypdf.PageObject, number: int, texts: dict[tuple[int, int], str]) -> None:
    stack: list[int | None] = []

    def visit(text: str, cm: object, tm: object, font: object, size: object) -> None:
        current = next((m for m in reversed(stack) if m is not None), None)
        if current is not None and text:
            texts[(number, current)] += text

    def before(operator: bytes, operands: list[Any], cm: object, tm: object) -> None:
        if operator == b"BDC":
            props = operands[1] if len(operands) > 1 else None
            stack.append(props.get("/MCID") if isinstance(props, DictionaryObject) else None)
        elif operator == b"BMC":
            stack.append(None)
        elif operator == b"EMC" and stack:
            stack.pop()

    page.extract_text(visitor_text=visit, visitor_operand_before=before)


def _walk(
    node: object, texts: dict[tuple[int, int], str], tags: dict[str, list[str]], pages: dict[int, int], page: int = 0
) -> str:
    """Adds each tag's text to `tags` and returns the text under `node`; a
    marked-content id belongs to the page (/Pg) of the nearest element naming one."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, int):
        return texts.get((page, node), "")
    if isinstance(node, ArrayObject | list):
        return "".join(_walk(child, texts, tags, pages, page) for child in node)
    if not isinstance(node, DictionaryObject):
        return ""
    if "/Pg" in node:
        page = pages.get(node.raw_get("/Pg").idnum, page)
    if node.get("/Type") == "/MCR":
        return texts.get((page, int(node["/MCID"])), "")  # type: ignore[call-overload]
    kind = node.get("/S")
    text = _walk(node.get("/K", []), texts, tags, pages, page)
    if kind in ("/Figure",):
        tags[kind].append(str(node.get("/Alt", "")))
    elif kind:
        tags[str(kind)].append(" ".join(text.split()))
    return text
