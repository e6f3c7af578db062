"""BITV 2.0 beyond WCAG: pages in Leichte Sprache and Deutsche Gebärdensprache,
the accessibility statement and the barriers reported through it."""

from .easy_read import EasyReadPage, GermanOnlyPageMixin
from .sign_language import SignLanguagePage, SignLanguageVideo

__all__ = ["EasyReadPage", "GermanOnlyPageMixin", "SignLanguagePage", "SignLanguageVideo"]
