"""Invoices printed by ERPs through wkhtmltopdf (Odoo), TCPDF and Dompdf (Dolibarr, PHP apps):
section lines and tax names inside the table, payments under the total, discount columns,
abbreviated headings, a logo's letters and a name in large type over two rows."""

from __future__ import annotations

from decimal import Decimal

from bot.extract.boxes import layout_page
from bot.extract.parse import parse_pages
from tests.extract.test_text_state import _pdf as _content_pdf
from tests.extract.test_unseen_layouts import T, _pdf, _read

_ODOO = """Delgado Linen Co., Inc.
1420 W Fulton Market, Chicago, IL 60607                     Blue Heron Bistro LLC
Tax ID: 62-1147299                                          68 Commercial Street

Invoice INV/2025/08/0301

Invoice Date:          Due Date:           Source:          Customer Reference:
08/03/2025             09/17/2025          S04075           4500381998

 Description                                        Quantity        Unit       Disc.%     Taxes     Amount
                                                                    Price
 Beverages
 [BV-446] Orange juice, not from concentrate         12.00 Box       16.05       3.00    9.5%       $ 186.82
 [SV-251] Pest control inspection                     2.00 Units    224.39       0.00    9.5%       $ 448.78
                                                                               Subtotal             $ 635.60

                                                       Untaxed Amount                              $ 635.60
                                                       Tax 9.5%                                     $ 60.38
                                                       Total                                       $ 695.98
                                                       Paid on 08/10/2025                          $ 400.00
                                                       Paid on 08/18/2025                          $ 100.00
                                                       Amount Due                                  $ 195.98

Please use the following communication for your payment: INV/2025/08/0301
"""


def test_an_odoo_invoice_partly_paid_with_sections_and_a_discount_column() -> None:
    """The total is the invoice's, not what two payments left due; "Untaxed Amount" is the net;
    "Customer Reference" over its value is the order; a section's name and subtotal are no
    items; the discount in per cent makes quantity x price = amount."""
    invoice = parse_pages([_ODOO]).invoice

    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("635.60"),
        Decimal("60.38"),
        Decimal("695.98"),
    )
    assert invoice.po_references == ["4500381998"]
    assert [(i.product_code, i.quantity, i.unit_price, i.total) for i in invoice.line_items] == [
        ("BV-446", Decimal("12.00"), Decimal("16.05"), Decimal("186.82")),
        ("SV-251", Decimal("2.00"), Decimal("224.39"), Decimal("448.78")),
    ]


def test_a_tax_named_in_the_taxes_column_is_no_totals_label() -> None:
    """ "TVA 20%" under "Taxes" in every row: the table goes on; "Montant hors taxes" is the
    net, not a section's "Sous-total"; a "Référence:" of the invoice's own number is no order."""
    page = """Blanchisserie Moreau SAS                              Facture FAC/2025/0551
12 rue de la Paix, 75002 Paris                        Référence: FAC/2025/0551

 Description                                Quantité        Prix unitaire    Rem.%      Taxes       Montant
 Boissons
 [BV-571] Jus d'orange pur jus 6 x 1 l       10,00 Carton           26,75     0,00    TVA 20%    267,50 €
                                                                                 Sous-total 267,50 €
 Prestations
 [SV_1363] Frais de déplacement technicien    4,00 Unité(s)         79,60     0,00    TVA 20%    318,40 €
                                                                                 Sous-total 318,40 €

                                                      Montant hors taxes                         585,90 €
                                                      TVA 20%                                    117,18 €
                                                      Total                                      703,08 €
"""
    invoice = parse_pages([page]).invoice

    assert [i.product_code for i in invoice.line_items] == ["BV-571", "SV_1363"]
    assert invoice.total_excl_tax == Decimal("585.90")
    assert invoice.po_references == []


