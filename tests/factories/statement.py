"""The accessibility statement (accessibility/) with its Schlichtungsstelle."""

from __future__ import annotations

import datetime as dt

from accessibility.models import AccessibilityStatementPage, Compliance

from .pages import BasePageFactory, paragraph, publish, translate


class AccessibilityStatementPageFactory(BasePageFactory):
    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    intro = "<p>Wie barrierefrei das Portal ist.</p>"
    body = paragraph("<p>Einige ältere PDF-Dokumente sind nicht barrierefrei.</p>")
    compliance = Compliance.PARTIALLY
    last_review = dt.date(2026, 3, 5)
    arbitration_name = "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (BGG)"
    arbitration_address = "Mauerstraße 53\n10117 Berlin"
    arbitration_url = "https://www.schlichtungsstelle-bgg.de"
    arbitration_email = "schlichtung@example.org"

    class Meta:
        model = AccessibilityStatementPage


def translate_statement(page: AccessibilityStatementPage) -> AccessibilityStatementPage:
    """The English statement (/en/accessibility/), published."""
    english = translate(page, "en")
    english.title = "Accessibility statement"
    english.slug = "accessibility"
    english.arbitration_name = "Arbitration body under the Disability Equality Act"
    return publish(english)
