"""Reading the supplier's name from letterheads, sender lines, footers and domains."""

from __future__ import annotations

import pytest

from bot.extract.parse import parse_pages
from bot.extract.parties import _registered


def _supplier(page: str) -> str | None:
    return parse_pages([page]).invoice.supplier_name


def test_the_name_the_footer_prints_with_its_legal_form_is_the_sellers_name() -> None:
    """The letterhead prints a trade name; the registered name (EN 16931's seller name, as an
    e-invoice of the same sale carries it) is the one with its legal form."""
    page = (
        "Frischdienst Becker\n"
        "Industriestraße 12\n"
        "20457 Hamburg\n"
        "Rechnung Nr. RE-10023                                   Datum: 05.03.2024\n"
        "Gesamtbetrag                                                 119,00 €\n"
        "Frischdienst Becker KG  ·  Amtsgericht Hamburg HRA 1234  ·  USt-IdNr. DE123456789\n"
    )
    assert _supplier(page) == "Frischdienst Becker KG"


def test_a_legal_form_in_the_footers_sentence_completes_the_letterheads_name() -> None:
    page = (
        "Roux Logiciels\n"
        "12, rue de la République  ·  69002 Lyon\n"
        "Facture n° F-2024-118                                  Date : 05/03/2024\n"
        "Total TTC                                                   120,00 €\n"
        "Roux Logiciels SAS au capital de 10 000 €  ·  RCS Lyon 812 345 678\n"
    )
    assert _supplier(page) == "Roux Logiciels SAS"
    # a form one column gap away is another cell's word, not the name's
    assert _supplier(page.replace("Logiciels SAS", "Logiciels    SA")) == "Roux Logiciels"


def test_the_town_of_the_address_block_is_not_the_name() -> None:
    page = (
        "Edinburgh Catering Equipment Hire\n"
        "88 Mill Lane\n"
        "Edinburgh\n"
        "EH6 7BD\n"
        "info@edinburghcatering.co.uk\n"
        "Sold To\n"
        "The Olive Tree, 12 Rose Street, Edinburgh\n"
        "Invoice No: 4711                                      Date: 05/03/2024\n"
        "Total due                                                   £120.00\n"
    )
    assert _supplier(page) == "Edinburgh Catering Equipment Hire"


def test_a_sender_line_with_wide_gaps_is_read_as_one() -> None:
    page = (
        "                 Manchester Business Telecom\n"
        "          100 Victoria Road  ·  Manchester  ·  M4 6DE\n"
        "Tel +44 161 389 3184  ·  info@manchesterbusiness.co.uk\n"
        "Invoice No: 4711                                      Date: 05/03/2024\n"
        "Manchester Road Café\n"
        "Total due                                                   £120.00\n"
    )
    assert _supplier(page) == "Manchester Business Telecom"


@pytest.mark.parametrize(
    "name",
    [
        "Amsterdam Keukenverhuur V.O.F.",
        "Innsbrucker Feinkost Ges.m.b.H.",
        "Brasserie Dupont S.à r.l.",
        # cooperatives: wine growers, dairies
        "Winzergenossenschaft Rheinblick eG",
        "Cantábrico Equipamiento Hostelería S.Coop.",
        "Zuivelcoöperatie Noord U.A.",
    ],
)
def test_legal_forms_with_dots_make_a_name(name: str) -> None:
    page = (
        f"{name}\n"
        "Havenkade 82  ·  1012 AB Amsterdam\n"
        "Gefactureerd aan\n"
        "Brasserie Nova\n"
        "Factuurnummer: 2024-118                          Factuurdatum: 12-03-2024\n"
        "Totaal incl. BTW                                           121,00\n"
    )
    assert _supplier(page) == name


@pytest.mark.parametrize(
    ("host", "name"),
    [("www.acme.co.uk", "acme"), ("mail.acme.de", "acme"), ("acme.info", "acme"), ("acme", "acme")],
)
def test_the_registered_part_of_a_host(host: str, name: str) -> None:
    assert _registered(host) == name


def test_two_legal_forms_in_a_row_stay_in_the_name() -> None:
    page = (
        "Atlantic Fish Co. Ltd\n"
        "12 Harbour Road, Cork\n"
        "Invoice No: 4711                                      Date: 05/03/2024\n"
        "Total due                                                   €120.00\n"
        "Atlantic Fish Co. Ltd · Registered in Ireland No. 123456\n"
    )
    assert _supplier(page) == "Atlantic Fish Co. Ltd"


def test_a_sold_by_label_names_the_seller_and_a_title_is_no_name() -> None:
    page = (
        "                                  Retail Invoices/Bill\n"
        "                                                  Invoice No : # BLR_WFLD2015100\n"
        "Sold By : WS Retail Services Pvt. Ltd.,\n"
        "Invoice Date: 20-10-2015\n"
        "Grand Total                                          319.00\n"
    )
    assert _supplier(page) == "WS Retail Services Pvt. Ltd."


def test_a_tagline_with_a_seller_word_is_no_label() -> None:
    page = (
        "                          Moreau Équipement CHR\n"
        "                          Fournisseur des professionnels de la restauration\n"
        "                          79, rue du Commerce  ·  1000 Bruxelles\n"
        "Facture n° F-2024-311                                 Date : 14/03/2024\n"
        "Total TTC                                               120,00 €\n"
    )
    assert _supplier(page) == "Moreau Équipement CHR"


@pytest.mark.parametrize(
    ("seller", "buyer", "expected"),
    [
        ("P.IVA: 17050710015", "P. IVA: IT92154340050", "17050710015"),
        ("NIF: B14469464", "NIF: ESB08685570", "B14469464"),
        ("Ondernemingsnr.: BE 0481.300.043", "Btw-nr.: BE0875879514", "BE0481300043"),
    ],
)
def test_the_sellers_vat_number_under_its_own_label_without_its_country_prefix(
    seller: str, buyer: str, expected: str
) -> None:
    """Odoo prints the seller's VAT number as its country writes it ("P.IVA: 17050710015",
    "NIF: B14469464", Belgium's enterprise number) and the customer's with its prefix, in an
    address block no label names: a national number under a VAT label is the VAT id."""
    page = (
        "Bianchi Forniture S.r.l.                                   Via Ripamonti 88\n"
        f"                                                           {seller}\n"
        "\n"
        "                              Hotel Bellavista S.r.l.\n"
        "                              Via Galileo Ferraris 159\n"
        "                              80143 Napoli\n"
        f"                              {buyer}\n"
        "FATTURA INV/2025/2191\n"
        "Data fattura: 24/04/2025\n"
        "Totale                                                        122,00 €\n"
    )
    assert parse_pages([page]).invoice.supplier_tax_id == expected
