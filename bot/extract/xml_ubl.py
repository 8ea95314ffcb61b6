"""Read an OASIS UBL 2.1 ``Invoice`` or ``CreditNote`` (Peppol BIS, XRechnung UBL, Odoo exports)."""

from __future__ import annotations

from datetime import date

from lxml import etree

from bot.extract import xml_common as xml
from bot.extract.schema import ExtractedInvoice, LineItem

UBL_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:"
#: the ``OrderReference/ID`` Peppol BIS 3 prescribes when there is no buyer's order number
NO_ORDER_REFERENCE = "NA"
#: the item identifiers a line's product code is taken from, the first found first
_ITEM_IDS = tuple(f"{who}ItemIdentification/ID" for who in ("Sellers", "Standard", "Buyers"))


def is_ubl(root: etree._Element) -> bool:
    namespace = etree.QName(root).namespace or ""
    return xml.local(root) in ("Invoice", "CreditNote") and namespace.startswith(UBL_NAMESPACE)


def parse_ubl(root: etree._Element) -> ExtractedInvoice:
    is_credit_note = xml.local(root) == "CreditNote"
    type_code = xml.text(root, "InvoiceTypeCode", "CreditNoteTypeCode")
    supplier = xml.find(root, "AccountingSupplierParty/Party")
    totals = xml.find(root, "LegalMonetaryTotal")
    currency = xml.text(root, "DocumentCurrencyCode") or _amount_currency(totals)
    line_tag = "CreditNoteLine" if is_credit_note else "InvoiceLine"
    return ExtractedInvoice(
        document_type="credit_note"
        if is_credit_note or type_code in xml.CREDIT_NOTE_CODES
        else "invoice",
        invoice_number=xml.text(root, "ID"),
        invoice_date=xml.parse_iso_date(xml.text(root, "IssueDate")),
        due_date=_due_date(root),
        currency=currency,
        total_excl_tax=xml.decimal(totals, "TaxExclusiveAmount"),
        tax_amount=xml.in_currency(xml.find_all(root, "TaxTotal/TaxAmount"), currency),
        total_incl_tax=xml.decimal(totals, "TaxInclusiveAmount"),
        supplier_name=_seller_name(supplier),
        supplier_tax_id=_vat_id(supplier),
        po_references=_order_references(root),
        line_items=xml.with_content(map(_line, xml.find_all(root, line_tag))),
    )


def _amount_currency(totals: etree._Element | None) -> str | None:
    """The currency of the totals, for a document that omits ``DocumentCurrencyCode``."""
    names = ("PayableAmount", "TaxInclusiveAmount", "TaxExclusiveAmount")
    amounts = (xml.find(totals, name) for name in names)
    codes = ((amount.get("currencyID") or "").strip() for amount in amounts if amount is not None)
    return next((code for code in codes if code), None)


def _due_date(root: etree._Element) -> date | None:
    """BT-9: ``DueDate`` on an invoice, ``PaymentMeans/PaymentDueDate`` on a credit note.

    ``PaymentTerms/PaymentDueDate`` is the UBL 2.1 element some non-EN 16931 writers use instead.
    """
    paths = ("DueDate", "PaymentMeans/PaymentDueDate", "PaymentTerms/PaymentDueDate")
    return next((due for path in paths if (due := xml.parse_iso_date(xml.text(root, path)))), None)


def _seller_name(party: etree._Element | None) -> str | None:
    """BT-27, the seller's legal name; the trading name (BT-28) only when it is missing.

    This is what CII's ``SellerTradeParty/Name`` holds, so both syntaxes give the same name.
    """
    return xml.text(party, "PartyLegalEntity/RegistrationName", "PartyName/Name")


def _order_references(root: etree._Element) -> list[str]:
    """BT-13. Peppol writes ``NA`` here when it only has the seller's order number (BT-14)."""
    ref = xml.text(root, "OrderReference/ID")
    return [ref] if ref is not None and ref != NO_ORDER_REFERENCE else []


def _vat_id(party: etree._Element | None) -> str | None:
    schemes = xml.find_all(party, "PartyTaxScheme")
    vat = [s for s in schemes if (xml.text(s, "TaxScheme/ID") or "VAT").upper() == "VAT"]
    return next((value for s in vat if (value := xml.text(s, "CompanyID")) is not None), None)


def _line(line: etree._Element) -> LineItem:
    quantity = xml.find(line, "InvoicedQuantity", "CreditedQuantity")
    item = xml.find(line, "Item")
    return LineItem(
        description=xml.text(item, "Name", "Description"),
        product_code=xml.text(item, *_ITEM_IDS),
        quantity=xml.decimal_of(quantity),
        unit=(quantity.get("unitCode") or None) if quantity is not None else None,
        unit_price=xml.per_unit(xml.find(line, "Price"), "PriceAmount", "BaseQuantity"),
        total=xml.decimal(line, "LineExtensionAmount"),
        tax_rate=xml.decimal(
            line, "Item/ClassifiedTaxCategory/Percent", "TaxTotal/TaxSubtotal/Percent"
        ),
    )
