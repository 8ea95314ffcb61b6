"""Invoice PDFs for tests: one with a text layer, and the same pages as a scan (images only)."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from fpdf import FPDF
from PIL import Image

INVOICE_NUMBER = "INV-7781"
TOTAL = "1234.50"


def text_invoice(pages: int = 2) -> bytes:
    """A plain invoice with a text layer; the number on page 1, the total on the last page."""
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=16)
    pdf.add_page()
    pdf.cell(0, 12, "INVOICE", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 12, f"Invoice number: {INVOICE_NUMBER}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 12, "Invoice date: 2024-03-01", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 12, "Supplier: Fresh Greens BV", new_x="LMARGIN", new_y="NEXT")
    for _ in range(pages - 1):
        pdf.add_page()
        pdf.cell(0, 12, "Tomatoes 40 kg x 2.50", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 12, f"Total EUR {TOTAL}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned(pdf: bytes, dpi: int = 150) -> bytes:
    """``pdf`` rendered to images (pdftoppm) and put back into a PDF (Pillow): no text layer."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(tmp) / "p")], check=True
        )
        files = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        images = [Image.open(f).convert("RGB") for f in files]
        out = io.BytesIO()
        images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
        return out.getvalue()
