"""The einvoice engine on e-invoices written the ways real writers write them.

Each test is a regression for a case found by running the parsers over public sample e-invoices
(Factur-X, ZUGFeRD 1/2, XRechnung, Peppol BIS, UBL 2.1); the XML here is written for the test.
"""

from __future__ import annotations

import io
import time
from decimal import Decimal

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

from bot.errors import ExtractionError
from bot.extract.einvoice import find_invoice, read_embedded_invoice
from bot.extract.schema import ExtractedInvoice
from bot.extract.xml_cii import is_cii, parse_cii
from bot.extract.xml_common import parse_xml
from bot.extract.xml_ubl import is_ubl, parse_ubl
from tests.extract.scanned import text_invoice
from tests.extract.test_einvoice import RAM, UBL_CREDIT_NOTE, UDT, factur_x, pdf_with

UBL_INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"

ORDER_X_NS = "urn:un:unece:uncefact:data:SCRDMCCBDACIOMessageStructure:100"
ORDER_X = f"""<?xml version="1.0" encoding="UTF-8"?>
<rsm:SCRDMCCBDACIOMessageStructure xmlns:rsm="{ORDER_X_NS}" xmlns:ram="{RAM}" xmlns:udt="{UDT}">
  <rsm:ExchangedDocument>
    <ram:ID>PO-555</ram:ID>
    <ram:TypeCode>220</ram:TypeCode>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:OrderCurrencyCode>EUR</ram:OrderCurrencyCode>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:SCRDMCCBDACIOMessageStructure>
""".encode()


