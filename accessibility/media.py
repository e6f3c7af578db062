"""Media files for the development server (``make run``, DEBUG only) with HTTP
range requests.

Browsers fetch video in ranges (``Range: bytes=…``) to start quickly and to seek;
Django's ``django.views.static.serve`` always answers with the whole file. In
production nginx serves the videos itself, ranges included
(docs/deploy/nginx.conf, ``location /media/gebaerdensprache/``)."""

from __future__ import annotations

import re

from django.http import FileResponse, HttpRequest, HttpResponse
from django.views.static import serve

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """``(first, last)`` of a single ``bytes=`` range within ``size`` bytes; None
    when the header asks for no single satisfiable range."""
    match = RANGE.match(header.strip())
    if match is None or size == 0:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = int(last)
        return (max(size - length, 0), size - 1) if length else None
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    return (start, end) if start <= end and start < size else None


def serve_media(request: HttpRequest, path: str, document_root: str) -> HttpResponse:
    """``django.views.static.serve`` plus single byte ranges (206, or 416 when
    the range lies outside the file); every answer says ``Accept-Ranges: bytes``."""
    response = serve(request, path, document_root=document_root)
    if not isinstance(response, FileResponse) or response.status_code != 200:
        return response
    response["Accept-Ranges"] = "bytes"
    header = request.headers.get("Range")
    if not header:
        return response
    size = int(response["Content-Length"])
    wanted = byte_range(header, size)
    file = response.file_to_stream
    if wanted is None:
        file.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    start, end = wanted
    file.seek(start)
    data = file.read(end - start + 1)
    file.close()
    partial = HttpResponse(data, status=206, content_type=response["Content-Type"])
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Accept-Ranges"] = "bytes"
    partial["Last-Modified"] = response["Last-Modified"]
    return partial
