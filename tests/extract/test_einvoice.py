"""The einvoice engine on PDFs made here: which attachment it reads, credit notes, hostile XML."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from pypdf import PdfWriter

from bot.config import ExtractionConfig
from bot.errors import ExtractionError
from bot.extract.einvoice import EInvoiceExtractor, read_embedded_invoice
from tests.extract.scanned import text_invoice

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"


def factur_x(
    type_code: str = "380",
    grand_total: str = "121.00",
    basis_quantity: str = "1",
    doctype: str = "",
    seller_name: str = "Fresh Greens BV",
) -> bytes:
    """A small Factur-X (EN 16931) invoice: one line of 40 kg tomatoes at 2.50 per kg."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>{doctype}
<rsm:CrossIndustryInvoice xmlns:rsm="{RSM}" xmlns:ram="{RAM}" xmlns:udt="{UDT}">
  <rsm:ExchangedDocument>
    <ram:ID>INV-2024-0042</ram:ID>
    <ram:TypeCode>{type_code}</ram:TypeCode>
    <ram:IssueDateTime>
      <udt:DateTimeString format="102">20240301</udt:DateTimeString>
    </ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedTradeProduct>
        <ram:SellerAssignedID>TOM-1</ram:SellerAssignedID>
        <ram:Name>Tomatoes</ram:Name>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice>
          <ram:ChargeAmount>{Decimal("2.50") * Decimal(basis_quantity)}</ram:ChargeAmount>
          <ram:BasisQuantity unitCode="KGM">{basis_quantity}</ram:BasisQuantity>
        </ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="KGM">40</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode><ram:RateApplicablePercent>0</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>100.00</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty>
        <ram:Name>{seller_name}</ram:Name>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="FC">12/345/67890</ram:ID>
        </ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">NL123456789B01</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerOrderReferencedDocument>
        <ram:IssuerAssignedID>PO-1001</ram:IssuerAssignedID>
      </ram:BuyerOrderReferencedDocument>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradePaymentTerms>
        <ram:DueDateDateTime>
          <udt:DateTimeString format="102">20240331</udt:DateTimeString>
        </ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>100.00</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="USD">23.00</ram:TaxTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">21.00</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>{grand_total}</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
""".encode()


UBL_CREDIT_NOTE = b"""<?xml version="1.0" encoding="UTF-8"?>
<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>CN-7</cbc:ID>
  <cbc:IssueDate>2024-04-02</cbc:IssueDate>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:OrderReference><cbc:ID>PO-77</cbc:ID></cac:OrderReference>
  <cac:AccountingSupplierParty><cac:Party>
    <cac:PartyTaxScheme><cbc:CompanyID>BE0123456789</cbc:CompanyID>
      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
    <cac:PartyLegalEntity>
      <cbc:RegistrationName>Bakkerij Jansen</cbc:RegistrationName>
    </cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">1.20</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:TaxExclusiveAmount currencyID="EUR">20.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">21.20</cbc:TaxInclusiveAmount>
  </cac:LegalMonetaryTotal>
  <cac:CreditNoteLine>
    <cbc:CreditedQuantity unitCode="C62">10</cbc:CreditedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Bread</cbc:Name>
      <cac:ClassifiedTaxCategory><cbc:Percent>6</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="EUR">2.00</cbc:PriceAmount></cac:Price>
  </cac:CreditNoteLine>