def ubl_invoice(header: str = "", party: str = "", totals: str = "") -> bytes:
    """A minimal UBL 2.1 invoice; ``header``, ``party`` and ``totals`` add or replace elements."""
    party = party or (
        "<cac:PartyName><cbc:Name>Greens Trading</cbc:Name></cac:PartyName>"
        "<cac:PartyLegalEntity><cbc:RegistrationName>Fresh Greens BV</cbc:RegistrationName>"
        "</cac:PartyLegalEntity>"
    )
    totals = totals or (
        '<cbc:TaxExclusiveAmount currencyID="EUR">100.00</cbc:TaxExclusiveAmount>'
        '<cbc:TaxInclusiveAmount currencyID="EUR">121.00</cbc:TaxInclusiveAmount>'
        '<cbc:PayableAmount currencyID="EUR">121.00</cbc:PayableAmount>'
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="{UBL_INVOICE_NS}" xmlns:cac="{CAC}" xmlns:cbc="{CBC}">
  <cbc:ID>U-1</cbc:ID>
  <cbc:IssueDate>2024-05-02</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  {header}
  <cac:AccountingSupplierParty><cac:Party>{party}</cac:Party></cac:AccountingSupplierParty>
  <cac:LegalMonetaryTotal>{totals}</cac:LegalMonetaryTotal>
</Invoice>
""".encode()


def read(xml: bytes) -> ExtractedInvoice:
    root = parse_xml(xml)
    if is_ubl(root):
        return parse_ubl(root)
    assert is_cii(root)
    return parse_cii(root)


def found_name(pdf: bytes) -> str | None:
    try:
        return find_invoice(PdfReader(io.BytesIO(pdf)))[0]
    except ExtractionError:
        return None


# --- which document is an invoice ------------------------------------------------------------


def test_an_order_x_order_is_no_invoice() -> None:
    # Order-X shares ExchangedDocument with CII invoices; its ID is an order number.
    assert not is_cii(parse_xml(ORDER_X))
    assert found_name(pdf_with(("order-x.xml", ORDER_X))) is None
    assert found_name(pdf_with(("order-x.xml", ORDER_X), ("factur-x.xml", factur_x()))) == (
        "factur-x.xml"
    )


def test_cii_with_a_default_namespace_and_odd_prefixes() -> None:
    xml = (
        factur_x()
        .replace(b"rsm:", b"")
        .replace(b'xmlns:rsm="', b'xmlns="')
        .replace(b"ram:", b"ns1:")
        .replace(b"xmlns:ram=", b"xmlns:ns1=")
    )
    invoice = read(xml)
    assert (invoice.invoice_number, invoice.total_incl_tax) == ("INV-2024-0042", Decimal("121.00"))
    assert invoice.line_items[0].description == "Tomatoes"


# --- bytes before the root -------------------------------------------------------------------


@pytest.mark.parametrize("prefix", [b"\n", b"\r\n  ", b"\xef\xbb\xbf\n", b"\xef\xbb\xbf"])
def test_whitespace_or_a_bom_before_the_xml_declaration(prefix: bytes) -> None:
    assert read(prefix + factur_x()).invoice_number == "INV-2024-0042"


@pytest.mark.parametrize("encoding", ["UTF-16", "ISO-8859-1"])
def test_declared_encodings_are_honoured(encoding: str) -> None:
    text = factur_x(seller_name="Grünes Gemüse GmbH").decode()
    xml = text.replace('encoding="UTF-8"', f'encoding="{encoding}"').encode(encoding.lower())
    assert read(xml).supplier_name == "Grünes Gemüse GmbH"


def test_billion_laughs_is_refused_quickly() -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    xml = f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><r>&a9;</r>'.encode()
    start = time.monotonic()
    with pytest.raises(ExtractionError):
        parse_xml(xml)
    assert time.monotonic() - start < 2


def test_deeply_nested_xml_is_refused() -> None:
    with pytest.raises(ExtractionError):
        parse_xml(b"<a>" * 50_000 + b"</a>" * 50_000)


# --- CII fields ------------------------------------------------------------------------------


def test_cii_iso_date_despite_format_102() -> None:
    xml = (
        factur_x().replace(b">20240301<", b">2024-03-01<").replace(b">20240331<", b"> 2024-03-31 <")
    )
    invoice = read(xml)
    assert (str(invoice.invoice_date), str(invoice.due_date)) == ("2024-03-01", "2024-03-31")


def test_cii_month_only_date_format_is_no_day() -> None:
    xml = factur_x().replace(b'format="102">20240301', b'format="610">202403')
    assert read(xml).invoice_date is None


def test_cii_vat_scheme_written_as_vat() -> None:
    xml = factur_x().replace(b'schemeID="VA"', b'schemeID="vat"')
    assert read(xml).supplier_tax_id == "NL123456789B01"
    only_fc = factur_x().replace(b'schemeID="VA"', b'schemeID="FC"')
    assert read(only_fc).supplier_tax_id is None  # FC is a national tax number, not a VAT id


# --- UBL fields ------------------------------------------------------------------------------


def test_ubl_seller_name_is_the_legal_name() -> None:
    # BT-27 (RegistrationName), like CII's SellerTradeParty/Name; BT-28 trading name as fallback.
    assert read(ubl_invoice()).supplier_name == "Fresh Greens BV"
    trading_only = "<cac:PartyName><cbc:Name>Greens Trading</cbc:Name></cac:PartyName>"
    assert read(ubl_invoice(party=trading_only)).supplier_name == "Greens Trading"


def test_ubl_due_date_in_payment_terms() -> None:
    terms = (
        "<cac:PaymentTerms><cbc:PaymentDueDate>2024-06-01</cbc:PaymentDueDate></cac:PaymentTerms>"
    )
    assert str(read(ubl_invoice(header=terms)).due_date) == "2024-06-01"
    due = "<cbc:DueDate>2024-05-31</cbc:DueDate>"
    assert str(read(ubl_invoice(header=due + terms)).due_date) == "2024-05-31"


def test_ubl_currency_from_the_amounts_when_the_code_is_missing() -> None:
    assert read(ubl_invoice()).currency == "EUR"
    code = "<cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>"
    assert read(ubl_invoice(header=code)).currency == "SEK"


def test_ubl_credit_note_with_a_prefixed_root() -> None:
    xml = UBL_CREDIT_NOTE.replace(b"<CreditNote xmlns=", b"<ns0:CreditNote xmlns:ns0=").replace(
        b"</CreditNote>", b"</ns0:CreditNote>"
    )
    invoice = read(xml)
    assert (invoice.document_type, invoice.invoice_number) == ("credit_note", "CN-7")


# --- where the XML is in the PDF -------------------------------------------------------------


def _file_spec(writer: PdfWriter, name: str, data: bytes) -> DictionaryObject:
    """A file specification with an embedded file, added to ``writer`` but to no name tree."""
    stream = writer._add_object(_stream(data))  # noqa: SLF001 - pypdf has no public helper
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Filespec"),
            NameObject("/F"): TextStringObject(name),
            NameObject("/UF"): TextStringObject(name),
            NameObject("/EF"): DictionaryObject({NameObject("/F"): stream}),
        }
    )


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream[NameObject("/Type")] = NameObject("/EmbeddedFile")
    return stream


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_xml_only_in_the_associated_files() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(text_invoice(pages=1)))
    spec = writer._add_object(_file_spec(writer, "factur-x.xml", factur_x()))  # noqa: SLF001
    writer._root_object[NameObject("/AF")] = ArrayObject([spec])  # noqa: SLF001
    pdf = _written(writer)
    assert found_name(pdf) == "factur-x.xml"
    assert read_embedded_invoice(pdf)["invoice"]["invoice_number"] == "INV-2024-0042"


def test_xml_attached_to_a_page() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(text_invoice(pages=1)))
    annot = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FileAttachment"),
            NameObject("/Rect"): ArrayObject([]),
            NameObject("/FS"): _file_spec(writer, "zugferd-invoice.xml", factur_x()),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])  # noqa: SLF001
    assert found_name(_written(writer)) == "zugferd-invoice.xml"


def test_xml_under_a_name_without_xml_extension() -> None:
    pdf = pdf_with(("invoice", b"\n" + factur_x()), ("readme", b"not xml"))
    assert found_name(pdf) == "invoice"


def test_a_non_invoice_xml_alone_falls_back() -> None:
    pdf = pdf_with(("order-x.xml", ORDER_X), ("data.xml", b"<?xml version='1.0'?><rows/>"))
    assert read_embedded_invoice(pdf)["error"].startswith("no embedded e-invoice XML")


def test_ubl_order_reference_na_is_no_order() -> None:
    # Peppol BIS 3 writes NA in BT-13 when only the seller's order number (BT-14) is known.
    na = "<cac:OrderReference><cbc:ID>NA</cbc:ID><cbc:SalesOrderID>SO-9</cbc:SalesOrderID>"
    assert read(ubl_invoice(header=na + "</cac:OrderReference>")).po_references == []
    po = "<cac:OrderReference><cbc:ID> PO-9 </cbc:ID></cac:OrderReference>"
    assert read(ubl_invoice(header=po)).po_references == ["PO-9"]


def test_cii_line_described_but_not_named() -> None:
    xml = factur_x().replace(
        b"<ram:Name>Tomatoes</ram:Name>", b"<ram:Description>Tomatoes</ram:Description>"
    )
    assert read(xml).line_items[0].description == "Tomatoes"


def test_invoice_inside_a_peppol_envelope() -> None:
    sbdh = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"
    body = ubl_invoice().split(b"?>", 1)[1]
    xml = (
        (
            f'<sh:StandardBusinessDocument xmlns:sh="{sbdh}"><sh:StandardBusinessDocumentHeader>'
            "<sh:HeaderVersion>1.0</sh:HeaderVersion></sh:StandardBusinessDocumentHeader>"
        ).encode()
        + body
        + b"</sh:StandardBusinessDocument>"
    )
    result = read_embedded_invoice(pdf_with(("peppol.xml", xml)))
    assert result["invoice"]["invoice_number"] == "U-1"
