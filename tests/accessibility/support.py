"""Helpers for the tests of the accessibility statement and its barrier report:
the editorial site (de + en, roles, one user per role) with the statement in both
languages; a report as a browser sends it."""

from __future__ import annotations

import time

from django.core import signing

from accessibility.forms import STAMP_SALT
from tests.editorial.site import build_editorial_site
from tests.factories import StandardPageFactory
from tests.factories.accessibility import AccessibilityStatementPageFactory, translate_statement

STATEMENT = "/de/barrierefreiheit/"
STATEMENT_EN = "/en/accessibility/"
THANKS = "/de/barrierefreiheit/danke/"
THANKS_EN = "/en/accessibility/thank-you/"
VISITOR = "besucherin@example.org"


def statement_site():
    """build_editorial_site() plus the statement (de, en) and a content page."""
    site = build_editorial_site()
    site.statement = AccessibilityStatementPageFactory(parent=site.tree.home)
    site.statement_en = translate_statement(site.statement)
    site.vision = StandardPageFactory(parent=site.tree.home, title="Unsere Vision", slug="vision")
    return site


def stamp(seconds_ago: float = 60) -> str:
    """A report form's time stamp, signed as if shown ``seconds_ago``."""
    return signing.dumps(time.time() - seconds_ago, salt=STAMP_SALT)


def report_data(**extra) -> dict:
    return {
        "description": "Das Menü lässt sich mit der Tastatur nicht öffnen.",
        "page_address": "/de/veranstaltungen/",
        "name": "",
        "email": "",
        "website": "",
        "stamp": stamp(),
        **extra,
    }