def test_dolibarr_headings_price_before_quantity_and_a_discount_amount() -> None:
    """ "U.P. (net)" before "Qty" (the price first), "Dto." and "Base imp." in Spanish, and a
    discount column holding an amount off rather than per cent."""
    page = """Lavandería Sánchez S.L.                                       FACTURA
 Emisor:                                Enviar a:                    Ref. : F-2025-6390
   Lavandería Sánchez S.L.                Hotel Mirador S.L.         Fecha : 13/08/2025

 Descripción                                IVA        P.U.     Cant.       Dto.      Base imp.
 Juego de cama lavado y planchado           21%       32,00      2,29      0,00         73,28
 Toalla de baño 70 x 140 cm                 21%        4,00     10,00      4,00         36,00
                                                            Total (base imponible)     109,28
                                                            IVA 21%                     22,95
                                                            Total                      132,23
"""
    invoice = parse_pages([page]).invoice

    assert invoice.supplier_name == "Lavandería Sánchez S.L."
    assert [(i.quantity, i.unit_price, i.total) for i in invoice.line_items] == [
        (Decimal("2.29"), Decimal("32.00"), Decimal("73.28")),
        (Decimal("10.00"), Decimal("4.00"), Decimal("36.00")),
    ]


def test_german_and_czech_abbreviations() -> None:
    """ "Gesamtbetrag netto" is the net (not the gross "Gesamtbetrag"); "Č. :" numbers a Czech
    document; "Množ." and "MJ" head quantities and units."""
    german = """Müller Frischdienst GmbH                                       Rechnung
                                                               Nr. : RE/2024/054
 Beschreibung                              USt.   Preis netto   Menge   Einheit   Gesamt netto
 Klarspüler 5 l                            19 %         13,19      36   Stk.            474,84
                                              Zwischensumme                         474,84 €
                                              Rabatt 10 %                           -47,48 €
                                              Gesamtbetrag netto                    427,36 €
                                              USt. 19 % auf 427,36 €                 81,20 €
                                              Gesamtbetrag brutto                   508,56 €
"""
    invoice = parse_pages([german]).invoice
    assert (invoice.total_excl_tax, invoice.tax_amount) == (Decimal("427.36"), Decimal("81.20"))

    czech = """Velkoobchod Svoboda a.s.                              Faktura
                                                       Č. : DB2451942
 Popis                               J.cena    Množ.    MJ            Celkem
 Sudové pivo 30 l                  1 756,27        6    ks         10 537,62
                                                    Celkem k úhradě   10 537,62 Kč
"""
    invoice = parse_pages([czech]).invoice
    assert invoice.invoice_number == "DB2451942"
    assert [(i.quantity, i.unit, i.unit_price) for i in invoice.line_items] == [
        (Decimal("6"), "ks", Decimal("1756.27"))
    ]


def test_a_tab_between_words_is_a_space() -> None:
    """Qt's PDF engine (wkhtmltopdf) shows a tab between the words of some fonts."""
    page = layout_page(
        _content_pdf(b"BT /F1 10 Tf 60 700 Td (Colombo\tDistribuzione\tS.p.A.) Tj ET")
    )
    assert page.text.strip() == "Colombo Distribuzione S.p.A."


def test_a_logos_letters_and_a_name_in_large_type_over_two_rows() -> None:
    """ "HF" (a logo's letters) over "Henderson Foodservice LLC" is no part of the name; a name
    in large type wrapped before its legal form ("Kessler Frischdienst" / "GmbH", centred under
    it) is read whole."""
    body = [
        T(120, 90, "Invoice INV/2024/01424"),
        T(120, 96, "Invoice Date: 02/21/2024"),
        T(15, 110, "Description"),
        T(150, 110, "Amount"),
        T(15, 116, "Orange juice 6 x 1 l"),
        T(170, 116, "74.70", right=True),
        T(120, 130, "Total"),
        T(170, 130, "74.70", right=True),
    ]
    monogram = [
        T(15, 12, "HF", size=16),
        T(15, 30, "Henderson Foodservice LLC"),
        T(15, 35, "901 E 5th Street, Austin, TX 78702"),
        *body,
    ]
    assert _read(_pdf(monogram)).invoice.supplier_name == "Henderson Foodservice LLC"
    wrapped = [
        T(195, 15, "Kessler Frischdienst", right=True, size=20),
        T(195, 23, "GmbH", right=True, size=20),
        T(195, 30, "Seit 1987 für die Gastronomie", right=True),
        T(15, 50, "Hotel Seeblick GmbH"),
        T(15, 55, "Großer Grasbrook 23, 20457 Hamburg"),
        T(15, 280, "Kessler Frischdienst GmbH   Tel. +49 40 974468   www.kessler.de"),
        *body,
    ]
    assert _read(_pdf(wrapped)).invoice.supplier_name == "Kessler Frischdienst GmbH"
