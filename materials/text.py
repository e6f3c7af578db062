"""Plain text of uploaded materials, for search. A broken or encrypted PDF gives
no text and a warning in the log, never an error for the editor.

Extraction runs while the editor saves, so it is bounded: at most MAX_PAGES
pages, MAX_TEXT_CHARS characters and MAX_SECONDS of work; whatever was read
until then is kept (a long report is still found by its first chapters)."""

import logging
import time

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

# Enough for any programme or documentation; bounds memory and index size.
MAX_TEXT_CHARS = 500_000
MAX_PAGES = 300
MAX_SECONDS = 10.0


def extract_pdf_text(file) -> str:
    """The text of a PDF file object (read from its start), or "" if unreadable."""
    name = getattr(file, "name", "?")
    try:
        file.seek(0)
        reader = PdfReader(file)
        if reader.is_encrypted:
            logger.warning("PDF %s is encrypted; no text extracted for search", name)
            return ""
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
        return "\n".join(parts)[:MAX_TEXT_CHARS].replace("\x00", "")
    except (PyPdfError, ValueError, OSError, KeyError, TypeError, RecursionError) as error:
        logger.warning("No text from PDF %s: %s", name, error)
        return ""
    finally:
        file.seek(0)
