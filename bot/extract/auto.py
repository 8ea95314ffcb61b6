"""The ``auto`` engine: picks the best engine for each PDF.

1. ``einvoice`` when the PDF carries a Factur-X / ZUGFeRD / XRechnung / UBL invoice: exact.
2. ``gemini`` when ``$GEMINI_API_KEY`` is set, for text PDFs and scans alike.
3. ``local`` otherwise (it OCRs a PDF without a text layer).

The look inside the PDF that decides this opens an untrusted file, so it runs isolated too. When
an engine fails for good on a document another engine can still read (embedded XML that does not
parse; a Gemini answer that does not fit the schema), the next engine reads it and the failure
is logged. A transient failure (Gemini rate limit, outage) is raised: the queue retries later.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.config import ExtractionConfig
from bot.errors import ExtractionError, TransientExtractionError
from bot.extract.base import Extractor
from bot.extract.isolation import Isolation, Limits
from bot.extract.schema import ExtractionResult

log = logging.getLogger(__name__)


def probe(pdf: bytes) -> dict[str, Any]:
    """Isolated target: does ``pdf`` embed an e-invoice, and how many pages has it.

    Whether it has a text layer is not asked: every engine of the chain reads scans too.
    """
    from bot.extract.einvoice import find_invoice, open_pdf

    reader = open_pdf(pdf)
    try:
        embedded = find_invoice(reader, []) is not None
    except ExtractionError:
        embedded = False  # attachments that cannot be read hold no invoice we could use
    return {"einvoice": embedded, "pages": len(reader.pages)}


class AutoExtractor:
    """einvoice when XML is embedded, else gemini when configured, else local."""

    name = "auto"

    def __init__(self, config: ExtractionConfig, isolation: Isolation | None = None) -> None:
        from bot.extract.einvoice import EInvoiceExtractor
        from bot.extract.local import LocalExtractor

        self._limits = Limits(timeout_s=config.timeout_seconds, memory_mb=config.memory_mb)
        self._isolation = isolation or Isolation()
        self._einvoice: Extractor = EInvoiceExtractor(config, self._isolation)
        # the engines for a PDF without XML, best first; scans go to Gemini too: it reads images
        self._others: list[Extractor] = [LocalExtractor(config, self._isolation)]
        if config.gemini_api_key:
            from bot.extract.gemini import GeminiExtractor

            self._others.insert(0, GeminiExtractor(config))

    async def extract(self, pdf: bytes) -> ExtractionResult:
        found = await self._isolation.run("bot.extract.auto:probe", pdf, limits=self._limits)
        chain = [self._einvoice, *self._others] if found["einvoice"] else self._others
        log.debug("auto: %s -> %s", found, " then ".join(e.name for e in chain))
        result = await _first_that_reads(chain, pdf)
        if result.pages is None:
            result.pages = found["pages"]
        return result


async def _first_that_reads(chain: list[Extractor], pdf: bytes) -> ExtractionResult:
    """The result of the first engine in ``chain`` that reads ``pdf``."""
    for engine in chain[:-1]:
        try:
            return await engine.extract(pdf)
        except TransientExtractionError:
            raise
        except ExtractionError as exc:
            # Not a warning on the invoice: the next engine's reading stands on its own.
            log.warning(
                "the %s engine could not read the PDF (%s); trying the next", engine.name, exc
            )
    return await chain[-1].extract(pdf)
