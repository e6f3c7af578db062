"""BITV 2.0 beyond WCAG: pages in Leichte Sprache and Deutsche Gebärdensprache,
the accessibility statement and the barriers reported through it."""

from .easy_read import EasyReadPage, GermanOnlyPageMixin
from .reports import BarrierReport, ReportStatus
from .sign_language import SignLanguagePage, SignLanguageVideo
from .statement import AccessibilityStatementPage, Compliance

__all__ = [
    "AccessibilityStatementPage",
    "BarrierReport",
    "Compliance",
    "EasyReadPage",
    "GermanOnlyPageMixin",
    "ReportStatus",
    "SignLanguagePage",
    "SignLanguageVideo",
]
