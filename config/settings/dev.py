"""Local development: `make run`. Never use on a public server."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret")  # noqa: S105 - dev settings only
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo loader prints demo credentials only where this is set.
DEMO_ACCOUNTS = True
# No page cache while templates are being edited (runserver does not reload on a
# template change); PAGE_CACHE_SECONDS=300 tries it out (README, "Betrieb").
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0"))
