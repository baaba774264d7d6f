"""The certificate as a tagged, accessible one-page PDF (PDF/UA-1), made by
WeasyPrint from the same template as the certificate page."""

from __future__ import annotations

import base64
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from courses.models import Certificate

LOGO = "images/logo.svg"
STYLESHEET = "css/certificate-pdf.css"


def _static_file(name: str) -> Path:
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(f"The static file {name} is missing: the certificate PDF needs it.")
    return Path(found)


def logo_data_uri() -> str:
    """The logo travels inside the HTML, so rendering fetches nothing."""
    encoded = base64.b64encode(_static_file(LOGO).read_bytes()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    # Imported here: WeasyPrint parses its stylesheets on import, which every
    # process start (and every manage.py command) would otherwise pay for.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        "courses/certificate_document.html",
        {
            "certificate": certificate,
            "verify_url": verify_url,
            "logo_src": logo_data_uri(),
            "PARTNERSHIP_NAME": settings.PARTNERSHIP_NAME,
        },
    )
    # Only data: URLs may be fetched: a learner's name or a course title can
    # never make the server read a local file or call another host.
    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=html, url_fetcher=fetcher)
    stylesheet = CSS(filename=str(_static_file(STYLESHEET)), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1", pdf_tags=True)
