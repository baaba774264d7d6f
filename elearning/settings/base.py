"""Base settings: safe for production as they stand.

`dev`, `test` and `production` only override. Everything that differs between
machines is read from the environment through `elearning.settings.env`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from elearning.settings.env import env_bool, env_int, env_list, env_str
from elearning.settings.storage import libcloud_providers, link_hours, media_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", required=True)
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Signs of Safety learning")
PARTNERSHIP_NAME = env_str("PARTNERSHIP_NAME", "Northbridge Safeguarding Children Partnership")

INSTALLED_APPS = [
    # Our apps first, so their templates win over the libraries' defaults.
    "home",
    "people",
    "matrix",
    "outbox",
    "privacy",
    "courses",
    "training",
    "scenarios",
    "impact",
    "django_tasks",
    "django_tasks_db",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "people.apps.WagtailUsersConfig",  # wagtail.users with the bounded user editor
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Field-level history of compliance records (who, from what, to what, when, why)
    "simple_history",
    # Sign-in
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.microsoft",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Names the signed-in editor on each history row it writes.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.middleware.NullCharacterMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.csp.SiteCSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "people.middleware.ProfileCompletionMiddleware",
    "people.middleware.AdminMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "privacy.middleware.AuditMiddleware",
    "privacy.middleware.NoStoreForSignedInMiddleware",
]

# The reason an administrator gives for a change can be longer than 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
# Wagtail's admin shows its own history; the Django admin's history pages are not used.
SIMPLE_HISTORY_REVERT_DISABLED = True

ROOT_URLCONF = "elearning.urls"
WSGI_APPLICATION = "elearning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_context",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
# SQLite by default so a newcomer needs nothing else; PostgreSQL when
# DATABASE_URL is set. Persistent connections matter on PostgreSQL: without
# them a Wagtail page was about three times slower on this stack.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers carry on while one writer writes; IMMEDIATE takes
        # the write lock at the start of a transaction, so two bookings for
        # the same last place queue up instead of failing half-way.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "people.User"

# --- Cache ------------------------------------------------------------------


def cache_prefix(database_url: str) -> str:
    """Keys name the database they were computed from, so two databases
    sharing one cache (development and benchmarks, two sites on one Redis)
    never read each other's values."""
    return "elearning-" + hashlib.sha256(database_url.encode()).hexdigest()[:10]


REDIS_URL = env_str("REDIS_URL")
# How many app servers run this site: more than one needs REDIS_URL (a deploy check says so).
APP_SERVERS = env_int("APP_SERVERS", 1, minimum=1)
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
if REDIS_URL:
    # Shared by every app server. Sessions are read from the cache and written
    # through to the database, so a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": cache_prefix(DATABASE_URL),
        }
    }
else:
    # One server without Redis: a cache in files, shared by all its worker
    # processes, so a completion, an editor's change or a rate limit seen by
    # one worker is seen by all (a per-process memory cache would keep stale
    # figures in the others). Several servers need REDIS_URL.
    CACHES = {
        "default": {
            "BACKEND": "lib.file_cache.BoundedFileCache",
            "LOCATION": env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "KEY_PREFIX": cache_prefix(DATABASE_URL),
            "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_EVERY": 100},
        }
    }

# --- Authentication -----------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Wagtail's admin and private pages send people to the same sign-in page;
# their own sign-in, password reset and password change are switched off.
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# The admin's user editor sets no passwords: a password is set only through
# allauth, behind email confirmation, two-step sign-in and the rate limits.
WAGTAILUSERS_PASSWORD_ENABLED = False
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_ADAPTER = "people.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    name: f"people.forms.{form}"
    for name, form in [
        ("login", "LoginForm"),
        ("signup", "SignupForm"),
        ("add_email", "AddEmailForm"),
        ("change_password", "ChangePasswordForm"),
        ("set_password", "SetPasswordForm"),
        ("reset_password", "ResetPasswordForm"),
        ("reset_password_from_key", "ResetPasswordKeyForm"),
        ("reauthenticate", "ReauthenticateForm"),
    ]
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
SOCIALACCOUNT_ADAPTER = "people.adapters.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_ONLY = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Everyone who can enter the Wagtail admin must use an authenticator app.
ADMIN_MFA_REQUIRED = env_bool("ADMIN_MFA_REQUIRED", True)
# `load_demo` makes accounts that share one published password: only where
# nobody real signs in (development, tests, benchmarks, a training copy).
DEMO_CONTENT_ALLOWED = env_bool("DEMO_CONTENT_ALLOWED", False)

