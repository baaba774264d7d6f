"""Web security settings and behaviour not already covered by
home/tests/test_security_headers.py (CSP, nosniff, referrer,
framing, COOP, HSTS, secure cookies are tested there)."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_the_deployment_checklist_is_clean_in_production_settings(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "learning.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "EMAIL_HOST": "smtp.example.org",
        "DEFAULT_FROM_EMAIL": "learning@example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_with_a_weak_secret_key(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
        "SECRET_KEY": "short",
        "ALLOWED_HOSTS": "learning.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "EMAIL_HOST": "smtp.example.org",
        "DEFAULT_FROM_EMAIL": "learning@example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_passwords_are_hashed_with_argon2_in_every_real_setting():
    from elearning.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_a_stored_password_is_an_argon2_hash(settings, django_user_model):
    from elearning.settings import base

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    user = django_user_model.objects.create_user(
        username="hash", email="hash@example.org", password="a-long-pass-phrase"
    )
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password("a-long-pass-phrase")


def test_sessions_last_a_working_day_and_cookies_are_not_readable_by_script():
    from elearning.settings import base

    assert 0 < base.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert base.SESSION_COOKIE_HTTPONLY and base.SESSION_COOKIE_SAMESITE == "Lax"
    assert base.CSRF_COOKIE_SECURE and base.SESSION_COOKIE_SECURE


@pytest.mark.django_db
def test_a_session_expires_after_the_session_age(client, new_staff, home_page, settings):
    start = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        client.force_login(new_staff)
        assert client.get(reverse("people:profile")).status_code == 200
    with time_machine.travel(start + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60), tick=False):
        assert client.get(reverse("people:profile")).status_code == 200
    with time_machine.travel(start + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60), tick=False):
        response = client.get(reverse("people:profile"))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- Uploads -------------------------------------------------------------------------------

HTML_AS_PNG = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), [("photo.png", HTML_AS_PNG), ("photo.svg", SVG_WITH_SCRIPT)])
def test_the_image_upload_refuses_a_file_that_is_not_really_an_image(name, content):
    from wagtail.images import get_image_model
    from wagtail.images.forms import get_image_form
    from wagtail.models import Collection

    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    form_class = get_image_form(get_image_model())
    form = form_class(
        data={"title": "Not an image", "collection": root.pk},
        files={"file": SimpleUploadedFile(name, content, content_type="image/png")},
    )
    assert not form.is_valid()
    assert "file" in form.errors


def test_image_uploads_are_size_limited():
    from elearning.settings import base

    assert base.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert base.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024


def test_uploaded_documents_are_served_as_downloads_not_pages():
    from elearning.settings import base

    # serve_view sends Content-Disposition: attachment; html is not an allowed extension.
    assert base.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert not {"html", "htm", "svg", "js", "xhtml"} & set(base.WAGTAILDOCS_EXTENSIONS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("staff.csv", bytes(range(256)) * 40),
        ("staff.xlsx", b"PK\x03\x04" + b"\x00\xff" * 500),
        ("staff.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200),
        ("staff.html", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_the_matrix_import_refuses_a_binary_or_wrong_file_with_a_message(
    client, training_admin, home_page, name, content
):
    from matrix.models import ImportBatch

    client.force_login(training_admin)
    response = client.post(reverse("matrix:import_upload", args=["staff"]), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code in (200, 400)
    assert "govuk-error-message" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_the_matrix_import_refuses_a_file_over_the_size_limit(client, training_admin, home_page, settings):
    from matrix.models import ImportBatch
    from matrix.tabular import MAX_BYTES

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_BYTES * 2
    client.force_login(training_admin)
    big = b"email,first_name,last_name\n" + b"a@b.c,A,B\n" * (MAX_BYTES // 10 + 10)
    response = client.post(
        reverse("matrix:import_upload", args=["staff"]), {"file": SimpleUploadedFile("big.csv", big)}
    )
    assert "too big" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"answer=before%00after", "application/x-www-form-urlencoded"),
        (b'{"answer": "before\\u0000after"}', "application/json"),
    ],
)
def test_a_nul_character_is_refused_with_a_message_before_any_view_saves_it(
    client, new_staff, home_page, body, content_type
):
    # PostgreSQL cannot store NUL in text: without this every free-text field answered 500 there.
    client.force_login(new_staff)
    response = client.post(reverse("privacy:delete"), data=body, content_type=content_type)
    assert response.status_code == 400
    assert "null character" in response.content.decode()
    assert client.get(reverse("matrix:mine"), {"q": "a\x00b"}).status_code == 400


@pytest.mark.django_db
def test_an_upload_may_contain_nul_bytes_but_its_text_fields_may_not(client, training_admin, home_page):
    client.force_login(training_admin)
    upload = SimpleUploadedFile("staff.csv", b"email\x00,name\n")
    response = client.post(reverse("matrix:import_upload", args=["staff"]), {"file": upload})
    assert response.status_code != 400 or "null character" not in response.content.decode()
    upload = SimpleUploadedFile("staff.csv", b"email,name\n")
    response = client.post(reverse("matrix:import_upload", args=["staff"]), {"file": upload, "note": "x\x00"})
    assert response.status_code == 400
