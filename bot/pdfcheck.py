"""The per-file checks of the contract: is it a PDF we can open, and not too big.

Runs before a file is accepted, so it must be cheap: pypdf opens the file lazily and counts pages.
It runs in a thread so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError

from bot.errors import FileRejected
from bot.files import SpooledFile

log = logging.getLogger(__name__)

#: ``%PDF-`` must appear within this many bytes of the start (some writers prepend junk)
MAGIC_WINDOW = 1024
#: opening a PDF and counting its pages takes milliseconds; a file that takes longer is hostile
OPEN_TIMEOUT_S = 30.0


def _mib(n: float) -> str:
    return f"{n / 1024 / 1024:.1f} MiB".replace(".0 MiB", " MiB")


async def check_pdf(spooled: SpooledFile, filename: str, max_size: int, max_pages: int) -> int:
    """Return the page count, or raise :class:`FileRejected` with the contract's code."""
    if spooled.size == 0:
        raise FileRejected("empty_file", f"{filename} is empty")
    if spooled.too_large or spooled.size > max_size:
        raise FileRejected(
            "file_too_large",
            f"{filename} is {_mib(spooled.size)}, over the limit of {_mib(max_size)}",
        )
    if b"%PDF-" not in spooled.head[:MAGIC_WINDOW]:
        raise FileRejected("not_a_pdf", f"{filename} is not a PDF file")
    try:
        pages = await asyncio.wait_for(
            asyncio.to_thread(_count_pages, spooled.path, filename), OPEN_TIMEOUT_S
        )
    except TimeoutError:
        # the thread cannot be stopped, but the request and the batch go on without it
        raise FileRejected(
            "unreadable_pdf", f"{filename} could not be opened within {OPEN_TIMEOUT_S:g} s"
        ) from None
    if pages > max_pages:
        raise FileRejected(
            "too_many_pages", f"{filename} has {pages} pages, over the limit of {max_pages}"
        )
    return pages


def _count_pages(path: Path, filename: str) -> int:
    try:
        # Given a path, pypdf reads the whole file into memory; given an open file, it reads
        # only the parts it needs (trailer, cross-references, page tree).
        with open(path, "rb") as fh:
            reader = PdfReader(fh)
            if reader.is_encrypted:
                try:
                    # An empty user password opens many "protected" PDFs (owner-only restrictions)
                    if not reader.decrypt(""):
                        raise FileRejected("encrypted_pdf", f"{filename} is password-protected")
                except (FileNotDecryptedError, NotImplementedError):
                    raise FileRejected(
                        "encrypted_pdf", f"{filename} is password-protected"
                    ) from None
            pages = len(reader.pages)
    except FileRejected:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        log.info("unreadable PDF %s: %s", filename, exc)
        raise FileRejected("unreadable_pdf", f"{filename} is damaged and cannot be read") from None
    if pages == 0:
        raise FileRejected("unreadable_pdf", f"{filename} has no pages")
    return pages
