"""Settings for the portal, read from environment variables (see .env.example).

Development (DJANGO_DEBUG=1) has safe defaults; production values have none, so a
missing one stops the server at start with a message that names it.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")


def required(name, dev_default):
    """Return the variable, a development default in debug, or fail in production."""
    value = os.environ.get(name)
    if value:
        return value
    if DEBUG:
        return dev_default
    raise ImproperlyConfigured(
        f"{name} must be set when DJANGO_DEBUG is off (see .env.example and the README)."
    )


SECRET_KEY = required("DJANGO_SECRET_KEY", "development-only-insecure-key")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or (
    ["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else []
)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The community's identity: configuration, never code.
SITE_NAME = required("SITE_NAME", "Accountability Community of Practice")
SITE_SHORT_NAME = env("SITE_SHORT_NAME", SITE_NAME)
SITE_OPERATOR = required("SITE_OPERATOR", "The coordinating organisation")
SITE_OPERATOR_URL = env("SITE_OPERATOR_URL", "")
SITE_CONTACT_EMAIL = required("SITE_CONTACT_EMAIL", "coordinators@example.org")
# The public address: links in emails and feeds. Production must name it (never 127.0.0.1).
SITE_URL = required("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if urlparse(SITE_URL).scheme not in {"http", "https"} or not urlparse(SITE_URL).hostname:
    raise ImproperlyConfigured("SITE_URL must be an address such as https://community.example.org.")

INSTALLED_APPS = [
    # Before the admin, so translated fields get their tabs in the admin forms.
    "modeltranslation",
    "racop",
    "members",
    "members.notifications",
    "pledges",
    "pledges.feedback",
    "library",
    "discussions",
    "discussions.plan",
    # django.contrib.admin, with the site of racop/admin_site.py.
    "racop.apps.CommunityAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "taggit",
    "django_countries",
    "django_tasks_db",
]
SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "racop.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The API's HEAD and CORS preflight (its operations are declared for GET).
    "api.middleware.ApiMethodsMiddleware",
    # Pages compressed (whitenoise serves static files already compressed); see
    # docs/performance.md "Lighthouse" on why BREACH does not apply.
    "django.middleware.gzip.GZipMiddleware",
    # Visitors' pages from the shared cache, before sessions, locale, CSRF and the rest.
    "racop.pagecache.VisitorPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "racop.middleware.LanguagePreferenceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "racop.urls"
WSGI_APPLICATION = "racop.wsgi.application"
ASGI_APPLICATION = "racop.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "racop.context_processors.site",
            ],
        },
    }
]

# Database: DATABASE_URL, or the embedded PostgreSQL under .data/ in development.
DATABASE_URL = env("DATABASE_URL")
if not DATABASE_URL:
    if not DEBUG and not env_bool("RACOP_EMBEDDED_DB"):
        raise ImproperlyConfigured("DATABASE_URL must be set when DJANGO_DEBUG is off.")
    from racop.embedded_db import database_url

    DATABASE_URL = database_url()
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Fail fast while the database is away: pages answer 503 (racop.views.server_error) and
# the next request after it returns reconnects by itself.
DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
    "connect_timeout", int(env("DATABASE_CONNECT_TIMEOUT", "5"))
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis when REDIS_URL is set, the database otherwise. Sessions are
# always stored in the database (Redis only caches them), and the Redis cache answers
# as if empty while Redis is away: losing Redis loses speed, never logins or data.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "racop.cache_backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": float(env("REDIS_TIMEOUT", "0.5")),
                "socket_timeout": float(env("REDIS_TIMEOUT", "0.5")),
            },
            "DURABLE_CACHE": "durable",
        },
        # django-allauth's rate limits, kept in PostgreSQL so they hold while Redis is away.
        "durable": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "racop_cache",
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "racop_cache",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: email is the login, and it must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_SHORT_NAME}] "
# A member locked out by failed passwords (someone else's, perhaps) signs in with a code
# sent to their address. The code travels through the outgoing queue: ten minutes for it.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
# Adding, removing or changing an email address (or the password) asks for the password
# again (or a code), and the owner is told of each change by email.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Two-factor sign-in (allauth.mfa): an authenticator app with recovery codes, or a security
# key or passkey (WebAuthn, with allauth's own scripts, served as static files). Offered to
# every member; the back office asks staff for it (STAFF_REQUIRE_2FA, racop.admin_site),
# except in development, where the demo accounts sign in with a password alone.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = SITE_SHORT_NAME
# allauth leaves a security key's name unlabelled (Django would show "Name" in English).
MFA_FORMS = {
    "add_webauthn": "members.forms.SecurityKeyAddForm",
    "edit_webauthn": "members.forms.SecurityKeyEditForm",
}
# Plain http is a WebAuthn origin only in development (browsers allow localhost anyway).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", not DEBUG)

# Internationalisation: English is the source; the region's languages follow.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("sq", _("Albanian")),
    ("bs", _("Bosnian")),
    ("hr", _("Croatian")),
    ("mk", _("Macedonian")),
    ("cnr", _("Montenegrin")),
    ("sr-latn", _("Serbian (Latin)")),
    ("sr", _("Serbian (Cyrillic)")),
    ("tr", _("Turkish")),
]
# The portal's strings, then country names and django-allauth's strings in the languages
# those apps ship none for (racop/catalogs.py keeps them).
LOCALE_PATHS = [
    BASE_DIR / "locale",
    BASE_DIR / "racop" / "locale_countries",
    BASE_DIR / "racop" / "locale_allauth",
    # Django's own strings in Montenegrin, ijekavian (racop/ijekavian.py).
    BASE_DIR / "racop" / "locale_django",
]
# Date and number formats for the languages Django ships none for (Montenegrin).
FORMAT_MODULE_PATH = ["racop.formats"]
# Content coordinators write per language (django-modeltranslation): English is the
# source, and a missing translation shows the English text with a note.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The language of the emails to the coordinators' address (new applications, suggested
# resources), whoever's action caused them.
COORDINATORS_LANGUAGE = env("COORDINATORS_LANGUAGE", LANGUAGE_CODE)
if COORDINATORS_LANGUAGE not in dict(LANGUAGES):
    raise ImproperlyConfigured(
        f"COORDINATORS_LANGUAGE must be one of {', '.join(dict(LANGUAGES))}."
    )
TIME_ZONE = env("TIME_ZONE", "Europe/Belgrade")
USE_I18N = True
USE_TZ = True

# Static files: whitenoise, compressed and hashed in production.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_MAX_AGE = 0 if DEBUG else 31536000
# In development and tests, serve files straight from the app folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Uploaded files: local by default, S3-compatible storage when a bucket is configured.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / ".data" / "media")))
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": media_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}


# Email: the console in development, SMTP from EMAIL_URL in production.
def mailer_from_url(url):
    """Return a MAILERS entry for smtp://user:password@host:port/?tls=1 (or smtps://)."""
    parts = urlparse(url)
    if parts.scheme == "console":
        return {"BACKEND": "racop.console_mail.EmailBackend"}
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp://, smtps:// or console://.")
    query = parse_qs(parts.query)
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname or "localhost",
            "port": parts.port or (465 if parts.scheme == "smtps" else 587),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_ssl": parts.scheme == "smtps",
            "use_tls": parts.scheme == "smtp" and query.get("tls", ["1"])[0] != "0",
            "timeout": 20,
        },
    }


