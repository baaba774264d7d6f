"""Certificates: only the owner sees the page and PDF; anyone can verify a code."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from courses.models import Certificate, CourseCompletion
from courses.services import issue_certificate


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
    pdf = client.get(certificate.get_pdf_url()).content
    assert b"/Lang (en-GB)" in pdf
    assert f"/Title (Certificate: {certificate.course_title})".encode() in pdf
    assert b"/Author (" in pdf and b"/Subject (Certificate" in pdf
    assert b"/DisplayDocTitle true" in pdf
