"""BITV 2.0 beyond WCAG: pages in Leichte Sprache and Deutsche Gebärdensprache,
the accessibility statement and the barriers reported through it."""

from .reports import BarrierReport, ReportStatus
from .statement import AccessibilityStatementPage, Compliance

__all__ = ["AccessibilityStatementPage", "BarrierReport", "Compliance", "ReportStatus"]
