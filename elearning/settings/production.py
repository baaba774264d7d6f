"""Production: everything from the environment, nothing assumed.

SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, EMAIL_HOST and DEFAULT_FROM_EMAIL
must be set; the process refuses to start without them, naming the missing
variable, rather than failing on the first request that needs one.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from elearning.settings.base import *  # noqa: F403
from elearning.settings.env import env_list, env_str

env_str("DATABASE_URL", required=True)
env_str("EMAIL_HOST", required=True)
env_str("DEFAULT_FROM_EMAIL", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must list the site's host names.")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-only", "test-only")):  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be a random value of at least 50 characters, kept secret.")
DEBUG = False
