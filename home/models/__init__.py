"""Shared abstract parts, vocabularies and the home/standard pages.

Other apps import from here; this package names other apps' models only by
"app.Model" strings so imports flow one way."""

from .base import BasePage
from .pages import HomePage, StandardPage
from .vocabularies import (
    Bundesland,
    Handlungsfeld,
    Lebensphase,
    Schlagwort,
    SchlagwortTranslation,
    Zielgruppe,
)

__all__ = [
    "BasePage",
    "Bundesland",
    "Handlungsfeld",
    "HomePage",
    "Lebensphase",
    "Schlagwort",
    "SchlagwortTranslation",
    "StandardPage",
    "Zielgruppe",
]
