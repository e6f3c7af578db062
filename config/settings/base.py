"""Settings shared by every environment. Values that differ per installation come
from the environment (see README, "Konfiguration")."""

import os
from pathlib import Path

import dj_database_url

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
    "materials",
    "search",
    "editorial",  # after the content apps: its roles name their pages and snippets
    "ops",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
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

# Members of a network group log in on the public site to see restricted results.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

WAGTAIL_SITE_NAME = "Gesunde Kommune"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
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
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        # search/backends/elasticsearch.py: modelsearch's Elasticsearch 9 backend
        # with a German analyser in the index settings.
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "gesunde_kommune_"),
            "TIMEOUT": 5,
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
