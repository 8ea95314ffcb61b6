"""Fakes of our own ports (allowed in pipeline tests; the real engines have their own tests)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from bot.app import Services
from bot.channels import WebHandler, WebPath
from bot.config import Config, ExtractionConfig
from bot.errors import ExtractionError, ReplyError, TransientExtractionError
from bot.extract.schema import ExtractedInvoice, ExtractionResult
from bot.notify import Delivery
from bot.report import BatchReport
from storage.status import Channel


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


def steady_extractor(config: ExtractionConfig) -> FakeExtractor:
    """Every document takes the same short time: two workers finish two invoices together."""
    return FakeExtractor(delay=0.05)


class RecordingNotifier:
    """Delivers replies into a list; fails its first ``failures`` calls (a relay that is down)."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.calls = 0
        self.delivered: list[tuple[BatchReport, Delivery]] = []

    async def batch_done(self, report: BatchReport, delivery: Delivery) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise ReplyError(f"relay down (fake, call {self.calls})")
        self.delivered.append((report, delivery))


class FileChannel:
    """A channel plug-in for tests across processes (``[channels] plugins``).

    Its notifier answers email batches by appending a line to the file named by
    ``$INVOICEBOT_TEST_REPLIES``; with ``$INVOICEBOT_TEST_REPLY_MODE=hang`` it writes
    ``started`` and then never finishes (to be killed mid-send).
    """

    channel = Channel.EMAIL

    def __init__(self) -> None:
        self.notifier = _FileNotifier(
            Path(os.environ["INVOICEBOT_TEST_REPLIES"]),
            os.environ.get("INVOICEBOT_TEST_REPLY_MODE", "ok"),
        )

    def web_handlers(self) -> dict[WebPath, WebHandler]:
        return {}

    def describe(self) -> str:
        return f"replies written to {self.notifier.path}"

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass


class _FileNotifier:
    def __init__(self, path: Path, mode: str) -> None:
        self.path = path
        self.mode = mode

    async def batch_done(self, report: BatchReport, delivery: Delivery) -> None:
        with self.path.open("a") as fh:
            fh.write(f"started {report.id} {delivery.key} attempt={delivery.attempt}\n")
        if self.mode == "hang":
            await asyncio.sleep(3600)
        with self.path.open("a") as fh:
            fh.write(f"sent {report.id} {delivery.key}\n")


class FileChannelPlugin:
    def web_paths(self, config: Config) -> list[WebPath]:
        return []

    def build(self, config: Config, services: Services) -> FileChannel:
        return FileChannel()


file_channel = FileChannelPlugin()
