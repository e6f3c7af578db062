"""A practice example's profile across the 12 criteria (page, chart, table)."""

from __future__ import annotations


def page_context(page, request) -> dict:
    return {}
