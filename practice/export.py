"""Open data: the public practice examples as CSV and JSON, and schema.org JSON-LD."""

from __future__ import annotations

from django.http import Http404


def csv_response(index, request):
    raise Http404


def json_response(index, request):
    raise Http404


def json_ld(page, request=None) -> dict | None:
    return None
