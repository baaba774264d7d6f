"""Production: everything from the environment, nothing assumed.

SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL must be set; the process refuses
to start without them, naming the missing variable.
"""

from __future__ import annotations

from elearning.settings.base import *  # noqa: F403
from elearning.settings.env import env_list, env_str

env_str("DATABASE_URL", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must list the site's host names.")
DEBUG = False
