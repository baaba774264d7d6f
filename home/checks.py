"""Deploy checks about how the site is run (`manage.py check --deploy`): the
shared cache, and the media bucket when uploads go to S3."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register

from elearning.settings.storage import S3


@register(Tags.caches, deploy=True)
def several_servers_share_redis(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """The file cache is shared by one server's workers only: with several app
    servers each would keep its own matrix figures, course tree and rate-limit
    counts, so one server's change would not be seen on the others."""
    servers = getattr(settings, "APP_SERVERS", 1)
    if servers > 1 and not getattr(settings, "REDIS_URL", None):
        return [
            Error(
                f"APP_SERVERS is {servers} but REDIS_URL is not set.",
                hint="Several app servers must share one Redis cache: set REDIS_URL (redis://host:6379/0).",
                id="home.E001",
            )
        ]
    return []


@register(Tags.compatibility, deploy=True)
def media_bucket_reachable(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """With S3_BUCKET set, the bucket must answer with these credentials:
    otherwise every upload would fail later, in front of an editor."""
    if settings.STORAGES["default"].get("BACKEND") != S3:
        return []
    from django.core.files.storage import storages

    bucket = settings.LIBCLOUD_PROVIDERS.get("media", {}).get("bucket", "")
    try:
        storage: Any = storages.create_storage(settings.STORAGES["default"])
        storage.check()
    except Exception as exc:  # noqa: BLE001 - any failure means uploads would fail
        return [
            Error(
                f"The media bucket {bucket!r} cannot be reached: {type(exc).__name__}: {exc}",
                hint="Check S3_BUCKET, S3_ENDPOINT_URL, S3_REGION and the credentials (docs/integrations.md).",
                id="home.E002",
            )
        ]
    return []
