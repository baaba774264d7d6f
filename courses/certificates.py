"""The certificate as a one-page A4 PDF, drawn with reportlab."""

from __future__ import annotations

import io

from django.conf import settings
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from courses.models import Certificate

INK = HexColor("#0b0c0c")
ACCENT = HexColor("#1d70b8")
MUTED = HexColor("#484949")


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    buffer = io.BytesIO()
    width, height = landscape(A4)
    # The language and a title shown in the viewer's title bar (rather than the
    # file name) let screen readers read the document properly.
    pdf = canvas.Canvas(buffer, pagesize=(width, height), lang="en-GB")
    pdf.setTitle(f"Certificate: {certificate.course_title}")
    pdf.setAuthor(settings.PARTNERSHIP_NAME)
    pdf.setSubject(
        f"Certificate of completion {certificate.display_code}: {certificate.learner_name}, {certificate.course_title}"
    )
    pdf.setCreator(settings.PARTNERSHIP_NAME)
    pdf.setKeywords(["certificate", "e-learning", "Signs of Safety"])
    pdf.setViewerPreference("DisplayDocTitle", "true")

    pdf.setStrokeColor(ACCENT)
    pdf.setLineWidth(4)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)

    centre = width / 2
    pdf.setFillColor(MUTED)
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(centre, height - 40 * mm, settings.PARTNERSHIP_NAME)
    pdf.setFillColor(INK)
    pdf.setFont("Helvetica-Bold", 30)
    pdf.drawCentredString(centre, height - 62 * mm, "Certificate of completion")
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(centre, height - 82 * mm, "This is to certify that")
    pdf.setFont("Helvetica-Bold", 26)
    pdf.drawCentredString(centre, height - 98 * mm, certificate.learner_name)
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(centre, height - 114 * mm, "has completed the e-learning course")
    pdf.setFont("Helvetica-Bold", 20)
    _centred_lines(pdf, certificate.course_title, centre, height - 130 * mm, width - 60 * mm, "Helvetica-Bold", 20)
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(centre, height - 152 * mm, f"on {certificate.issued_on:%-d %B %Y}")
    if certificate.valid_until:
        pdf.setFont("Helvetica", 14)
        pdf.drawCentredString(centre, height - 164 * mm, f"Valid until {certificate.valid_until:%-d %B %Y}")

    pdf.setFillColor(MUTED)
    pdf.setFont("Helvetica", 12)
    pdf.drawCentredString(centre, 34 * mm, f"Verification code: {certificate.display_code}")
    pdf.drawCentredString(centre, 27 * mm, f"Check this certificate at {verify_url}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _centred_lines(pdf: canvas.Canvas, text: str, x: float, y: float, max_width: float, font: str, size: int) -> None:
    """Long course titles wrap onto a second line instead of running off the page."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if pdf.stringWidth(trial, font, size) > max_width and current:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    for index, line in enumerate(lines[:2]):
        pdf.drawCentredString(x, y - index * (size + 4), line)
