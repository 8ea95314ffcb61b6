"""The extractor port: bytes of a PDF in, an :class:`ExtractionResult` out.

Engines know nothing of the database or of channels. They raise :class:`ExtractionError` for a
document that cannot be read and :class:`TransientExtractionError` for a failure worth retrying.
"""

from __future__ import annotations

from typing import Protocol

from bot.extract.schema import ExtractionResult


class Extractor(Protocol):
    """One extraction engine."""

    name: str

    async def extract(self, pdf: bytes) -> ExtractionResult:
        """Read the invoice in ``pdf``; never blocks the event loop."""
        ...
