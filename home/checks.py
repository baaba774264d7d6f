"""Deploy checks about how the site is run (`manage.py check --deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


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
