"""Shared abstract parts, vocabularies and the home/standard pages.

Other apps import from here; this package names other apps' models only by
"app.Model" strings so imports flow one way."""

from .base import BasePage
from .pages import HomePage, StandardPage
from .vocabularies import Bundesland, Schlagwort, SchlagwortTranslation

__all__ = [
    "BasePage",
    "Bundesland",
    "HomePage",
    "Schlagwort",
    "SchlagwortTranslation",
    "StandardPage",
]
