"""The per-file checks of the contract: is it a PDF we can open, and not too big.

Size and the ``%PDF-`` marker are checked here. The page count of a plain PDF is read from its
declared structure with a few small reads (:mod:`bot.pdfpeek`); any other file is opened and
its pages counted in a bounded child process (the extractor's zygote,
:mod:`bot.extract.isolation`) with a memory and a time bound. Either way a hostile file costs
a few KB of reads or that child, never the server: the API's memory stays flat whatever the
files hold, and a check that takes too long is stopped, not left running in a thread. At most
``[limits] pdf_checks_at_once`` children run at a time per process.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.config import LimitsConfig
from bot.errors import ExtractionError, FileRejected, TransientExtractionError
from bot.extract.isolation import Isolation, Limits
from bot.files import SpooledFile
from bot.pdfpeek import peek_page_count

log = logging.getLogger(__name__)

INSPECT = "bot.pdfinspect:inspect"
#: ``%PDF-`` must appear within this many bytes of the start (some writers prepend junk)
MAGIC_WINDOW = 1024


def _mib(n: float) -> str:
    return f"{n / 1024 / 1024:.1f} MiB".replace(".0 MiB", " MiB")


class PdfChecker:
    """The checks of one process, with its bound on children running at once."""

    def __init__(self, limits: LimitsConfig, isolation: Isolation) -> None:
        self.limits = limits
        self.isolation = isolation
        self.bounds = Limits(
            timeout_s=limits.pdf_check_timeout_seconds, memory_mb=limits.pdf_check_memory_mb
        )
        self._slots = asyncio.Semaphore(max(1, limits.pdf_checks_at_once))

    def quick(self, spooled: SpooledFile, filename: str) -> int | None:
        """The checks that take a few small reads of a file just written (cheap enough for
        the event loop, where intake calls it): the page count, :class:`FileRejected` with the
        contract's code, or None when only :meth:`inspect` can tell."""
        limits = self.limits
        if spooled.size == 0:
            raise FileRejected("empty_file", f"{filename} is empty")
        if spooled.too_large or spooled.size > limits.max_file_size:
            raise FileRejected(
                "file_too_large",
                f"{filename} is {_mib(spooled.size)}, over the limit of "
                f"{_mib(limits.max_file_size)}",
            )
        if b"%PDF-" not in spooled.head[:MAGIC_WINDOW]:
            raise FileRejected("not_a_pdf", f"{filename} is not a PDF file")
        declared = peek_page_count(spooled.path)
        return None if declared is None else self._pages(declared, filename)

    async def inspect(self, spooled: SpooledFile, filename: str) -> int:
        """The page count as pypdf finds it, in a bounded child process."""
        async with self._slots:
            try:
                found = await self._inspect(spooled)
            except ExtractionError as exc:
                log.info("PDF check of %s stopped: %s", filename, exc)
                raise FileRejected(
                    "unreadable_pdf", f"{filename} cannot be read within our bounds: {exc}"
                ) from None
        if found.get("encrypted"):
            raise FileRejected("encrypted_pdf", f"{filename} is password-protected")
        if "damaged" in found:
            log.info("unreadable PDF %s: %s", filename, found["damaged"])
            raise FileRejected("unreadable_pdf", f"{filename} is damaged and cannot be read")
        return self._pages(int(found["pages"]), filename)

    def _pages(self, pages: int, filename: str) -> int:
        limits = self.limits
        if pages == 0:
            raise FileRejected("unreadable_pdf", f"{filename} has no pages")
        if pages > limits.max_pages:
            raise FileRejected(
                "too_many_pages",
                f"{filename} has {pages} pages, over the limit of {limits.max_pages}",
            )
        return pages

    async def _inspect(self, spooled: SpooledFile) -> dict[str, Any]:
        options = {"path": str(spooled.path)}
        try:
            return dict(await self.isolation.run(INSPECT, b"", options, self.bounds))
        except TransientExtractionError:
            # the zygote itself died (not the file's doing): once more, with a new one
            return dict(await self.isolation.run(INSPECT, b"", options, self.bounds))
