"""The local engine end to end: generated invoices through the isolated child, and bounds."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF

from bench.accuracy import same_items
from bot.config import ExtractionConfig
from bot.errors import ExtractionError
from bot.extract import build_extractor
from bot.extract.isolation import Isolation, Limits
from bot.extract.local import LocalExtractor
from bot.extract.parse import parse_pdf
from tests.generate_invoices import generate

COUNT = 36
FIELDS = (
    "invoice_number",
    "invoice_date",
    "currency",
    "total_incl_tax",
    "total_excl_tax",
    "tax_amount",
    "due_date",
    "supplier_name",
    "supplier_tax_id",
    "document_type",
)


@pytest.fixture(scope="module")
def invoices(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("generated")
    paths = generate(folder, count=COUNT, seed=2024)
    return [(p, json.loads(p.with_suffix(".json").read_text())) for p in paths]


def _same(name: str, want: Any, got: Any) -> bool:
    if name in ("total_incl_tax", "total_excl_tax", "tax_amount"):
        return got is not None and Decimal(str(got)) == Decimal(want)
    return got == want


def test_generated_set_covers_languages_and_credit_notes(
    invoices: list[tuple[Path, dict[str, Any]]],
) -> None:
    langs = {truth["_style"]["lang"] for _, truth in invoices}
    assert langs == {"en", "de", "fr", "nl", "es", "it"}
    assert any(truth["document_type"] == "credit_note" for _, truth in invoices)
    assert any(len(truth["line_items"]) > 20 for _, truth in invoices)


def test_fields_on_generated_invoices(invoices: list[tuple[Path, dict[str, Any]]]) -> None:
    """Every field right on at least 90% of the documents whose truth has it (in process)."""
    right: dict[str, int] = dict.fromkeys(FIELDS, 0)
    seen: dict[str, int] = dict.fromkeys(FIELDS, 0)
    wrong: list[str] = []
    for path, truth in invoices:
        got = parse_pdf(path.read_bytes())["invoice"]
        for name in FIELDS:
            if name in truth:
                seen[name] += 1
                if _same(name, truth[name], got[name]):
                    right[name] += 1
                else:
                    wrong.append(f"{path.name} {name}: {truth[name]!r} != {got[name]!r}")
    for name in FIELDS:
        assert right[name] >= 0.9 * seen[name], (name, wrong)


def test_line_items_on_generated_invoices(invoices: list[tuple[Path, dict[str, Any]]]) -> None:
    """Items judged by the benchmark's rule (a note line under an item may extend it)."""
    ok = sum(
        same_items(truth["line_items"], parse_pdf(path.read_bytes())["invoice"]["line_items"])
        for path, truth in invoices
    )
    assert ok >= 0.8 * len(invoices)


def test_item_rule_is_strict() -> None:
    truth = [{"description": "Tomatoes", "quantity": "2", "unit_price": "1.50", "total": "3.00"}]
    good = [
        {"description": "tomatoes\nLot 7", "quantity": "2.0", "unit_price": "1.5", "total": "3"}
    ]
    assert same_items(truth, good)
    assert not same_items(truth, [{**good[0], "total": "3.01"}])
    assert not same_items(truth, good + good)
    assert not same_items(truth, [{**good[0], "description": "Potatoes"}])


async def test_local_extractor_runs_in_a_child(invoices: list[tuple[Path, dict[str, Any]]]) -> None:
    extractor = build_extractor(ExtractionConfig(engine="local"))
    assert isinstance(extractor, LocalExtractor)
    assert extractor.name == "local"
    path, truth = invoices[0]
    result = await extractor.extract(path.read_bytes())
    assert result.engine == "local"
    assert result.pages is not None and result.pages >= 1
    assert result.invoice.invoice_number == truth["invoice_number"]
    assert result.invoice.total_incl_tax == Decimal(truth["total_incl_tax"])
    assert all(0.0 <= c <= 1.0 for c in result.confidence.values())
    assert result.warnings == []


def _blank_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50)
    return bytes(pdf.output())


async def test_pdf_without_text_is_an_extraction_error() -> None:
    extractor = LocalExtractor(ExtractionConfig(engine="local", timeout_seconds=60))
    with pytest.raises(ExtractionError, match="text"):
        await extractor.extract(_blank_pdf())


async def test_garbage_is_an_extraction_error() -> None:
    extractor = LocalExtractor(ExtractionConfig(engine="local"))
    with pytest.raises(ExtractionError):
        await extractor.extract(b"%PDF-1.7\nthis is not really a pdf")


async def test_a_looping_parser_is_stopped(isolation: Isolation) -> None:
    start = time.monotonic()
    with pytest.raises(ExtractionError, match="longer than"):
        await isolation.run("tests.extract.hostile:spin", b"", None, Limits(timeout_s=1.0))
    assert time.monotonic() - start < 10


async def test_a_memory_hog_is_stopped(isolation: Isolation) -> None:
    with pytest.raises(ExtractionError):
        await isolation.run(
            "tests.extract.hostile:hog", b"", None, Limits(timeout_s=20, memory_mb=300)
        )


async def test_local_engine_timeout_bounds_a_slow_document(
    invoices: list[tuple[Path, dict[str, Any]]],
) -> None:
    """With a tiny time bound even a normal document ends in ExtractionError, not a hang."""
    path, _ = max(invoices, key=lambda pair: len(pair[1]["line_items"]))
    extractor = LocalExtractor(ExtractionConfig(engine="local", timeout_seconds=0.001))
    start = time.monotonic()
    with pytest.raises(ExtractionError, match="longer than"):
        await extractor.extract(path.read_bytes())
    assert time.monotonic() - start < 10
