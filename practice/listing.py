"""The list of practice examples: filters and pagination (PracticeIndexPage)."""

from __future__ import annotations


def list_context(index, request) -> dict:
    from .models import PracticePage

    return {"examples": PracticePage.listing_queryset(index.locale).child_of(index)}
