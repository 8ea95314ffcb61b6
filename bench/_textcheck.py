"""Checks the truth of generated invoices against the PDF's own text layer.

A benchmark is only as good as its truth: a value the generator wrote into the JSON but drew off
the page, or in a form pypdf cannot read back, would count against the parser for nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pypdf import PdfReader


def flat(text: str) -> str:
    """Whitespace-insensitive text (no-break spaces count as spaces)."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def report_missing(expected: Iterable[tuple[Path, dict[str, str]]]) -> int:
    """Print each PDF whose expected strings (as printed) are not all in its text; the count."""
    bad = checked = 0
    for pdf, values in expected:
        checked += 1
        text = flat("\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
        missing = [name for name, value in values.items() if flat(value) not in text]
        if missing:
            bad += 1
            print(f"{pdf.name}: missing {', '.join(missing)}")
    print(f"checked {checked} documents, {bad} with missing values")
    return bad
