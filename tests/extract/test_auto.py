"""The auto engine's choice, with the real engines (einvoice, local, Gemini on a loopback fake)."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import ExtractionConfig, GeminiConfig
from bot.errors import ExtractionError, TransientExtractionError
from bot.extract import build_extractor
from bot.extract.auto import AutoExtractor
from bot.extract.isolation import Isolation
from tests.extract.fake_gemini import GOOD_ANSWER, FakeGemini, answer, failure, serve_fake_gemini
from tests.extract.scanned import INVOICE_NUMBER, TOTAL, scanned, text_invoice

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
ZUGFERD = CORPUS / (
    "zugferd-corpus__ZUGFeRDv2__correct__Mustangproject__"
    "MustangGnuaccountingBeispielRE-20201121_508.pdf"
)
UBL = CORPUS / "invoice2data__tests__compare__AzureInterior.pdf"
needs_corpus = pytest.mark.skipif(not ZUGFERD.exists(), reason=f"corpus not found at {CORPUS}")
# As in test_ocr: skipped without the tools, except in CI, which must have them.
needs_ocr = pytest.mark.skipif(
    not (shutil.which("tesseract") and shutil.which("pdftoppm")) and not os.environ.get("CI"),
    reason="apt-get install poppler-utils tesseract-ocr tesseract-ocr-eng",
)


@pytest.fixture
async def fake() -> AsyncIterator[FakeGemini]:
    async with serve_fake_gemini() as fake:
        fake.script = [answer(json.dumps(GOOD_ANSWER))]
        yield fake


def offline() -> AutoExtractor:
    return AutoExtractor(ExtractionConfig())


def with_gemini(fake: FakeGemini) -> AutoExtractor:
    config = ExtractionConfig(
        gemini=GeminiConfig(base_url=fake.url, max_retries=0, timeout_seconds=5),
        gemini_api_key="test-key",
    )
    extractor = build_extractor(config, "auto")
    assert isinstance(extractor, AutoExtractor)
    return extractor


async def read(path: Path) -> bytes:
    return await asyncio.to_thread(path.read_bytes)


@needs_corpus
async def test_embedded_xml_goes_to_einvoice_even_with_a_gemini_key(fake: FakeGemini) -> None:
    result = await with_gemini(fake).extract(await read(ZUGFERD))
    assert result.engine == "einvoice"
    assert result.invoice.invoice_number == "RE-20201121/508"
    assert fake.requests == []


@needs_corpus
async def test_embedded_ubl_goes_to_einvoice() -> None:
    result = await offline().extract(await read(UBL))
    assert result.engine == "einvoice"
    assert result.invoice.invoice_number == "INV/2023/03/0008"
    assert result.invoice.supplier_name == "Azure Interior"


async def test_text_pdf_without_key_goes_to_local() -> None:
    result = await offline().extract(text_invoice())
    assert result.engine == "local"
    assert result.pages == 2


async def test_text_pdf_with_key_goes_to_gemini(fake: FakeGemini) -> None:
    result = await with_gemini(fake).extract(text_invoice())
    assert result.engine == "gemini"
    assert result.invoice.invoice_number == GOOD_ANSWER["invoice_number"]
    assert result.pages == 2  # Gemini does not count pages; the probe did
    assert len(fake.requests) == 1


@needs_ocr
async def test_scan_with_key_goes_to_gemini(fake: FakeGemini) -> None:
    result = await with_gemini(fake).extract(scanned(text_invoice()))
    assert result.engine == "gemini"
    assert len(fake.requests) == 1


@needs_ocr
async def test_scan_without_key_is_read_by_local_ocr() -> None:
    result = await offline().extract(scanned(text_invoice()))
    assert result.engine == "local"
    assert result.invoice.invoice_number == INVOICE_NUMBER
    assert str(result.invoice.total_incl_tax) == TOTAL
    assert result.invoice.currency == "EUR"
    assert str(result.invoice.invoice_date) == "2024-03-01"


async def test_bad_gemini_answer_falls_back_to_local(fake: FakeGemini) -> None:
    fake.script = [answer("this is not JSON")]
    result = await with_gemini(fake).extract(text_invoice())
    assert result.engine == "local"
    assert len(fake.requests) == 1


async def test_gemini_outage_is_raised_for_the_queue_to_retry(fake: FakeGemini) -> None:
    fake.script = [failure(503, "UNAVAILABLE")]
    with pytest.raises(TransientExtractionError):
        await with_gemini(fake).extract(text_invoice())


@needs_ocr
async def test_the_look_inside_runs_isolated_and_reports(isolation: Isolation) -> None:
    target = "bot.extract.einvoice:read_embedded_invoice"
    found = await isolation.run(target, scanned(text_invoice(pages=1)))
    assert (found["invoice"], found["pages"]) == (None, 1)
    found = await isolation.run(target, text_invoice(pages=3))
    assert (found["invoice"], found["pages"]) == (None, 3)


async def test_not_a_pdf_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        await offline().extract(b"%PDF-1.7\n garbage without any objects")
