"""The invoice as the linker sees it: extracted fields with people's corrections on top.

Linking runs after extraction, but an invoice may be linked again after a correction; taking
the corrected value where there is one keeps both cases the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from storage.models import Invoice


@dataclass(frozen=True)
class InvoiceFacts:
    id: str
    outlet_id: str
    document_type: str
    invoice_number: str | None
    invoice_date: date | None
    received_on: date
    currency: str | None
    total_incl_tax: Decimal | None
    total_excl_tax: Decimal | None
    supplier_name: str | None
    supplier_tax_id: str | None
    po_references: list[str]

    @property
    def reference_date(self) -> date:
        """The date orders are measured against: the invoice date, else the day it came in."""
        return self.invoice_date or self.received_on

    @classmethod
    def of(cls, invoice: Invoice) -> InvoiceFacts:
        fixed: dict[str, Any] = dict(invoice.corrections or {})

        def pick(name: str) -> Any:
            return fixed[name] if name in fixed else getattr(invoice, name)

        return cls(
            id=invoice.id,
            outlet_id=invoice.outlet_id,
            document_type=pick("document_type") or "invoice",
            invoice_number=_text(pick("invoice_number")),
            invoice_date=_date(pick("invoice_date")),
            received_on=invoice.created_date.date(),
            currency=_text(pick("currency")),
            total_incl_tax=_decimal(pick("total_incl_tax")),
            total_excl_tax=_decimal(pick("total_excl_tax")),
            supplier_name=_text(pick("supplier_name")),
            supplier_tax_id=_text(pick("supplier_tax_id")),
            po_references=[r for r in (pick("po_references") or []) if isinstance(r, str)],
        )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