</CreditNote>
"""


def pdf_with(*attachments: tuple[str, bytes]) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(text_invoice(pages=1)))
    for name, data in attachments:
        writer.add_attachment(name, data)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def engine() -> EInvoiceExtractor:
    return EInvoiceExtractor(ExtractionConfig())


async def test_reads_every_field_of_a_factur_x_invoice() -> None:
    result = await engine().extract(pdf_with(("factur-x.xml", factur_x())))
    invoice = result.invoice
    assert result.engine == "einvoice"
    assert result.pages == 1
    assert invoice.document_type == "invoice"
    assert invoice.invoice_number == "INV-2024-0042"
    assert str(invoice.invoice_date) == "2024-03-01"
    assert str(invoice.due_date) == "2024-03-31"
    assert invoice.currency == "EUR"
    assert invoice.total_excl_tax == Decimal("100.00")
    assert invoice.tax_amount == Decimal("21.00")  # the one in the invoice currency
    assert invoice.total_incl_tax == Decimal("121.00")
    assert invoice.supplier_name == "Fresh Greens BV"
    assert invoice.supplier_tax_id == "NL123456789B01"  # VA, not the FC tax number
    assert invoice.po_references == ["PO-1001"]
    [line] = invoice.line_items
    assert (line.description, line.product_code, line.unit) == ("Tomatoes", "TOM-1", "KGM")
    assert (line.quantity, line.unit_price, line.total) == (40, Decimal("2.50"), 100)
    assert line.tax_rate == Decimal("0")  # a zero rate is a value, not a missing one
    assert result.warnings == []
    assert result.confidence["total_incl_tax"] == 1.0


async def test_price_per_basis_quantity_is_per_unit() -> None:
    result = await engine().extract(pdf_with(("factur-x.xml", factur_x(basis_quantity="100"))))
    assert result.invoice.line_items[0].unit_price == Decimal("2.50")


async def test_type_code_381_is_a_credit_note() -> None:
    result = await engine().extract(pdf_with(("factur-x.xml", factur_x(type_code="381"))))
    assert result.invoice.document_type == "credit_note"


async def test_ubl_credit_note() -> None:
    result = await engine().extract(pdf_with(("ubl.xml", UBL_CREDIT_NOTE)))
    invoice = result.invoice
    assert invoice.document_type == "credit_note"
    assert invoice.invoice_number == "CN-7"
    assert invoice.supplier_name == "Bakkerij Jansen"
    assert invoice.supplier_tax_id == "BE0123456789"
    assert invoice.po_references == ["PO-77"]
    assert (invoice.total_excl_tax, invoice.tax_amount) == (Decimal("20.00"), Decimal("1.20"))
    assert invoice.line_items[0].quantity == 10
    assert invoice.line_items[0].tax_rate == 6
    assert result.warnings == []


async def test_arithmetic_that_does_not_hold_is_a_warning() -> None:
    result = await engine().extract(pdf_with(("factur-x.xml", factur_x(grand_total="150.00"))))
    assert any("is not the total" in w for w in result.warnings)


async def test_a_side_file_does_not_hide_the_invoice() -> None:
    pdf = pdf_with(
        ("logistics.xml", b"<shipment><parcel>1</parcel></shipment>"),
        ("broken.xml", b"<not closed"),
        ("zugferd-invoice.xml", factur_x()),
    )
    assert read_embedded_invoice(pdf)["invoice"] is not None
    assert (await engine().extract(pdf)).invoice.invoice_number == "INV-2024-0042"


async def test_no_xml_is_an_extraction_error() -> None:
    pdf = pdf_with(("notes.txt", b"hello"), ("logistics.xml", b"<shipment/>"))
    assert read_embedded_invoice(pdf)["invoice"] is None
    with pytest.raises(ExtractionError, match="no embedded e-invoice XML"):
        await engine().extract(pdf)


async def test_entities_are_never_expanded() -> None:
    # An external entity would read a local file into the supplier name; a DTD is refused.
    doctype = '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
    xml = factur_x(doctype=doctype, seller_name="&secret;")
    pdf = pdf_with(("factur-x.xml", xml))
    assert read_embedded_invoice(pdf)["invoice"] is None
    with pytest.raises(ExtractionError, match="no embedded e-invoice XML.*declares a DTD"):
        await engine().extract(pdf)


async def test_oversized_xml_is_refused_with_a_reason() -> None:
    padding = b"<!--" + b"x" * (11 * 1024 * 1024) + b"-->"
    pdf = pdf_with(("factur-x.xml", factur_x().replace(b"<rsm:Cross", padding + b"<rsm:Cross", 1)))
    with pytest.raises(ExtractionError, match="larger than 10 MB"):
        await engine().extract(pdf)


async def test_not_a_pdf() -> None:
    with pytest.raises(ExtractionError):
        await engine().extract(b"PK\x03\x04 a zip file, not a PDF")
