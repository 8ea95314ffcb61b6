"""Invoices and batches in the contract's shape, for every channel to render.

Money is a decimal string with at least two places, quantities and rates a plain decimal string,
dates ISO, times ISO 8601 UTC. Corrected fields show the correction; what was extracted stays
visible under ``extracted``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from bot.extract.schema import HEADER_FIELDS
from bot.report import BatchReport
from storage.models import Invoice, InvoiceLineItem

CENT = Decimal("0.01")
#: invoice fields a person may correct (PATCH); the extracted value stays in its column
CORRECTABLE = (*HEADER_FIELDS, "po_references")
MONEY_FIELDS = ("total_excl_tax", "tax_amount", "total_incl_tax")


def money(value: Decimal | None) -> str | None:
    if value is None:
        return None
    rounded = value.quantize(CENT)
    return f"{rounded if rounded == value else value.normalize():f}"


def number(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value.isoformat()


def _field_value(name: str, value: Any) -> Any:
    if name in MONEY_FIELDS:
        return money(value)
    if isinstance(value, date):
        return iso(value)
    return value


def line_item_view(item: InvoiceLineItem) -> dict[str, Any]:
    return {
        "description": item.description,
        "product_code": item.product_code,
        "quantity": number(item.quantity),
        "unit": item.unit,
        "unit_price": money(item.unit_price),
        "total": money(item.total),
        "tax_rate": number(item.tax_rate),
    }


def invoice_view(invoice: Invoice) -> dict[str, Any]:
    """The invoice object of the contract (section 3)."""
    extracted = {name: _field_value(name, getattr(invoice, name)) for name in CORRECTABLE}
    corrections = dict(invoice.corrections or {})
    fields = {**extracted, **{k: v for k, v in corrections.items() if k in extracted}}
    extraction: dict[str, Any] = {"engine": None, "confidence": {}, "warnings": [], "error": None}
    extraction.update(invoice.extraction or {})
    return {
        "id": invoice.id,
        "type": invoice.type,
        "document_type": fields["document_type"],
        "processing_status": invoice.processing_status,
        "approval_status": invoice.approval_status,
        "bulk_importation_id": invoice.bulk_importation_id,
        "outlet": invoice.outlet_id,
        "supplier": invoice.supplier_id,
        **{name: fields[name] for name in CORRECTABLE if name != "document_type"},
        "line_items": [line_item_view(item) for item in invoice.line_items],
        "purchase_orders": [
            {
                "id": link.purchase_order_id,
                "order_number": link.purchase_order.order_number,
                "link": link.link,
                "score": number(link.score),
                "amount": money(link.amount),
                "reason": link.reason,
            }
            for link in invoice.purchase_order_links
        ],
        "variances": list(invoice.variances or []),
        "file": {
            "filename": invoice.file_name,
            "sha256": invoice.file_sha256,
            "size": invoice.file_size,
            "pages": invoice.file_pages,
            "url": f"/api/v2/invoices/{invoice.id}/file/",
        },
        "source": {"channel": invoice.source_channel, "reference": invoice.source_reference},
        "extraction": extraction,
        "corrections": corrections,
        "extracted": {k: extracted[k] for k in corrections if k in extracted},
        "created_date": iso(invoice.created_date),
        "modified_date": iso(invoice.modified_date),
    }


def batch_view(report: BatchReport) -> dict[str, Any]:
    """A bulk importation as ``GET /api/v2/bulk_importations/{id}/`` answers it."""
    return {
        "id": report.id,
        "outlet": report.outlet_id,
        "supplier": report.supplier_id,
        "channel": str(report.channel),
        "reference": report.reference,
        "created_date": iso(report.created_date),
        "counts": {str(status): n for status, n in report.counts.items()},
        "invoice_count": sum(report.counts.values()),
        "done": report.done,
        "done_date": iso(report.done_date),
        "reply": report.reply.as_dict(),
        "errors": [r.as_dict() for r in report.refused],
        "invoices": [
            {
                "id": inv.id,
                "filename": inv.filename,
                "processing_status": str(inv.status),
                "invoice_number": inv.number,
                "total_incl_tax": money(inv.total),
                "currency": inv.currency,
            }
            for inv in report.invoices
        ],
    }


def batch_summary_view(report: BatchReport) -> dict[str, Any]:
    """A bulk importation in a list: the same without its invoices."""
    view = batch_view(report)
    del view["invoices"]
    view["error_count"] = len(report.refused)
    del view["errors"]
    return view
