"""Certificates: only the owner sees the page and PDF; anyone can verify a code."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest
from django.conf import settings
from django.urls import reverse

from courses.models import Certificate, CourseCompletion
from courses.services import issue_certificate
from lib.pdf_check import pdf_structure


@pytest.fixture
def certificate(course, new_staff):
    completion = CourseCompletion.objects.create(
        user=new_staff, course=course, course_title=course.title, completed_on=dt.date(2026, 10, 5), score_percent=100
    )
    return issue_certificate(completion)


def test_the_owner_sees_a_printable_certificate(client, certificate, new_staff):
    client.force_login(new_staff)
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "Sam Okafor" in page and certificate.course_title in page and "5 October 2026" in page
    assert certificate.display_code in page and certificate.get_verify_url() in page


def test_the_owner_downloads_a_pdf(client, certificate, new_staff):
    client.force_login(new_staff)
    response = client.get(certificate.get_pdf_url())
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_nobody_else_sees_the_certificate_or_its_pdf(client, certificate, practice_lead, training_admin, outsider):
    for other in (practice_lead, training_admin, outsider):
        client.force_login(other)
        assert client.get(certificate.get_absolute_url()).status_code == 404
        assert client.get(certificate.get_pdf_url()).status_code == 404
    client.logout()
    assert "/accounts/login/" in client.get(certificate.get_pdf_url())["Location"]


@pytest.mark.parametrize("transform", [str, str.lower, lambda c: f"  {c[:5]} - {c[5:]} "])
def test_anyone_can_verify_a_code_however_it_is_typed(client, certificate, transform):
    response = client.get(reverse("courses:verify"), {"code": transform(certificate.code)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is genuine" in page and "Sam Okafor" in page and "5 October 2026" in page


def test_the_code_in_the_address_verifies_too(client, certificate):
    assert "This certificate is genuine" in client.get(certificate.get_verify_url()).content.decode()


def test_a_wrong_code_gets_a_clear_message_not_an_error_page(client, certificate):
    response = client.get(reverse("courses:verify"), {"code": "ZZZZZ-ZZZZZ"})
    assert response.status_code == 200
    assert "We could not find a certificate with that code" in response.content.decode()
    assert "Sam Okafor" not in response.content.decode()
    assert "Enter the code printed" in client.get(reverse("courses:verify"), {"code": "  "}).content.decode()


def test_codes_are_unique_and_issued_once_per_completion(certificate):
    assert issue_certificate(certificate.completion) == certificate
    assert Certificate.objects.count() == 1
    assert len(certificate.code) == 10


def test_the_certificate_page_has_a_way_back(client, certificate, new_staff):
    client.force_login(new_staff)
    page = client.get(certificate.get_absolute_url()).content.decode()
    crumbs = page.split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/"' in crumbs and 'href="/courses/"' in crumbs
    assert certificate.course.url in crumbs


def test_the_pdf_states_its_language_title_author_and_subject(client, certificate, new_staff):
    client.force_login(new_staff)
    reader = pypdf.PdfReader(io.BytesIO(client.get(certificate.get_pdf_url()).content))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == f"Certificate: {certificate.course_title}"
    assert reader.metadata.author == settings.PARTNERSHIP_NAME
    assert reader.metadata.subject.startswith("Certificate of completion")


def test_the_pdf_is_tagged_with_headings_and_the_logo_described(client, certificate, new_staff):
    client.force_login(new_staff)
    pdf = client.get(certificate.get_pdf_url()).content
    problems, tags = pdf_structure(pdf)
    assert problems == []
    assert tags["/H1"] == ["Certificate of completion"]
    assert tags["/H2"] == [certificate.course_title]
    assert tags["/Figure"] == [f"{settings.PARTNERSHIP_NAME} logo"]
    metadata = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in metadata  # identifies itself as PDF/UA-1


def test_the_pdf_carries_the_learners_name_and_course_as_text(client, certificate, new_staff):
    client.force_login(new_staff)
    text = pypdf.PdfReader(io.BytesIO(client.get(certificate.get_pdf_url()).content)).pages[0].extract_text()
    assert "Sam Okafor" in text and certificate.course_title in text and "5 October 2026" in text
    assert certificate.display_code in text


def test_the_page_and_the_pdf_come_from_one_template(client, certificate, new_staff):
    client.force_login(new_staff)
    page = client.get(certificate.get_absolute_url())
    pdf = client.get(certificate.get_pdf_url())
    assert "courses/includes/certificate_body.html" in [t.name for t in page.templates]
    assert "courses/includes/certificate_body.html" in [t.name for t in pdf.templates]
    assert f'alt="{settings.PARTNERSHIP_NAME} logo"' in page.content.decode()


def test_a_name_that_looks_like_markup_is_printed_not_obeyed(client, certificate, new_staff):
    certificate.learner_name = '<img src="file:///etc/passwd"> Sam'
    certificate.save()
    client.force_login(new_staff)
    text = pypdf.PdfReader(io.BytesIO(client.get(certificate.get_pdf_url()).content)).pages[0].extract_text()
    assert '<img src="file:///etc/passwd"> Sam' in text