MAILERS = {"default": mailer_from_url(required("EMAIL_URL", "console://"))}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <{SITE_CONTACT_EMAIL}>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Reply by email: members answer thread notifications from their inbox. A mail relay or a
# provider's webhook posts each raw message to /inbound/email/ with the bearer token, or
# `manage.py read_maildir` reads a Maildir. Reply addresses are reply+<token>@<domain>.
INBOUND_EMAIL_ENABLED = env_bool("INBOUND_EMAIL_ENABLED", DEBUG)
INBOUND_EMAIL_DOMAIN = (
    env("INBOUND_EMAIL_DOMAIN") or urlparse(SITE_URL).hostname or "localhost"
).lower()
INBOUND_EMAIL_TOKEN = (
    required("INBOUND_EMAIL_TOKEN", "development-inbound-token")
    if INBOUND_EMAIL_ENABLED
    else env("INBOUND_EMAIL_TOKEN", "")
)
INBOUND_EMAIL_REPLY_DAYS = int(env("INBOUND_EMAIL_REPLY_DAYS", "90"))
INBOUND_EMAIL_MAX_MB = int(env("INBOUND_EMAIL_MAX_MB", "10"))
# The authserv-id of the relay that receives the replies (the first word of the
# Authentication-Results header it adds): only its DKIM/DMARC results count. Unset, every
# reply waits for the member to confirm it by a link.
INBOUND_EMAIL_AUTHSERV_ID = env("INBOUND_EMAIL_AUTHSERV_ID", "")

