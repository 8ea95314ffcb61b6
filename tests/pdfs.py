"""Small PDFs made on the spot for tests: good, encrypted, broken, long."""

from __future__ import annotations

import io
import itertools

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

_serial = itertools.count(1)


def invoice_pdf(
    number: str | None = None,
    total: str = "121.00",
    pages: int = 1,
    supplier: str = "Fresh Greens BV",
    extra_lines: tuple[str, ...] = (),
) -> bytes:
    """A simple text invoice; every call gives different bytes unless ``number`` repeats."""
    number = number or f"INV-2024-{next(_serial):04d}"
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for page in range(pages):
        pdf.add_page()
        if page == 0:
            for line in (
                supplier,
                "VAT: NL123456789B01",
                "",
                "INVOICE",
                f"Invoice number: {number}",
                "Invoice date: 2024-03-01",
                "Due date: 2024-03-31",
                "",
                "Tomatoes   10 kg   2.50   25.00",
                "",
                "Subtotal: EUR 100.00",
                "VAT 21%: EUR 21.00",
                f"Total: EUR {total}",
                *extra_lines,
            ):
                pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.cell(0, 8, f"Page {page + 1} of invoice {number}")
    return bytes(pdf.output())


def encrypted_pdf(password: str = "secret") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(invoice_pdf())))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def broken_pdf() -> bytes:
    """Starts like a PDF, but is not one."""
    return b"%PDF-1.7\n" + b"\x00garbage that is not a PDF body\n" * 40 + b"%%EOF\n"


def truncated_pdf() -> bytes:
    good = invoice_pdf()
    return good[: len(good) // 3]


def padded_pdf(size: int) -> bytes:
    """A valid PDF of at least ``size`` bytes: a comment block appended, then the tail again."""
    good = invoice_pdf()
    tail = good[good.rindex(b"startxref") :]
    line = b"% " + b"0123456789abcdef" * 4 + b"\n"
    return good + line * (size // len(line) + 1) + tail
