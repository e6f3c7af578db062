"""Plain text of uploaded materials, for search. A broken or encrypted PDF gives
no text and a note in the log, never an error for the editor."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

# Enough for any programme or documentation; bounds memory and index size.
MAX_TEXT_CHARS = 500_000


def extract_pdf_text(file) -> str:
    """The text of a PDF file object (read from its start), or "" if unreadable."""
    try:
        file.seek(0)
        reader = PdfReader(file)
        if reader.is_encrypted:
            logger.info("PDF %s is encrypted; no text extracted", getattr(file, "name", "?"))
            return ""
        parts: list[str] = []
        size = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_TEXT_CHARS:
                break
        return "\n".join(parts)[:MAX_TEXT_CHARS].replace("\x00", "")
    except (PyPdfError, ValueError, OSError, KeyError, TypeError) as error:
        logger.warning("No text from PDF %s: %s", getattr(file, "name", "?"), error)
        return ""
    finally:
        file.seek(0)
