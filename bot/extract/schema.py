"""The one typed model of an extracted invoice.

Every engine returns it, the Gemini engine derives its response schema from it, and the API
serialises it. Money is ``Decimal`` and dates are ``date``: never floats, never free text.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Fields whose absence makes an extraction INCOMPLETE rather than PROCESSED.
KEY_FIELDS: tuple[str, ...] = (
    "invoice_number",
    "invoice_date",
    "currency",
    "total_incl_tax",
    "supplier_name",
)


class LineItem(BaseModel):
    """One line of the invoice table."""

    model_config = ConfigDict(extra="forbid")

    description: str | None = None
    product_code: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None
    total: Decimal | None = None
    tax_rate: Decimal | None = None


class ExtractedInvoice(BaseModel):
    """The fields read from one invoice document, in the contract's names."""

    model_config = ConfigDict(extra="forbid")

    document_type: Literal["invoice", "credit_note"] = "invoice"
    invoice_number: str | None = None
    invoice_date: date | None = None
    due_date: date | None = None
    currency: str | None = Field(default=None, description="ISO 4217 code, e.g. EUR")
    total_excl_tax: Decimal | None = None
    tax_amount: Decimal | None = None
    total_incl_tax: Decimal | None = None
    supplier_name: str | None = None
    supplier_tax_id: str | None = None
    po_references: list[str] = Field(default_factory=list)
    line_items: list[LineItem] = Field(default_factory=list)


class Position(BaseModel):
    """Where a value was read, so that a reviewer can be shown it on the page."""

    model_config = ConfigDict(extra="forbid")

    page: int = Field(description="1-based page number")
    box: tuple[float, float, float, float] = Field(
        description="x0, y0, x1, y1 in points (1/72 inch) from the page's top-left corner"
    )


class ExtractionResult(BaseModel):
    """What an engine returns: the fields plus how sure it is and what it noticed."""

    model_config = ConfigDict(extra="forbid")

    engine: str
    invoice: ExtractedInvoice
    #: field name -> confidence in [0, 1]
    confidence: dict[str, float] = Field(default_factory=dict)
    #: human-readable remarks (missing fields, arithmetic that does not hold)
    warnings: list[str] = Field(default_factory=list)
    #: pages the engine read (for the file record); None when unknown
    pages: int | None = None
    #: where each field was read: header field names, ``po_references.N``, ``line_items.N``
    #: (engines that read no page, like the e-invoice XML, leave it empty)
    positions: dict[str, Position] = Field(default_factory=dict)


#: the single-valued fields of an invoice (everything but the PO references and line items)
HEADER_FIELDS: tuple[str, ...] = tuple(
    name for name in ExtractedInvoice.model_fields if name not in ("po_references", "line_items")
)
