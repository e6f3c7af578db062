"""Plain text of uploaded PDFs, for search.

Runs only in the child process of materials/extract_worker.py (a background
task, with CPU-time and memory limits), never in a page request. Inside that,
it is bounded as well: at most MAX_PAGES pages, MAX_TEXT_CHARS characters and
MAX_SECONDS of work, checked between pages; whatever was read until then is kept
(a long report is still found by its first chapters). One page that alone takes
too long is what the child's CPU-time limit is for."""

import logging
import time
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

# Enough for any programme or documentation; bounds memory and index size.
MAX_TEXT_CHARS = 500_000
MAX_PAGES = 300
MAX_SECONDS = 10.0


class UnreadablePdf(Exception):
    """The file gives no text: it is encrypted (``encrypted``) or not a readable PDF."""

    def __init__(self, detail: str, *, encrypted: bool = False) -> None:
        super().__init__(detail)
        self.encrypted = encrypted


def without_running_lines(pages: list[str]) -> list[str]:
    """``pages`` without their running headers and footers: a line (as stripped)
    found on more than half of the pages, and on at least two, is layout, not
    content ("Gesunde Kommune - Materialien" atop every page). Lines that differ
    from page to page (page numbers) stay."""
    if len(pages) < 2:
        return pages
    seen = Counter()
    for page in pages:
        seen.update({line.strip() for line in page.splitlines() if line.strip()})
    running = {line for line, n in seen.items() if n >= 2 and n > len(pages) / 2}
    if not running:
        return pages
    return [
        "\n".join(line for line in page.splitlines() if line.strip() not in running)
        for page in pages
    ]


def extract_pdf_text(file) -> str:
    """The text of a PDF file object (read from its start); raises UnreadablePdf."""
    name = getattr(file, "name", "?")
    try:
        file.seek(0)
        reader = PdfReader(file)
        if reader.is_encrypted:
            logger.warning("PDF %s is encrypted; no text extracted for search", name)
            raise UnreadablePdf("encrypted", encrypted=True)
        parts: list[str] = []
        size = 0
        started = time.monotonic()
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_TEXT_CHARS or number >= MAX_PAGES:
                logger.info("PDF %s: text extraction stopped after %d pages", name, number)
                break
            if time.monotonic() - started > MAX_SECONDS:
                logger.warning(
                    "PDF %s: text extraction stopped after %d pages (%.0f s)",
                    name,
                    number,
                    MAX_SECONDS,
                )
                break
        return "\n".join(without_running_lines(parts))[:MAX_TEXT_CHARS].replace("\x00", "")
    except (PyPdfError, ValueError, OSError, KeyError, TypeError, RecursionError) as error:
        logger.warning("No text from PDF %s: %s", name, error)
        raise UnreadablePdf(f"{type(error).__name__}: {error}") from error
    finally:
        file.seek(0)
