"""The public submission form (/de/praxisdatenbank/einreichen/)."""

from __future__ import annotations

from django.http import Http404


def start(index, request):
    raise Http404


def resume(index, request, token: str):
    raise Http404
