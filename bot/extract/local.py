"""The ``local`` engine: offline, rule-based reading of the PDF's text layer (OCR for scans).

Parsing runs in a bounded child process (:class:`~bot.extract.isolation.Isolation`), never on
the event loop and never in the worker itself. It never reads embedded e-invoice XML: that is the
``einvoice`` engine's job, and ``auto`` chooses between them.
"""

from __future__ import annotations

from pydantic import ValidationError

from bot.config import ExtractionConfig
from bot.errors import ExtractionError
from bot.extract.isolation import Isolation, Limits
from bot.extract.schema import ExtractionResult

TARGET = "bot.extract.parse:parse_pdf_json"


class LocalExtractor:
    """Reads invoices with layout-aware rules in eight languages."""

    name = "local"

    def __init__(self, config: ExtractionConfig, isolation: Isolation | None = None) -> None:
        self._options = {"ocr_languages": list(config.ocr_languages)}
        self._limits = Limits(config.timeout_seconds, config.memory_mb)
        self._isolation = isolation or Isolation()

    async def extract(self, pdf: bytes) -> ExtractionResult:
        answer = await self._isolation.run_json(TARGET, pdf, self._options, self._limits)
        try:  # the child is trusted with no more than the document: its answer is checked
            return ExtractionResult.model_validate_json(answer)
        except ValidationError as exc:
            raise ExtractionError(f"the local parser returned an invalid result: {exc}") from exc
