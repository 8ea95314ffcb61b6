"""The text layer of a PDF with its layout kept (columns stay columns).

pypdf's layout mode keeps each text line's horizontal position as spaces, which is what lets the
parser read tables and "label above value" boxes. Nothing here looks at embedded XML: the local
engine reads only what a person sees on the page.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from bot.errors import ExtractionError

#: Fewer visible characters than this over the whole document means "no text layer".
MIN_TEXT_CHARS = 20


def page_texts(pdf: bytes, max_pages: int = 200) -> list[str]:
    """One layout-preserving string per page (at most ``max_pages``)."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = []
        for page in reader.pages[:max_pages]:
            pages.append(_page_text(page))
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ExtractionError(f"the file is not a readable PDF: {exc}") from exc
    return pages


def _page_text(page: object) -> str:
    """Layout text of one page; plain text when the layout pass fails on odd fonts or sees no
    text (it skips text drawn inside form XObjects, which plain mode reads): a page sent to OCR
    for want of it would be read worse."""
    try:
        text: str = page.extract_text(extraction_mode="layout")  # type: ignore[attr-defined]
    except (ValueError, KeyError, TypeError, ZeroDivisionError, IndexError):
        text = ""
    if text.strip():
        return text
    return page.extract_text()  # type: ignore[attr-defined]


def is_empty(pages: list[str]) -> bool:
    """True when the pages carry (almost) no text: a scan or an image-only PDF."""
    return sum(len("".join(p.split())) for p in pages) < MIN_TEXT_CHARS


def split_lines(pages: list[str]) -> list[tuple[int, str]]:
    """(page number, line) pairs without trailing spaces or blank lines."""
    out = []
    for number, page in enumerate(pages, start=1):
        for line in page.splitlines():
            line = line.rstrip().replace("\t", "    ")
            if line.strip():
                out.append((number, line))
    return out
