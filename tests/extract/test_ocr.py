"""OCR of image-only PDFs with the real pdftoppm and Tesseract."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.errors import ExtractionError
from bot.extract.isolation import Isolation
from bot.extract.ocr import layout, ocr_layout
from tests.extract.scanned import INVOICE_NUMBER, TOTAL, scanned, text_invoice

# Skipped on a developer machine without the tools; CI must have them, so it fails there instead.
needs_tools = pytest.mark.skipif(
    not (shutil.which("tesseract") and shutil.which("pdftoppm")) and not os.environ.get("CI"),
    reason="apt-get install poppler-utils tesseract-ocr tesseract-ocr-eng",
)


@pytest.fixture(scope="module")
def scan() -> bytes:
    pdf = scanned(text_invoice(pages=2))
    # Make sure the sample really has no text layer: OCR is the only way in.
    assert all(not (page.extract_text() or "").strip() for page in PdfReader(io.BytesIO(pdf)).pages)
    return pdf


@needs_tools
def test_reads_each_page_in_order(scan: bytes) -> None:
    pages = [page.text for page in ocr_layout(scan, ("eng", "deu"))]
    assert len(pages) == 2
    assert INVOICE_NUMBER in pages[0]
    assert TOTAL in pages[1]
    assert TOTAL not in pages[0]


@needs_tools
async def test_runs_inside_the_isolated_child(scan: bytes, isolation: Isolation) -> None:
    result = await isolation.run(
        "bot.extract.parse:parse_pdf", scan, {"ocr_languages": ["eng", "deu", "fra", "nld"]}
    )
    assert result["invoice"]["invoice_number"] == INVOICE_NUMBER
    assert result["invoice"]["total_incl_tax"] == TOTAL


@needs_tools
def test_no_installed_language_is_a_clear_error(scan: bytes) -> None:
    with pytest.raises(ExtractionError, match="tesseract-ocr-xyz"):
        ocr_layout(scan, ("xyz",))


@needs_tools
def test_a_broken_pdf_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="render the PDF"):
        ocr_layout(b"%PDF-1.4\nthis is not really a PDF", ("eng",))


def test_missing_tesseract_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ExtractionError, match="OCR needs tesseract.*apt-get install"):
        ocr_layout(b"%PDF-1.4", ("eng",))


def _tsv(*words: tuple[int, int, str]) -> str:
    """Tesseract TSV with one word row per (left, top, text); 20 px per character, 30 px high."""
    head = "\t".join(
        "level page_num block_num par_num line_num word_num left top width height conf text".split()
    )
    rows = [
        f"5\t1\t{n}\t1\t1\t1\t{left}\t{top}\t{20 * len(text)}\t30\t95\t{text}"
        for n, (left, top, text) in enumerate(words)
    ]
    return "\n".join([head, *rows])


def test_layout_puts_words_of_one_height_on_one_line_in_their_columns() -> None:
    # Tesseract reads the label column and the value column as separate blocks; the value sits
    # a few pixels lower, as on a slightly skewed scan.
    tsv = _tsv(
        (100, 200, "Invoice"),
        (260, 200, "number"),
        (900, 204, "INV-7781"),
        (100, 260, "Total"),
        (900, 262, "1,234.50"),
    )
    lines = layout(tsv).text.splitlines()
    assert [line.split() for line in lines] == [
        ["Invoice", "number", "INV-7781"],
        ["Total", "1,234.50"],
    ]
    assert lines[0].index("INV-7781") == 45  # 900 px / 20 px per character
    assert "Invoice number  " in lines[0]  # one space inside a phrase, a gap before the value


def test_layout_of_an_empty_page_is_empty() -> None:
    assert layout(_tsv()).text == ""
