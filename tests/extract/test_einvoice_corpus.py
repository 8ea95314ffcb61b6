"""The einvoice engine against the labelled ZUGFeRD / Factur-X corpus in shared/corpus.

A truth file has a field only where the page shows it; ``_not_visible`` lists fields the XML has
but the page does not show, and every other field is absent from the XML. So: a field in the
truth must match, a ``_not_visible`` field must be found, and any other field must be empty.

Truth lines with no value at all are the XML's note-only lines, which are no items and which the
engine leaves out. The truth writes decimals as the page does (``"0.03"`` for an XML price of
``0.0250``), so a decimal matches when ours, rounded half-up to the truth's places, equals it.

``python -m tests.extract.test_einvoice_corpus`` prints the per-field figures.
"""

from __future__ import annotations

import asyncio
import json
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.config import ExtractionConfig
from bot.extract.einvoice import EInvoiceExtractor
from bot.extract.schema import ExtractedInvoice, LineItem

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
ZUGFERD = sorted(CORPUS.glob("zugferd-corpus__*.pdf"))
HEADER_FIELDS = [name for name in ExtractedInvoice.model_fields if name != "line_items"]

pytestmark = pytest.mark.skipif(not ZUGFERD, reason=f"corpus not found at {CORPUS}")


def _same(ours: Any, truth: Any) -> bool:
    if isinstance(ours, Decimal) and isinstance(truth, str):
        expected = Decimal(truth)
        return ours.quantize(expected, rounding=ROUND_HALF_UP) == expected
    if hasattr(ours, "isoformat"):
        return bool(ours.isoformat() == truth)
    return bool(ours == truth)


def _empty(value: Any) -> bool:
    return value in (None, "", [])


def compare(truth: dict[str, Any], ours: ExtractedInvoice) -> tuple[int, list[str]]:
    """Number of fields checked and a list of mismatches in words."""
    hidden = set(truth.get("_not_visible", []))
    checked, wrong = 0, []
    for name in [*HEADER_FIELDS, "line_items"]:
        value = getattr(ours, name)
        checked += 1
        if name in hidden:
            if _empty(value):
                wrong.append(f"{name}: the XML has it, we found nothing")
        elif name not in truth:
            if name != "document_type" and not _empty(value):
                wrong.append(f"{name}: not in the XML, we gave {value!r}")
        elif name == "line_items":
            checked -= 1
            n, errors = _compare_lines(truth[name], value)
            checked += n
            wrong += errors
        elif not _same(value, truth[name]):
            wrong.append(f"{name}: expected {truth[name]!r}, got {value!r}")
    return checked, wrong


def _compare_lines(truth: list[dict[str, Any]], ours: list[LineItem]) -> tuple[int, list[str]]:
    # A truth line with no value at all is a note-only line of the XML; the engine drops those.
    truth = [line for line in truth if any(v is not None for v in line.values())]
    if len(truth) != len(ours):
        return 1, [f"line_items: expected {len(truth)} lines, got {len(ours)}"]
    checked, wrong = 0, []
    for i, (want, got) in enumerate(zip(truth, ours, strict=True)):
        for name, expected in want.items():
            checked += 1
            value = getattr(got, name)
            if expected is None:
                if value is not None:
                    wrong.append(f"line {i + 1} {name}: expected nothing, got {value!r}")
            elif value is None or not _same(value, expected):
                wrong.append(f"line {i + 1} {name}: expected {expected!r}, got {value!r}")
    return checked, wrong


def _load(path: Path) -> tuple[bytes, dict[str, Any]]:
    return path.read_bytes(), json.loads(path.with_suffix(".json").read_text())


async def _extract(pdf: bytes) -> ExtractedInvoice:
    result = await EInvoiceExtractor(ExtractionConfig()).extract(pdf)
    assert result.engine == "einvoice"
    assert result.confidence and set(result.confidence.values()) == {1.0}
    return result.invoice


@pytest.mark.parametrize(
    "path", ZUGFERD, ids=[p.stem.removeprefix("zugferd-corpus__") for p in ZUGFERD]
)
async def test_matches_truth(path: Path) -> None:
    pdf, truth = await asyncio.to_thread(_load, path)
    _, wrong = compare(truth, await _extract(pdf))
    assert wrong == []


def test_comparison_can_fail() -> None:
    truth = {"invoice_number": "A-1", "total_incl_tax": "10.00", "_not_visible": ["due_date"]}
    ours = ExtractedInvoice(invoice_number="A-2", total_incl_tax=Decimal("10.004"))
    _, wrong = compare(truth, ours)
    assert any(w.startswith("invoice_number") for w in wrong)
    assert any(w.startswith("due_date") for w in wrong)
    assert not any(w.startswith("total_incl_tax") for w in wrong)
    ours = ExtractedInvoice(invoice_number="A-1", total_incl_tax=Decimal("10.01"), currency="EUR")
    _, wrong = compare(truth, ours)
    assert any(w.startswith("total_incl_tax") for w in wrong)
    assert any(w.startswith("currency: not in the XML") for w in wrong)


async def _report() -> int:
    files = fields = ok_files = misses = 0
    for path in ZUGFERD:
        pdf, truth = _load(path)
        checked, wrong = compare(truth, await _extract(pdf))
        files += 1
        fields += checked
        misses += len(wrong)
        ok_files += not wrong
        for line in wrong:
            print(f"{path.stem}: {line}")
    print(f"{ok_files}/{files} files exact; {fields - misses}/{fields} fields right")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(_report()))
