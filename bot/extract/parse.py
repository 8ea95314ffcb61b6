"""The local engine's parsing, run inside the isolated child process.

:func:`parse_pdf_json` is the isolated child's target: PDF bytes in, the JSON of an
:class:`ExtractionResult` out; :func:`parse_pdf` returns the same as a JSON-ready dict. Pages
without a text layer go through OCR; :func:`parse_pages` is the text-only core, also used by tests
and other engines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from pydantic import BaseModel

from bot.errors import ExtractionError
from bot.extract import fields
from bot.extract.boxes import Page
from bot.extract.cards import card_items
from bot.extract.checks import adds_up, assess, items_sum
from bot.extract.doc import Doc
from bot.extract.lines import tables
from bot.extract.listed import listed_items
from bot.extract.parties import supplier_name
from bot.extract.positions import locate
from bot.extract.schema import ExtractedInvoice, ExtractionResult, LineItem
from bot.extract.terms import debit_date, due_from_terms, pay_by_date
from bot.extract.text import is_empty, pdf_pages
from bot.extract.totals import choose
from bot.extract.zygote import JSONText

ENGINE = "local"
_ZERO = Decimal(0)
_EUROPEAN = re.compile(
    r"\b(?:rechnung|mwst|ust|facture|tva|factuur|btw|factura|iva|fattura|fatura|faktura|dph|betrag"
    r"|montant|bedrag)\b"
)


def parse_pdf(pdf: bytes, ocr_languages: list[str] | None = None, max_pages: int = 200) -> dict:
    """Read one invoice PDF into a JSON-ready dict."""
    return read_pdf(pdf, ocr_languages, max_pages).model_dump(mode="json")


def parse_pdf_json(
    pdf: bytes, ocr_languages: list[str] | None = None, max_pages: int = 200
) -> JSONText:
    """Read one invoice PDF into JSON; the isolated child calls this (pydantic's own JSON is
    quicker to write than ``json.dumps`` of :func:`parse_pdf`, and to read back)."""
    return JSONText(read_pdf(pdf, ocr_languages, max_pages).model_dump_json().encode())


def read_pdf(
    pdf: bytes, ocr_languages: list[str] | None = None, max_pages: int = 200
) -> ExtractionResult:
    """Read one invoice PDF: its text layer, or OCR when it has none."""
    pages = pdf_pages(pdf, max_pages)
    if is_empty([p.text for p in pages]):
        pages = _ocr(pdf, tuple(ocr_languages or ()))
    return parse_pages(pages)


def _ocr(pdf: bytes, languages: tuple[str, ...]) -> list[Page]:
    """Text of a scanned PDF, read by Tesseract (imported only for scans)."""
    from bot.extract.ocr import ocr_layout

    pages = ocr_layout(pdf, languages)
    if is_empty([p.text for p in pages]):
        raise ExtractionError("the PDF has no text layer and OCR found no text in it")
    return pages


def as_credit_note(invoice: ExtractedInvoice) -> ExtractedInvoice:
    """A credit note's amounts as positive numbers, as e-invoices (type 381) carry them.

    Credit notes print their amounts either way ("-120,00" or "120,00"); the document type
    already says that the money goes back, so a sign on top would count it twice.
    """
    update = _absolute(invoice, "total_excl_tax", "tax_amount", "total_incl_tax")
    if all((item.total or 0) <= 0 for item in invoice.line_items):
        update["line_items"] = [
            item.model_copy(update=_absolute(item, "quantity", "unit_price", "total"))
            for item in invoice.line_items
        ]
    return invoice.model_copy(update=update)


def _absolute(model: BaseModel, *names: str) -> dict[str, object]:
    """The fields ``names`` of ``model`` that hold a number, as their absolute values."""
    return {k: abs(v) for k in names if (v := getattr(model, k)) is not None}


def _adds_up(items: list[LineItem], *totals: Decimal | None) -> bool:
    """The items' totals add up to one of ``totals``."""
    found = items_sum(items)
    return found is not None and any(t is not None and adds_up(found, _ZERO, t) for t in totals)


def _due_from_text(doc: Doc, issued: date | None) -> tuple[date | None, float]:
    """A due date no label names: a direct debit's date, a "please pay by" date, else the issue
    date plus the payment terms (a guess from the terms is the least sure)."""
    folded = [line.folded for line in doc.lines]
    due = debit_date(folded, doc.order) or pay_by_date(folded, doc.order)
    if due is not None:
        return due, 0.8
    return due_from_terms(folded, issued), 0.6


def parse_pages(pages: Sequence[str | Page]) -> ExtractionResult:
    """Fields, confidences and warnings from the text of the pages."""
    doc = Doc(pages)
    confidence: dict[str, float] = {}

    number, confidence["invoice_number"] = fields.invoice_number(doc)
    at = fields.number_line(doc, number)
    due, confidence["due_date"] = fields.due_date(doc)
    issued, confidence["invoice_date"] = fields.invoice_date(doc, at, due)
    if due is None:
        due, confidence["due_date"] = _due_from_text(doc, issued)
    tax_id, confidence["supplier_tax_id"] = fields.supplier_tax_id(doc)
    home = fields.home_currency(tax_id, bool(_EUROPEAN.search(doc.text.lower())))
    currency, confidence["currency"] = fields.currency(doc, home)
    items, table_lines = tables(doc)
    if not items:
        items, table_lines = card_items(doc)
    totals = choose(doc, table_lines, items_sum(items))
    if len(items) < 2 or not _adds_up(items, totals.net, totals.gross):
        # (a list that adds up and holds more items than a table's one or those of a table that
        # does not: the table was another's, a VAT summary's last row under a receipt's list)
        listed, listed_lines = listed_items(doc, [totals.net, totals.gross], table_lines)
        if listed and (not items or len(listed) > max(2, len(items))):
            items, table_lines = listed, table_lines | listed_lines
    confidence.update(totals.confidence)
    vat = fields.vat_spot(doc, tax_id)
    supplier, confidence["supplier_name"] = supplier_name(doc, table_lines, vat)

    invoice = ExtractedInvoice(
        document_type=fields.document_type(doc, at),  # type: ignore[arg-type]
        invoice_number=number,
        invoice_date=issued,
        due_date=due,
        currency=currency,
        total_excl_tax=totals.net,
        tax_amount=totals.tax,
        total_incl_tax=totals.gross,
        supplier_name=supplier,
        supplier_tax_id=tax_id,
        po_references=fields.po_references(doc, number),
        line_items=items,
    )
    if invoice.document_type == "credit_note":
        invoice = as_credit_note(invoice)
    confidence = {k: round(v, 2) for k, v in confidence.items() if getattr(invoice, k) is not None}
    near = totals.lines | ({"invoice_number": at} if at is not None else {})
    return ExtractionResult(
        engine=ENGINE,
        invoice=invoice,
        confidence=confidence,
        warnings=assess(invoice),
        pages=len(pages),
        positions=locate(doc, invoice, near),
    )
