"""Django settings, read from the environment (docs/deployment.md lists every variable).

Safe by default: DEBUG off, a generated secret key, strict security headers. Production
mode (CROSSING_PRODUCTION=1) adds HSTS, secure cookies and trusts the proxy's HTTPS header."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from crossing.web.client_address import parse_trusted_proxies
from crossing.web.data_folder import make_folder
from crossing.web.environment import (
    TRUE,
    SettingError,
    content_dir,
    csv_list,
    data_dir,
    flag,
    megabytes,
    secret_key,
    whole_number,
)
from crossing.web.outbox.email_url import email_settings

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()
CONTENT_DIR = content_dir()

DEBUG = flag("CROSSING_DEBUG")
PRODUCTION = flag("CROSSING_PRODUCTION")
SECRET_KEY = secret_key(DATA_DIR)
ALLOWED_HOSTS = csv_list("CROSSING_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = csv_list("CROSSING_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Staff's admin (/admin/): its session cookie is set only when staff sign in.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crossing.web.journey",
    "crossing.web.outbox",
    "crossing.web.spam",
    "crossing.web.comments",
    "crossing.web.screenings",
    "crossing.web.events",
]

MIDDLEWARE = [
    # Pages carry no secret a BREACH attack could extract (readers get no session or CSRF
    # token), and compressed HTML matters on a slow phone; Django pads against BREACH anyway.
    "django.middleware.gzip.GZipMiddleware",
    "crossing.web.client_address.ForwardedHeadersFromProxiesOnly",
    # Once the scheme is known (a forged X-Forwarded-Proto dropped above): every later
    # reader of the host (the page cache, canonical links, the sitemap, the redirect to
    # HTTPS) sees one spelling of it (crossing/web/hosts.py).
    "crossing.web.hosts.CanonicalHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "crossing.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known: links in the page's language, `/` by Accept-Language.
    "crossing.web.languages.LocalizedLinksMiddleware",
    # Sessions and messages set a cookie only when used: by the admin, once staff sign in.
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "crossing.web.content_errors.ContentErrorMiddleware",
    # A page that needs the database when it is unavailable: a 503 page (issue 14, fault 8).
    "crossing.web.unavailable.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "crossing.web.urls"
WSGI_APPLICATION = "crossing.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "crossing.web.navigation.site",
                "crossing.web.languages.context",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "libraries": {"content": "crossing.web.content_tags", "json": "crossing.web.json_tags"},
        },
    }
]

# SQLite in the data folder unless DATABASE_URL names another database (PostgreSQL).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=whole_number("CROSSING_DB_CONN_MAX_AGE", 60, of="seconds"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. A transaction that read first and then writes cannot
    # wait for the lock ("database is locked" at once); one that takes it when it begins
    # waits its turn, up to the timeout (screenings' reservations under load, the worker).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set (shared by several app servers), else this process's memory.
if redis_url := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "crossing",
            # A Redis that does not answer must not hold requests: after a second the rate
            # limit counts in the process instead (crossing/web/rate_limit.py).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ko", "한국어")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
# One folder for both catalogues: the interface (domain django) and the engine's words
# (domain crossing, crossing/locales.py).
LOCALE_PATHS = [PACKAGE_DIR.parent / "locale"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Created now: WhiteNoise warns at every start if it is missing (make_folder says why it
# cannot be, naming the folder).
STATIC_ROOT = make_folder(DATA_DIR / "static")
# Hashed, compressed files in production; the plain finders otherwise, so that
# `crossing serve` needs no collectstatic step.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION  # edits to static files show on reload
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Security headers (the CSP is in crossing/web/security.py).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SECURE_HSTS_SECONDS = whole_number("CROSSING_HSTS_SECONDS", 365 * 24 * 3600, of="seconds")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = not flag("CROSSING_NO_SSL_REDIRECT")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# How many readers must have finished before the ending screen shows how others fared,
# and how many endings one reader may report per minute.
CROSSING_ENDING_MIN_READERS = whole_number("CROSSING_ENDING_MIN_READERS", 20, of="readers")
CROSSING_ENDING_RATE = whole_number("CROSSING_ENDING_RATE", 6, of="reports a minute")

# The reverse proxies whose X-Forwarded-For is believed, to find a reader's address
# (crossing/web/client_address.py); gunicorn believes their X-Forwarded-Proto. Nobody by default.
CROSSING_TRUSTED_PROXIES = parse_trusted_proxies(os.environ.get("CROSSING_TRUSTED_PROXIES", ""))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CROSSING_LOG_LEVEL", "INFO")},
}

# The site's public address (https://…), for canonical links, Open Graph and the sitemap;
# empty: the address a request came to. `crossing build` sets CROSSING_STATIC_EXPORT.
CROSSING_SITE_URL = os.environ.get("CROSSING_SITE_URL", "").strip()
CROSSING_STATIC_EXPORT = False
# `crossing serve --watch`: pages reload themselves when a content file changes.
CROSSING_WATCH = flag("CROSSING_WATCH")

# The most memory each process gives to the pages it keeps rendered (page_cache.py): about
# three times today's pages in both languages; the least recently served go first.
CROSSING_PAGE_CACHE_MB = megabytes("CROSSING_PAGE_CACHE_MB", 16)

# Staff passwords (`crossing staff add`) are checked as Django recommends.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Email and the outbox's worker (docs/deployment.md, "Email and the worker").
_email = email_settings(os.environ.get("CROSSING_EMAIL_URL", ""), mail_folder=DATA_DIR / "mail")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
DEFAULT_FROM_EMAIL = os.environ.get("CROSSING_EMAIL_FROM", "Crossing <crossing@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 20  # seconds; a mail server that hangs must not hold the worker
CROSSING_OUTBOX_MAX_TRIES = whole_number("CROSSING_OUTBOX_MAX_TRIES", 8, of="tries")
CROSSING_OUTBOX_RETRY_SECONDS = whole_number("CROSSING_OUTBOX_RETRY_SECONDS", 60, of="seconds")
CROSSING_OUTBOX_LEASE_SECONDS = whole_number("CROSSING_OUTBOX_LEASE_SECONDS", 120, of="seconds")
CROSSING_OUTBOX_KEEP_DAYS = whole_number("CROSSING_OUTBOX_KEEP_DAYS", 30, of="days")

# Spam defence for comments (crossing/web/spam/, docs/deployment.md "Spam"; issue 15).
CROSSING_SPAM_MIN_SECONDS = whole_number("CROSSING_SPAM_MIN_SECONDS", 3, of="seconds")
CROSSING_SPAM_MAX_HOURS = whole_number("CROSSING_SPAM_MAX_HOURS", 72, of="hours")
CROSSING_SPAM_LINKS_HELD_AT = whole_number("CROSSING_SPAM_LINKS_HELD_AT", 2, of="links")
CROSSING_COMMENT_MIN_CHARS = whole_number("CROSSING_COMMENT_MIN_CHARS", 2, of="characters")
CROSSING_COMMENT_MAX_CHARS = whole_number("CROSSING_COMMENT_MAX_CHARS", 5000, of="characters")
CROSSING_MODERATION_WORDS = csv_list("CROSSING_MODERATION_WORDS", "")
CROSSING_DISALLOWED_WORDS = csv_list("CROSSING_DISALLOWED_WORDS", "")
# The learning filter speaks once moderators taught it this many comments of each kind.
CROSSING_SPAM_FILTER_MIN_TRAINING = 10
CROSSING_SPAM_FILTER_THRESHOLD = 0.9
CROSSING_AKISMET_KEY = os.environ.get("CROSSING_AKISMET_KEY", "").strip()
CROSSING_AKISMET_URL = os.environ.get("CROSSING_AKISMET_URL", "").strip() or CROSSING_SITE_URL
if CROSSING_AKISMET_KEY and not CROSSING_AKISMET_URL.startswith(("http://", "https://")):
    raise SettingError(
        "CROSSING_AKISMET_KEY is set, and Akismet needs the site's address as registered with "
        "it: set CROSSING_AKISMET_URL (or CROSSING_SITE_URL) to it, starting with https://"
    )
CROSSING_AKISMET_TIMEOUT = whole_number("CROSSING_AKISMET_TIMEOUT", 2, of="seconds")

# Comments (crossing/web/comments/, docs/deployment.md "Comments"; issue 15). WordPress's
# "comment author must have a previously approved comment": on unless set to 0 / off.
CROSSING_COMMENTS_FIRST_HELD = (
    os.environ.get("CROSSING_COMMENTS_FIRST_HELD", "on").strip().lower() in TRUE
)
CROSSING_COMMENTS_FLOOD_SECONDS = whole_number("CROSSING_COMMENTS_FLOOD_SECONDS", 15, of="seconds")
CROSSING_COMMENTS_THREAD_DEPTH = whole_number("CROSSING_COMMENTS_THREAD_DEPTH", 5, of="levels")
CROSSING_COMMENTS_CLOSE_AFTER_DAYS = whole_number(
    "CROSSING_COMMENTS_CLOSE_AFTER_DAYS", 0, of="days"
)

# Moderation, reply emails and privacy for comments (crossing/web/comments/, docs/deployment.md
# "Comments: moderation, emails and privacy"; issue 15). Moderators are told of held comments
# at these addresses; none given: every active staff account that has an email address.
CROSSING_MODERATOR_EMAILS = csv_list("CROSSING_MODERATOR_EMAILS", "")
# Comments in spam or in the trash for this many days are deleted for good (WordPress's 30).
CROSSING_COMMENTS_PURGE_DAYS = whole_number("CROSSING_COMMENTS_PURGE_DAYS", 30, of="days")

# Webmentions (crossing/web/comments/webmentions.py, docs/deployment.md "Webmentions").
CROSSING_WEBMENTION_RATE = whole_number("CROSSING_WEBMENTION_RATE", 10, of="Webmentions a minute")
CROSSING_WEBMENTION_TIMEOUT = whole_number("CROSSING_WEBMENTION_TIMEOUT", 10, of="seconds")
CROSSING_WEBMENTION_MAX_KB = whole_number("CROSSING_WEBMENTION_MAX_KB", 1024, of="kilobytes")
# Fetch sources on private and loopback addresses too: for tests and closed networks only
# (on a public site it would let anyone make the server fetch from inside its network).
CROSSING_WEBMENTION_ALLOW_PRIVATE = flag("CROSSING_WEBMENTION_ALLOW_PRIVATE")

# Screenings on demand (crossing/web/screenings/, docs/screenings.md; issue 16). Seats are
# held this long for a reader to follow the link in their email; a reservation takes at most
# this many tickets; after a failed charge, the person has this long to pay.
CROSSING_SCREENINGS_HOLD_HOURS = whole_number("CROSSING_SCREENINGS_HOLD_HOURS", 24, of="hours")
CROSSING_SCREENINGS_MAX_TICKETS = whole_number("CROSSING_SCREENINGS_MAX_TICKETS", 10, of="tickets")
CROSSING_SCREENINGS_PAY_HOURS = whole_number("CROSSING_SCREENINGS_PAY_HOURS", 48, of="hours")
# How tickets are paid: "venue" (the default: at the door, or free; nothing online) or
# "stripe" (a card saved when reserving, charged when the threshold is reached).
CROSSING_SCREENINGS_PAYMENTS = os.environ.get("CROSSING_SCREENINGS_PAYMENTS", "venue").strip()
if CROSSING_SCREENINGS_PAYMENTS not in ("venue", "stripe"):
    raise SettingError(
        f"CROSSING_SCREENINGS_PAYMENTS={CROSSING_SCREENINGS_PAYMENTS!r}: write venue (pay at "
        "the door, the default) or stripe (docs/screenings.md)"
    )
# Stripe (crossing/web/screenings/payments/stripe.py, docs/screenings-stripe.md): the secret
# API key, the webhook endpoint's signing secret, and the API's address (tests and the load
# harness point it at bench/_fake_stripe.py). Requests time out, and are tried again (with
# the same idempotency key) this many times before the outbox tries the job again later.
CROSSING_STRIPE_SECRET_KEY = os.environ.get("CROSSING_STRIPE_SECRET_KEY", "").strip()
CROSSING_STRIPE_WEBHOOK_SECRET = os.environ.get("CROSSING_STRIPE_WEBHOOK_SECRET", "").strip()
CROSSING_STRIPE_API_BASE = (
    os.environ.get("CROSSING_STRIPE_API_BASE", "").strip().rstrip("/") or "https://api.stripe.com"
)
CROSSING_STRIPE_TIMEOUT = whole_number("CROSSING_STRIPE_TIMEOUT", 20, of="seconds")
CROSSING_STRIPE_RETRIES = whole_number("CROSSING_STRIPE_RETRIES", 2, of="tries")
if CROSSING_SCREENINGS_PAYMENTS == "stripe":
    _missing = [
        name
        for name, value in (
            ("CROSSING_STRIPE_SECRET_KEY", CROSSING_STRIPE_SECRET_KEY),
            ("CROSSING_STRIPE_WEBHOOK_SECRET", CROSSING_STRIPE_WEBHOOK_SECRET),
        )
        if not value
    ]
    if _missing:
        raise SettingError(
            "CROSSING_SCREENINGS_PAYMENTS=stripe needs " + " and ".join(_missing) + ": the "
            "secret key (sk_live_… or sk_test_…) from the Stripe dashboard's API keys, and the "
            "signing secret (whsec_…) of the webhook endpoint (docs/screenings-stripe.md)"
        )
    if not CROSSING_STRIPE_API_BASE.startswith(("http://", "https://")):
        raise SettingError(
            f"CROSSING_STRIPE_API_BASE={CROSSING_STRIPE_API_BASE!r}: give an address starting "
            "with https://, or unset it for https://api.stripe.com"
        )
