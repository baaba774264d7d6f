"""Media storage by setting: S3_BUCKET switches uploads to an S3-compatible
bucket through django-storages; bad values stop the start with a clear message."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured

from elearning.settings.storage import S3, libcloud_providers, media_storage


def test_without_a_bucket_uploads_stay_on_the_servers_disk(monkeypatch):
    monkeypatch.delenv("S3_BUCKET", raising=False)
    assert media_storage() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert libcloud_providers() == {}


def test_a_bucket_with_its_endpoint_and_credentials_switches_to_s3(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "council-learning-media")
    monkeypatch.setenv("S3_ENDPOINT_URL", "https://objects.example.org:9000")
    monkeypatch.setenv("S3_REGION", "eu-west-2")
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "AKIAEXAMPLE")
    monkeypatch.setenv("S3_SECRET_ACCESS_KEY", "secret")
    assert media_storage() == {"BACKEND": S3, "OPTIONS": {"provider_name": "media"}}
    assert libcloud_providers() == {
        "media": {
            "type": "libcloud.storage.types.Provider.S3",
            "user": "AKIAEXAMPLE",
            "key": "secret",
            "bucket": "council-learning-media",
            "region": "eu-west-2",
            "host": "objects.example.org",
            "port": 9000,
            "secure": True,
        }
    }


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("S3_BUCKET", "Not A Bucket!", "S3_BUCKET must be a bucket name"),
        ("S3_ENDPOINT_URL", "objects.example.org", "S3_ENDPOINT_URL must be an http"),
        ("S3_SECRET_ACCESS_KEY", "", "S3_SECRET_ACCESS_KEY must be set"),
    ],
)
def test_a_mistake_stops_the_start_naming_the_setting(monkeypatch, name, value, message):
    monkeypatch.setenv("S3_BUCKET", "council-learning-media")
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "AKIAEXAMPLE")
    monkeypatch.setenv("S3_SECRET_ACCESS_KEY", "secret")
    monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=message):
        libcloud_providers()


def test_the_deploy_check_reports_a_bucket_it_cannot_reach(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": S3, "OPTIONS": {"provider_name": "media"}}}
    settings.LIBCLOUD_PROVIDERS = {
        "media": {
            "type": "libcloud.storage.types.Provider.S3",
            "user": "AKIAEXAMPLE",
            "key": "secret",
            "bucket": "council-learning-media",
            "host": "127.0.0.1",
            "port": 9,  # nothing listens here
            "secure": False,
        }
    }
    errors = [e for e in run_checks(include_deployment_checks=True) if e.id == "home.E002"]
    assert len(errors) == 1 and "council-learning-media" in errors[0].msg


def test_the_deploy_check_is_silent_without_a_bucket():
    assert [e for e in run_checks(include_deployment_checks=True) if e.id == "home.E002"] == []
