"""Renders a sample certificate and checks the PDF is tagged for assistive
technology (structure tree, language, title, figure text). CI runs it, and an
operator can after changing fonts or system libraries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.certificates import certificate_pdf
from courses.models import Certificate
from lib.pdf_check import pdf_structure


class Command(BaseCommand):
    help = "Render a sample certificate PDF and check that it is tagged (PDF/UA): structure tree, /Lang and title."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Also write the sample PDF to this file.")

    def handle(self, *args, output: Path | None = None, **options):
        sample = Certificate(
            learner_name="Sample Learner",
            course_title="Signs of Safety: an introduction",
            issued_on=dt.date.today(),
            code="SAMPLE2345",
        )
        pdf = certificate_pdf(sample, "https://learning.example.org/learning/certificates/verify/SAMPLE2345/")
        if output:
            output.write_bytes(pdf)
        problems, tags = pdf_structure(pdf)
        if "Sample Learner" not in tags.get("/P", []):
            problems.append("the learner's name is not tagged text")
        if problems:
            raise CommandError("The certificate PDF is not accessible: " + "; ".join(problems) + ".")
        self.stdout.write(
            f"The certificate PDF is tagged: {len(pdf):,} bytes, /Lang en-GB, "
            f"{sum(len(found) for found in tags.values())} tagged elements, headings {tags.get('/H1', [])}."
        )
