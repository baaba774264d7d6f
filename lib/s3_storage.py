"""Uploads in an S3-compatible bucket through django-storages' libcloud
backend (apache-libcloud speaks S3 without botocore, whose pins would clash
with ours). Amazon S3 by region, or any S3-compatible service (MinIO, Ceph, a
cloud provider's object store) at its own address. Links are signed and
expire, so the bucket stays private."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.deconstruct import deconstructible
from libcloud.storage.providers import get_driver
from libcloud.storage.types import Provider
from storages.backends.apache_libcloud import LibCloudStorage


@deconstructible
class S3CompatibleStorage(LibCloudStorage):  # type: ignore[misc]
    def __init__(self, provider_name: str | None = None, option: Any = None) -> None:
        provider = settings.LIBCLOUD_PROVIDERS.get(provider_name or "media") or {}
        if not provider.get("host"):
            super().__init__(provider_name or "media", option)
            return
        self.provider = provider
        self.driver = get_driver(Provider.MINIO)(
            provider["user"],
            provider["key"],
            host=provider["host"],
            port=provider.get("port"),
            secure=provider.get("secure", True),
        )
        self.bucket = provider["bucket"]

    def url(self, name: str) -> str | None:
        obj = self._get_object(name)
        if not obj:
            return None
        # The S3 drivers sign the link; their signature takes the expiry in hours.
        return self.driver.get_object_cdn_url(obj, ex_expiry=settings.S3_LINK_HOURS)  # type: ignore[call-arg]

    def check(self) -> None:
        """Raises when the bucket cannot be reached with these credentials."""
        self.driver.get_container(self.bucket)
