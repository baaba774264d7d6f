"""Where uploaded images and documents live: the local MEDIA_ROOT, or an
S3-compatible bucket (Amazon S3, MinIO, Ceph, a cloud provider's object
store) when S3_BUCKET is set, so every app server sees the same files.

Read from the environment and checked when the process starts; `manage.py
check --deploy` also asks the bucket whether it answers (home.E002)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from elearning.settings.env import env_int, env_str

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3 = "lib.s3_storage.S3CompatibleStorage"
# S3's rules for bucket names: 3-63 lower-case letters, digits, dots and hyphens.
BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


def media_storage() -> dict[str, Any]:
    """The STORAGES["default"] entry."""
    if not env_str("S3_BUCKET"):
        return dict(FILESYSTEM)
    return {"BACKEND": S3, "OPTIONS": {"provider_name": "media"}}


def libcloud_providers() -> dict[str, Any]:
    """The LIBCLOUD_PROVIDERS setting: the bucket, where it is, and the credentials."""
    bucket = env_str("S3_BUCKET")
    if not bucket:
        return {}
    if not BUCKET_NAME.match(bucket):
        raise ImproperlyConfigured(
            f"S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, dots, hyphens), not {bucket!r}."
        )
    key = env_str("S3_ACCESS_KEY_ID", required=True)
    secret = env_str("S3_SECRET_ACCESS_KEY", required=True)
    provider: dict[str, Any] = {
        "type": "libcloud.storage.types.Provider.S3",
        "user": key,
        "key": secret,
        "bucket": bucket,
        "region": env_str("S3_REGION", "us-east-1"),
    }
    endpoint = env_str("S3_ENDPOINT_URL")
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ImproperlyConfigured(f"S3_ENDPOINT_URL must be an http(s):// address, not {endpoint!r}.")
        provider["host"] = parts.hostname
        provider["port"] = parts.port or (443 if parts.scheme == "https" else 80)
        provider["secure"] = parts.scheme == "https"
    return {"media": provider}


def link_hours() -> int:
    return env_int("S3_LINK_HOURS", 1, minimum=1)