# Microsoft Entra ID single sign-on: switched on by configuration alone.
ENTRA_CLIENT_ID = env_str("ENTRA_CLIENT_ID")
ENTRA_ENABLED = bool(ENTRA_CLIENT_ID)
SOCIALACCOUNT_PROVIDERS: dict[str, dict[str, object]] = {}
if ENTRA_ENABLED:
    SOCIALACCOUNT_PROVIDERS["microsoft"] = {
        "APPS": [
            {
                "client_id": ENTRA_CLIENT_ID,
                "secret": env_str("ENTRA_CLIENT_SECRET", required=True),
                "settings": {"tenant": env_str("ENTRA_TENANT_ID", required=True)},
            }
        ]
    }

# --- Sessions and security ------------------------------------------------------
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60, minimum=300)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies of ours stand in front of the site (a load balancer: 1; a
# CDN and a load balancer: 2). The client is the X-Forwarded-For entry that
# many places from the right; 0 uses the connection's own address. Rate
# limits and the audit log both read it (lib/client_ip.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
# Or a header in which the proxy puts the client's address (X-Real-IP, CF-Connecting-IP).
TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER") or None
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_CLIENT_IP_HEADER
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# A strict Content Security Policy: no inline script anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Privacy ---------------------------------------------------------------------
# Accounts with no sign-in, learning or booking for this long lose their personal
# data (`manage.py apply_retention`, daily). Three years by default.
RETENTION_INACTIVE_DAYS = env_int("RETENTION_INACTIVE_DAYS", 3 * 365, minimum=30)
# Evaluation answers and before-and-after figures for a group smaller than this
# are not shown, so nobody can be picked out from them (docs/impact.md).
IMPACT_MIN_GROUP = env_int("IMPACT_MIN_GROUP", 3, minimum=2)
# Book, cancel and answer offers: at most this many times a minute per person.
BOOKING_ACTIONS_PER_MINUTE = env_int("BOOKING_ACTIONS_PER_MINUTE", 20, minimum=1)

# --- Internationalisation ---------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Compiled by `make static` from static_src/ and the govuk-frontend npm package.
    BASE_DIR / "build" / "static",
]
STORAGES = {
    # MEDIA_ROOT, or an S3-compatible bucket when S3_BUCKET is set (elearning/settings/storage.py).
    "default": media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
LIBCLOUD_PROVIDERS = libcloud_providers()
S3_LINK_HOURS = link_hours()
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

# --- Email ---------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Signs of Safety learning <learning@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail server that stops answering must not hold a worker for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)

# Background tasks (django-tasks). Email goes out through the "outbox" backend:
# stored in the database and sent by `manage.py db_worker --backend outbox`, a
# process of its own beside the web server (docs/architecture.md, "Email").
# Wagtail's own tasks (search index, references) keep running in the request,
# as they always have here.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["email"]},
}

# --- Learning record store (xAPI) ----------------------------------------------------
# Unset: no statements are queued. Set: each completion, certificate, scenario
# result and attendance is queued as an xAPI statement and sent by
# `manage.py send_outbox`, retried like email (docs/integrations.md).
XAPI_ENDPOINT = env_str("XAPI_ENDPOINT").rstrip("/")
XAPI_KEY = env_str("XAPI_KEY", required=bool(XAPI_ENDPOINT))
XAPI_SECRET = env_str("XAPI_SECRET", required=bool(XAPI_ENDPOINT))
XAPI_ACTOR = env_str("XAPI_ACTOR", "email")
if XAPI_ACTOR not in {"email", "account"}:
    raise ImproperlyConfigured(f"XAPI_ACTOR must be email or account, not {XAPI_ACTOR!r}.")
if XAPI_ENDPOINT and not XAPI_ENDPOINT.startswith(("https://", "http://")):
    raise ImproperlyConfigured(f"XAPI_ENDPOINT must be an http(s):// address, not {XAPI_ENDPOINT!r}.")
XAPI_TIMEOUT = env_int("XAPI_TIMEOUT", 10, minimum=1)

# --- Wagtail ------------------------------------------------------------------------
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "txt", "csv"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from an outside service: staff details stay on our servers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Logging: one JSON object a line, to standard error ------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "home.logging.JSONFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"level": "WARNING"},
        # WeasyPrint logs each step of every certificate at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Training reminders (manage.py refresh_matrix, daily) --------------------------
# "Due soon" goes this many days before a deadline, "expiring" this many days
# before a completion runs out; "overdue" the day after either. The weekly
# digest for practice leads goes on this weekday (0 Monday ... 6 Sunday).
# Trainers and administrators are warned this many days before a licence ends.
REMINDER_DUE_SOON_DAYS = env_int("REMINDER_DUE_SOON_DAYS", 14, minimum=1)
REMINDER_EXPIRING_DAYS = env_int("REMINDER_EXPIRING_DAYS", 30, minimum=1)
REMINDER_DIGEST_WEEKDAY = env_int("REMINDER_DIGEST_WEEKDAY", 0, minimum=0)
LICENCE_WARNING_DAYS = env_int("LICENCE_WARNING_DAYS", 60, minimum=1)
