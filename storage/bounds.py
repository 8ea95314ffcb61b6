"""What the columns can hold, read from the schema itself: the one set of limits every edge
checks input against (``bot/bounds.py``), so a value the database would refuse (too long, out
of range) is answered 400 with its field instead of failing in the driver.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Column, String

from storage.models import (
    BulkImportation,
    Invoice,
    OAuthClient,
    Outlet,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
)
from storage.types import SCALE, Amount


def _length(attr: object) -> int:
    column: Column[object] = attr.property.columns[0]  # type: ignore[attr-defined]
    assert isinstance(column.type, String) and column.type.length, column
    return int(column.type.length)


#: ids chosen by the caller (outlets, suppliers, purchase orders)
ID_LENGTH = min(_length(Outlet.id), _length(Supplier.id), _length(PurchaseOrder.id))
#: ids we generate (invoices, bulk importations): a longer one cannot exist
UUID_LENGTH = min(_length(Invoice.id), _length(BulkImportation.id))
CLIENT_ID_LENGTH = _length(OAuthClient.id)
NAME_LENGTH = min(_length(Outlet.name), _length(Supplier.name))
TAX_ID_LENGTH = _length(Supplier.tax_id)
ORDER_NUMBER_LENGTH = _length(PurchaseOrder.order_number)
CURRENCY_LENGTH = _length(PurchaseOrder.currency)
PRODUCT_CODE_LENGTH = _length(PurchaseOrderLine.product_code)
UNIT_LENGTH = _length(PurchaseOrderLine.unit)
INVOICE_NUMBER_LENGTH = _length(Invoice.invoice_number)
SUPPLIER_NAME_LENGTH = _length(Invoice.supplier_name)
SUPPLIER_TAX_ID_LENGTH = _length(Invoice.supplier_tax_id)
FILE_FIELD_LENGTH = _length(Invoice.file_field)
#: kept shorter than the column (500): the longest name most file systems allow
FILE_NAME_LENGTH = min(255, _length(Invoice.file_name))
#: an email address (RFC 5321's path limit; bulk_importations.sender holds it)
EMAIL_LENGTH = _length(BulkImportation.sender)
#: free text in TEXT columns (line descriptions) and items of JSON lists (aliases, PO refs)
TEXT_LENGTH = 2000
LIST_LENGTH = 200

_impl = Amount.impl
assert _impl.precision is not None and _impl.scale == SCALE
#: the largest amount ``NUMERIC(18, 4)`` holds (and SQLite's scaled 64-bit integer)
MAX_AMOUNT = Decimal(10) ** (_impl.precision - SCALE) - Decimal(1).scaleb(-SCALE)
