"""Settings shared by every environment. Values that differ per installation come
from the environment (see README, "Konfiguration")."""

import os
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# `site/` holds templates and static files only; it is never imported (see STYLE.md).
SITE_DIR = BASE_DIR / "site"


def env(name: str, default: str | None = None) -> str | None:
    """Read one setting from the environment; empty strings count as unset."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "home",
    "regions",
    "events",
    "news",
    "criteria",
    "practice",
    "accessibility",
    "materials",
    "search",
    "editorial",  # after the content apps: its roles name their pages and snippets
    "ops",
    # Before wagtail.admin and wagtail_localize: its templates put the CSP nonce on
    # their inline scripts (security/csp.py).
    "security",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so cached pages carry them too (security/).
    "csp.middleware.CSPMiddleware",
    "security.middleware.SecurityHeadersMiddleware",
    # Page cache (ops/middleware.py): a hit is answered here, before sessions,
    # authentication or the database; stores the gzipped body and its ETag.
    "ops.middleware.PageCacheMiddleware",
    "ops.middleware.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the zero-set-up default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Autosave and a save or submit overlap: WAL lets readers go on while one
    # writes, IMMEDIATE takes the write lock when a transaction starts (no
    # deadlocking upgrade from a read lock), and a writer waits up to 20 s for
    # another instead of failing with "database is locked" (Django 5.2 options).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USING_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the source language, English the second locale.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# django-axes first: it refuses a locked-out login before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Members of a network group log in on the public site to see restricted results.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

WAGTAIL_SITE_NAME = "Gesunde Kommune"
# Slugs of new pages in ASCII, umlauts transliterated ("Rückblick" → "rueckblick",
# home/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_DOCUMENT_MODEL = "materials.Material"
# Every upload form: default collection and review state (materials/forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "materials.forms.MaterialForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always served through Django, so collection privacy is enforced.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Search (README, "Suche"). The database backend is always configured: it is the
# engine on SQLite (FTS5, no stemming) and PostgreSQL (the "german" text-search
# configuration), and the fallback when Elasticsearch is configured but unreachable.
# search/backends/database.py is modelsearch's database backend, which on
# PostgreSQL also fills the search's own table (search.models.SearchEntry).
DATABASE_SEARCH_BACKEND: dict = {"BACKEND": "search.backends.database"}
if USING_POSTGRES:
    DATABASE_SEARCH_BACKEND["SEARCH_CONFIG"] = "german"
# A search engine (README, "Suche auf einem Such-Cluster"): ELASTICSEARCH_URL names
# one node or, comma-separated, several nodes of a cluster (user:password@ in the
# URL for credentials, https:// for TLS, ELASTICSEARCH_CA_CERTS for a private CA);
# SEARCH_ENGINE is "opensearch" (search/backends/opensearch.py, what CI tests) or
# "elasticsearch" (search/backends/elasticsearch.py, Elasticsearch 9).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
SEARCH_ENGINE = env("SEARCH_ENGINE", "opensearch")
if SEARCH_ENGINE not in ("opensearch", "elasticsearch"):
    raise ImproperlyConfigured("SEARCH_ENGINE must be 'opensearch' or 'elasticsearch'.")
if ELASTICSEARCH_URL:
    ENGINE_OPTIONS: dict = {
        # A node that does not answer: the request goes to the next one.
        "max_retries": 2,
        "retry_on_timeout": True,
    }
    if env("ELASTICSEARCH_CA_CERTS"):
        ENGINE_OPTIONS["ca_certs"] = env("ELASTICSEARCH_CA_CERTS")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"search.backends.{SEARCH_ENGINE}",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "gesunde_kommune_"),
            "TIMEOUT": int(env("ELASTICSEARCH_TIMEOUT", "5")),
            "OPTIONS": ENGINE_OPTIONS,
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}
TAGGIT_CASE_INSENSITIVE = True

# Translations of live pages must not go live without moderation (see PRODUCT.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Editorial workflow (editorial/roles.py): every change is moderated, and an edit
# made while a page is in review sends it back to the first step.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "portal@example.org")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# --- Public base URL (issue #11) ------------------------------------------------
# One origin for everything that leaves the site with a full address: sitemap,
# RSS, canonical and hreflang links, robots.txt, iCalendar, e-mails. home/base_url.py
# writes it into the default Site record after every `migrate` (post_migrate), so
# Wagtail's full page URLs use it whatever Host header a request carries.
# Scheme, host and port only (no path); https needs port 443 (Wagtail's Site).
BASE_URL = (env("BASE_URL", "http://127.0.0.1:8000") or "").rstrip("/")
# Links in notification e-mails; its own variable only to override BASE_URL.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", BASE_URL)

# -- Background tasks (issue #11) ----------------------------------------------
# Two task backends (django-tasks, the backport of Django's tasks framework):
# "default" runs Wagtail's own tasks (reference index, image focal points, file
# deletion) at once, as Wagtail does without this setting; "background" stores
# tasks in the database (django-tasks-db: the database backend, which django-tasks
# 0.12 moved into a package of its own) for the worker, `make worker`
# (`manage.py db_worker --backend background`). Slow work on untrusted files goes
# there: PDF text extraction (materials/tasks.py).
INSTALLED_APPS.append("django_tasks_db")
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Limits of the child process that reads a PDF's text (materials/extract_worker.py):
# CPU time, address space, and wall-clock time after which the worker kills it.
PDF_EXTRACT_CPU_SECONDS = int(env("PDF_EXTRACT_CPU_SECONDS", "20"))
PDF_EXTRACT_MEMORY_MB = int(env("PDF_EXTRACT_MEMORY_MB", "512"))
PDF_EXTRACT_TIMEOUT_SECONDS = int(env("PDF_EXTRACT_TIMEOUT_SECONDS", "60"))

# --- Security (issue #11): CSP, Permissions-Policy, login lockout, reset limit ----
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402

# Content-Security-Policy (django-csp 4) on every response, the Wagtail admin
# included. Scripts: same origin, plus the per-request nonce, which appears in the
# header only on responses whose templates used it (security/csp.py); no
# 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': Wagtail's admin and
# wagtail-localize's editor set style attributes from their scripts and templates.
# frame-ancestors 'self': Wagtail's preview is a same-origin iframe.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Browser features the portal never uses (security/middleware.py).
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
)

# Login lockout (django-axes): 5 failures lock the account (from any address) and
# the address (for any account) for 15 minutes, at /admin/login/ and /de/anmelden/.
# Either alone leaves a hole: per account only, one address can try a common
# password on every account; per address only, a botnet can guess one account.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Failures are kept until the cool-off ends or an administrator lifts the lock; no
# record of every successful login with address and browser (data minimisation).
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
AXES_USERNAME_CALLABLE = "security.lockout.login_username"
# The client address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies (nginx: 1)
# the address the outermost proxy appended to X-Forwarded-For (security/client_ip.py).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "security.client_ip.client_ip"
# Password reset requests per client address and per e-mail address and hour.
PASSWORD_RESET_LIMIT = int(env("PASSWORD_RESET_LIMIT", "5"))
PASSWORD_RESET_WINDOW = 60 * 60
# Public submissions to the Praxisdatenbank (practice/submission_views.py): start
# requests (and link re-sends) per client address and per e-mail address and hour;
# the start form must have been open at least this many seconds (bots are faster).
PRACTICE_SUBMISSION_LIMIT = int(env("PRACTICE_SUBMISSION_LIMIT", "5"))
PRACTICE_SUBMISSION_WINDOW = 60 * 60
PRACTICE_SUBMISSION_MIN_SECONDS = int(env("PRACTICE_SUBMISSION_MIN_SECONDS", "5"))
# Retention (practice/retention.py, `manage.py purge_submissions`, daily timer):
# unconfirmed or abandoned drafts are deleted after ..._IDLE_DAYS without a change;
# the submitter's address and name are erased this many days after the decision.
PRACTICE_SUBMISSION_IDLE_DAYS = int(env("PRACTICE_SUBMISSION_IDLE_DAYS", "30"))
PRACTICE_SUBMISSION_RETENTION_DAYS = int(env("PRACTICE_SUBMISSION_RETENTION_DAYS", "180"))
# Barrier reports through the accessibility statement (accessibility/views.py):
# reports per client address (and per e-mail address, if given) and hour; the form
# must have been open at least this many seconds.
BARRIER_REPORT_LIMIT = int(env("BARRIER_REPORT_LIMIT", "5"))
BARRIER_REPORT_WINDOW = 60 * 60
BARRIER_REPORT_MIN_SECONDS = int(env("BARRIER_REPORT_MIN_SECONDS", "5"))
# Retention (accessibility/retention.py, `manage.py purge_barrier_reports`, daily
# timer): name and e-mail address are erased this many days after a report was
# marked done; every report is deleted this many days after it came in.
BARRIER_REPORT_CONTACT_DAYS = int(env("BARRIER_REPORT_CONTACT_DAYS", "30"))
BARRIER_REPORT_RETENTION_DAYS = int(env("BARRIER_REPORT_RETENTION_DAYS", "365"))
# No avatars from gravatar.com: the policy allows images from the site only, and
# editors' hashed e-mail addresses are not sent to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the admin ask releases.wagtail.org for new versions (connect-src 'self');
# updates come through pyproject.toml.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Cache, page cache and database faults (issue #11; ops/cache.py, ops/middleware.py,
# ops/purge.py, ops/faults.py; README "Betrieb") -------------------------------------
# Redis (Django's own backend, in ops/cache_backend.py made to answer a failure like a
# miss, for Wagtail's use of the cache too) when REDIS_URL is set: shared by every
# process, so a publish purges every process's pages. Short socket timeouts: a Redis
# that is down costs milliseconds, and is then left alone for a few seconds (pages
# are served uncached). Without REDIS_URL: an in-process cache (one process
# per installation; with several server processes a purge reaches only its own).
REDIS_URL = env("REDIS_URL")


def redis_cache(url: str) -> dict:
    """The cache settings for a Redis at ``url`` (tests use it for a Redis of their own)."""
    return {
        "BACKEND": "ops.cache_backend.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "gk"),
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "gesunde-kommune",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Anonymous pages stay this many seconds in the page cache (0: no page cache);
# every public change purges them earlier (ops/purge.py).
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
# How long browsers and proxies may keep an anonymous page without asking again
# (Cache-Control: public, max-age); they ask with ETag/Last-Modified afterwards.
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "60"))
# After a database restart, a persistent connection is checked before its first
# use in a request and replaced when dead: the site recovers by itself. A database
# that is down answers 503 with Retry-After (ops/faults.py), never 500.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if USING_POSTGRES:
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

# --- Demo content (issue #12) ------------------------------------------------
# The demo site's content as data files (demo/content/) with its loaders
# (manage.py load_demo_content, load_demo_states).
INSTALLED_APPS.append("demo")
