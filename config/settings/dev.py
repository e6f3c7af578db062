"""Local development: `make run`. Never use on a public server."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret")  # noqa: S105 - dev settings only
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo loader prints demo credentials only where this is set.
DEMO_ACCOUNTS = True
