"""Fakes of our own ports (allowed in pipeline tests; the real engines have their own tests)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from decimal import Decimal

from bot.config import ExtractionConfig
from bot.errors import ExtractionError, TransientExtractionError
from bot.extract.schema import ExtractedInvoice, ExtractionResult


class FakeExtractor:
    """Returns fixed fields, or fails as told: ``script`` yields one outcome per call."""

    name = "fake"

    def __init__(
        self,
        script: Callable[[int], str] | None = None,
        delay: float = 0.0,
    ) -> None:
        self.calls = 0
        self.script = script or (lambda n: "ok")
        self.delay = delay

    async def extract(self, pdf: bytes) -> ExtractionResult:
        self.calls += 1
        outcome = self.script(self.calls)
        if self.delay:
            await asyncio.sleep(self.delay)
        if outcome == "transient":
            raise TransientExtractionError("upstream busy (fake)")
        if outcome == "fail":
            raise ExtractionError("cannot read this document (fake)")
        if outcome == "crash":
            raise RuntimeError("engine bug (fake)")
        return ExtractionResult(
            engine=self.name,
            invoice=ExtractedInvoice(
                invoice_number=f"F-{len(pdf)}",
                currency="EUR",
                total_excl_tax=Decimal("100.00"),
                tax_amount=Decimal("21.00"),
                total_incl_tax=Decimal("121.00"),
                supplier_name="Fake Supplier",
            ),
            confidence={"total_incl_tax": 1.0},
            warnings=[] if outcome == "ok" else [outcome],
        )


def slow_extractor(config: ExtractionConfig) -> FakeExtractor:
    """A plug-in factory (``engine = "tests.fakes:slow_extractor"``) for the restart test."""
    return FakeExtractor(delay=30.0)


def quick_extractor(config: ExtractionConfig) -> FakeExtractor:
    return FakeExtractor()
