"""Where uploaded images and documents live: the local MEDIA_ROOT, or an
S3-compatible bucket (AWS S3, MinIO, Ceph, a cloud provider's object store)
when S3_BUCKET is set, so every app server sees the same files.

Read from the environment and checked when the process starts; `manage.py
check --deploy` also asks the bucket whether it can be reached."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from elearning.settings.env import env_bool, env_str

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3 = "storages.backends.s3.S3Storage"
# S3's rules for bucket names: 3-63 lower-case letters, digits, dots and hyphens.
BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


def media_storage() -> dict[str, Any]:
    bucket = env_str("S3_BUCKET")
    if not bucket:
        return dict(FILESYSTEM)
    if not BUCKET_NAME.match(bucket):
        raise ImproperlyConfigured(
            f"S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, dots, hyphens), not {bucket!r}."
        )
    endpoint = env_str("S3_ENDPOINT_URL")
    if endpoint and not endpoint.startswith(("https://", "http://")):
        raise ImproperlyConfigured(f"S3_ENDPOINT_URL must be an http(s):// address, not {endpoint!r}.")
    key, secret = env_str("S3_ACCESS_KEY_ID"), env_str("S3_SECRET_ACCESS_KEY")
    if bool(key) != bool(secret):
        raise ImproperlyConfigured(
            "Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (to use the server's role)."
        )
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "location": env_str("S3_PREFIX", "media").strip("/"),
        # Private by default: files are served through signed, expiring links.
        "default_acl": None,
        "querystring_auth": env_bool("S3_SIGNED_URLS", True),
        "querystring_expire": 3600,
        "file_overwrite": False,
    }
    if endpoint:
        options["endpoint_url"] = endpoint
    if region := env_str("S3_REGION"):
        options["region_name"] = region
    if key:
        options["access_key"] = key
        options["secret_key"] = secret
    if domain := env_str("S3_CUSTOM_DOMAIN"):
        options["custom_domain"] = domain
    return {"BACKEND": S3, "OPTIONS": options}
