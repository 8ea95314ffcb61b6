"""Read a UN/CEFACT Cross Industry Invoice: ZUGFeRD 1.0, ZUGFeRD 2.x, Factur-X and XRechnung (CII).

ZUGFeRD 1 and 2 name the same things differently (``HeaderExchangedDocument`` against
``ExchangedDocument``, ``ApplicableSupplyChainTradeSettlement`` against
``ApplicableHeaderTradeSettlement`` ...); each field below lists both spellings, 1.0 first.
"""

from __future__ import annotations

from datetime import date

from lxml import etree

from bot.extract import xml_common as xml
from bot.extract.schema import ExtractedInvoice, LineItem

#: root elements of CII invoices: ZUGFeRD 2.x / Factur-X / XRechnung, ZUGFeRD 1.0, CBFBUY drafts
INVOICE_ROOTS = ("CrossIndustryInvoice", "CrossIndustryDocument", "Invoice")

#: SpecifiedTaxRegistration schemes of a VAT id: ``VA`` by the standard; ``VAT`` is a common slip
#: (``FC`` is a national tax number, not a VAT id)
VAT_SCHEMES = ("VA", "VAT")


def is_cii(root: etree._Element) -> bool:
    """True for a CII invoice of any ZUGFeRD generation.

    The root name matters: Order-X orders share ``ExchangedDocument`` with invoices, and an order
    read as an invoice would give its order number as the invoice number.
    """
    return xml.local(root) in INVOICE_ROOTS and (
        xml.find(root, "ExchangedDocument", "HeaderExchangedDocument") is not None
    )


def _date(el: etree._Element | None) -> date | None:
    """A CII date: ``DateTimeString`` in format 102 (``YYYYMMDD``), the only day-exact format.

    A ``YYYY-MM-DD`` value (written by some tools despite format 102, and by the CBFBUY drafts)
    is just as unambiguous, so it is read too.
    """
    inner = xml.find(el, "DateTimeString")
    holder = inner if inner is not None else el
    raw = xml.text_of(holder)
    if holder is None or raw is None or holder.get("format") not in (None, "102"):
        return None
    if len(raw) != 8 or not raw.isdigit():
        return xml.parse_iso_date(raw) if len(raw) >= 10 and raw[4] == "-" else None
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        return None


def parse_cii(root: etree._Element) -> ExtractedInvoice:
    doc = xml.find(root, "HeaderExchangedDocument", "ExchangedDocument")
    trade = xml.find(root, "SpecifiedSupplyChainTradeTransaction", "SupplyChainTradeTransaction")
    agreement = xml.find(
        trade, "ApplicableSupplyChainTradeAgreement", "ApplicableHeaderTradeAgreement"
    )
    settlement = xml.find(
        trade, "ApplicableSupplyChainTradeSettlement", "ApplicableHeaderTradeSettlement"
    )
    summation = xml.find(
        settlement,
        "SpecifiedTradeSettlementMonetarySummation",
        "SpecifiedTradeSettlementHeaderMonetarySummation",
    )
    seller = xml.find(agreement, "SellerTradeParty")

    currency = xml.text(settlement, "InvoiceCurrencyCode")
    grand_total = xml.find(summation, "GrandTotalAmount")
    if currency is None and grand_total is not None:
        currency = grand_total.get("currencyID") or None

    type_code = xml.text(doc, "TypeCode")
    dues = map(_date, xml.find_all(settlement, "SpecifiedTradePaymentTerms/DueDateDateTime"))

    return ExtractedInvoice(
        document_type="credit_note" if type_code in xml.CREDIT_NOTE_CODES else "invoice",
        invoice_number=xml.text(doc, "ID"),
        invoice_date=_date(xml.find(doc, "IssueDateTime")),
        due_date=next((due for due in dues if due is not None), None),
        currency=currency,
        total_excl_tax=xml.decimal(summation, "TaxBasisTotalAmount"),
        tax_amount=xml.in_currency(xml.find_all(summation, "TaxTotalAmount"), currency),
        total_incl_tax=xml.decimal_of(grand_total),
        supplier_name=xml.text(seller, "Name"),
        supplier_tax_id=_vat_id(seller),
        po_references=_po_references(agreement),
        line_items=xml.with_content(
            map(_line, xml.find_all(trade, "IncludedSupplyChainTradeLineItem"))
        ),
    )


def _vat_id(seller: etree._Element | None) -> str | None:
    ids = xml.find_all(seller, "SpecifiedTaxRegistration/ID")
    vat = (xml.text_of(i) for i in ids if (i.get("schemeID") or "").strip().upper() in VAT_SCHEMES)
    return next((value for value in vat if value is not None), None)


def _po_references(agreement: etree._Element | None) -> list[str]:
    refs = xml.find_all(agreement, "BuyerOrderReferencedDocument")
    values = (xml.text(ref, "IssuerAssignedID", "ID") for ref in refs)
    return list(dict.fromkeys(value for value in values if value is not None))


def _line(item: etree._Element) -> LineItem:
    agreement = xml.find(item, "SpecifiedSupplyChainTradeAgreement", "SpecifiedLineTradeAgreement")
    delivery = xml.find(item, "SpecifiedSupplyChainTradeDelivery", "SpecifiedLineTradeDelivery")
    settlement = xml.find(
        item, "SpecifiedSupplyChainTradeSettlement", "SpecifiedLineTradeSettlement"
    )
    product = xml.find(item, "SpecifiedTradeProduct")
    quantity = xml.find(delivery, "BilledQuantity")
    tax = xml.find(settlement, "ApplicableTradeTax")
    return LineItem(
        description=xml.text(product, "Name", "Description"),
        product_code=xml.text(product, "SellerAssignedID", "GlobalID", "BuyerAssignedID"),
        quantity=xml.decimal_of(quantity),
        unit=(quantity.get("unitCode") or None) if quantity is not None else None,
        unit_price=xml.per_unit(
            xml.find(agreement, "NetPriceProductTradePrice"), "ChargeAmount", "BasisQuantity"
        ),
        total=xml.decimal(
            xml.find(
                settlement,
                "SpecifiedTradeSettlementMonetarySummation",
                "SpecifiedTradeSettlementLineMonetarySummation",
            ),
            "LineTotalAmount",
        ),
        tax_rate=xml.decimal(tax, "ApplicablePercent", "RateApplicablePercent"),
    )
