"""The ``auto`` engine: picks the best engine for each PDF.

1. ``einvoice`` when the PDF carries a Factur-X / ZUGFeRD / XRechnung / UBL invoice: exact.
2. ``gemini`` when ``$GEMINI_API_KEY`` is set, for text PDFs and scans alike.
3. ``local`` otherwise (it OCRs a PDF without a text layer).

The einvoice engine's isolated look inside the PDF decides this, and reads the invoice in the same
call when there is one. When Gemini fails for good on a document the local engine can still read
(an answer that does not fit the schema), the local engine reads it and the failure is logged. A
transient failure (Gemini rate limit, outage) is raised: the queue retries later.
"""

from __future__ import annotations

import logging

from bot.config import ExtractionConfig
from bot.errors import ExtractionError, TransientExtractionError
from bot.extract.base import Extractor
from bot.extract.isolation import Isolation
from bot.extract.schema import ExtractionResult

log = logging.getLogger(__name__)


class AutoExtractor:
    """einvoice when XML is embedded, else gemini when configured, else local."""

    name = "auto"

    def __init__(self, config: ExtractionConfig, isolation: Isolation | None = None) -> None:
        from bot.extract.einvoice import EInvoiceExtractor
        from bot.extract.local import LocalExtractor

        isolation = isolation or Isolation()
        self._einvoice = EInvoiceExtractor(config, isolation)
        self._local = LocalExtractor(config, isolation)
        self._gemini: Extractor | None = None
        if config.gemini_api_key:
            from bot.extract.gemini import GeminiExtractor

            self._gemini = GeminiExtractor(config)

    async def extract(self, pdf: bytes) -> ExtractionResult:
        found = await self._einvoice.look(pdf)
        if found["invoice"] is not None:
            return self._einvoice.result(found)
        if self._gemini is not None:  # scans go to Gemini too: it reads images
            try:
                result = await self._gemini.extract(pdf)
            except TransientExtractionError:
                raise
            except ExtractionError as exc:
                # Not a warning on the invoice: the local engine's reading stands on its own.
                log.warning("the gemini engine could not read the PDF (%s); trying local", exc)
            else:
                result.pages = found["pages"]  # Gemini does not count pages
                return result
        return await self._local.extract(pdf)