# Whole pages for visitors who are not logged in, shared by the app servers (0 turns it off).
VISITOR_PAGE_CACHE_SECONDS = int(env("VISITOR_PAGE_CACHE_SECONDS", "0" if DEBUG else "60"))

# The benchmarks' yardstick view (bench/run.py turns it on for the server it measures).
BENCHMARK_BARE_VIEW = env_bool("BENCH_BARE_VIEW", False)


# Background work (emails above all) is queued in PostgreSQL and run by `manage.py db_worker`;
# RACOP_TASKS_IMMEDIATE=1 runs tasks in the request instead (the tests do).
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"
        if env("RACOP_TASKS_IMMEDIATE", "")
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Security: strict in production; a Content-Security-Policy everywhere.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF token: forms carry it in a hidden field.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 63072000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    # __Host-: the browser accepts them only over HTTPS, for this host alone, on path /.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-language"

# Markdown written by people: what survives sanitising.
MARKDOWN_ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol",
    "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "pgserver": {"level": "WARNING"},
        # Django's own console handler (DEBUG only) would print each of its lines, the task
        # worker's included, a second time beside the root's.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# The library: the countries offered first in forms, and what uploads may be.
LIBRARY_COUNTRIES = env_list("LIBRARY_COUNTRIES", "AL,BA,HR,XK,ME,MK,RS,TR")
LIBRARY_UPLOAD_EXTENSIONS = env_list(
    "LIBRARY_UPLOAD_EXTENSIONS",
    "pdf,doc,docx,odt,xls,xlsx,ods,ppt,pptx,odp,png,jpg,jpeg,gif,webp,txt,csv,md",
)
# A search ranks and counts at most this many matches (the page says so when it applies).
LIBRARY_SEARCH_CAP = int(env("LIBRARY_SEARCH_CAP", "300"))
LIBRARY_UPLOAD_MAX_MB = int(env("LIBRARY_UPLOAD_MAX_MB", "25"))
# Countries: the Western Balkans and Turkey first, then every other country. No dashed line
# between them: it is an empty choice, so the list would open on it (or on Albania) instead
# of on "Choose a country".
COUNTRIES_FIRST = ["AL", "BA", "HR", "XK", "ME", "MK", "RS", "TR"]
# Kosovo has no ISO 3166-1 code yet; XK is the code the region uses.
COUNTRIES_OVERRIDE = {"XK": _("Kosovo")}

# Members: after email verification, applicants land on their application's status.
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"

# Rate limits (racop/ratelimit.py), counted in the cache that all app servers share.
# "count/period" with s, m, h or d; an action left out is not limited.
RATE_LIMITS = {
    # The admin's login page (racop.admin_site): every attempt counts.
    "login": env("RATE_LIMIT_LOGIN", "10/5m"),
    # Failed logins (members.adapters): from one address to any account; to one account from
    # one address; to one account from anywhere (a member refused signs in with a code).
    "login_failed_ip": env("RATE_LIMIT_LOGIN_FAILED_IP", "30/10m"),
    "login_failed_account_ip": env("RATE_LIMIT_LOGIN_FAILED_ACCOUNT_IP", "5/5m"),
    "login_failed_account": env("RATE_LIMIT_LOGIN_FAILED_ACCOUNT", "100/h"),
    "join": env("RATE_LIMIT_JOIN", "10/h"),
    "posting": env("RATE_LIMIT_POSTING", "30/10m"),
    "reporting": env("RATE_LIMIT_REPORTING", "10/h"),
    "searching": env("RATE_LIMIT_SEARCHING", "60/m"),
    # The public API (/api/v1/), every request, per client address.
    "api": env("RATE_LIMIT_API", "300/5m"),
}
# Behind a proxy, the header (WSGI form, e.g. HTTP_X_REAL_IP) that carries the client's
# address; it drives every limit, django-allauth's included (members.adapters).
RATE_LIMIT_CLIENT_IP_HEADER = env("RATE_LIMIT_CLIENT_IP_HEADER")
# django-allauth's own limits (in the cache). Logins that succeed are not limited (a room of
# forty on one Wi-Fi all get in); failed ones are counted above, in PostgreSQL.
ACCOUNT_RATE_LIMITS = {
    "login": None,
    "login_failed": None,
    "signup": "10/h/ip",
    "reset_password": "20/m/ip,5/m/key",
}
