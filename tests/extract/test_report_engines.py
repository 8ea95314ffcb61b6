"""Invoices printed by report engines nobody here wrote: cairo/Pango (GTK applications' printing)
and Apache FOP (XSL-FO, the print path of Java ERPs). A receipt's narrow column puts each item's
description on a line above its figures; boxes of label and value wrap a long value inside the
box; a credit note names the invoice it cancels; a self-billed invoice names its seller under a
label; a table going on over the page ends each page with a carried total in its own words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.extract.parse import parse_pages
from bot.extract.schema import ExtractedInvoice


def _read(page: str) -> ExtractedInvoice:
    return parse_pages([page]).invoice


def _items(page: str) -> list[tuple[str, Decimal | None, Decimal | None, Decimal | None]]:
    return [
        (" ".join((i.description or "").split()), i.quantity, i.unit_price, i.total)
        for i in _read(page).line_items
    ]


_RECEIPT = """            Caseificio Colombo S.r.l.
              Via Stalingrado 45
                 40128 Bologna
                  FATTURA
Fattura n.                                 #77390
Data fattura                          03/10/2025

Descrizione
     Q.tà       Prezzo unit.             Importo

Disinfettante superfici 1 l
       37                 8,47          313,39 B
Acqua frizzante 24 x 0,33 l
        3                20,09           60,27 B
Orange juice, not from concentrate, 6
x 1 l
       10                31,99          319,90 B

Imponibile                                693,56
IVA 22%                                   152,58
Totale                                    846,14
"""


def test_a_receipts_descriptions_stand_above_their_figures() -> None:
    """Under a heading whose description is a line above the figures' headings, each item's
    text (one line or more, its own numbers text: "24 x 0,33 l") is above its figures."""
    assert _items(_RECEIPT) == [
        ("Disinfettante superfici 1 l", Decimal(37), Decimal("8.47"), Decimal("313.39")),
        ("Acqua frizzante 24 x 0,33 l", Decimal(3), Decimal("20.09"), Decimal("60.27")),
        (
            "Orange juice, not from concentrate, 6 x 1 l",
            Decimal(10),
            Decimal("31.99"),
            Decimal("319.90"),
        ),
    ]


_UNHEADED = """                Steiner & Co KG
                 Lagergasse 98
                   8020 Graz
                   RECHNUNG
Rechnungsnr.                               2024-3996
Datum                                     26.09.2024

Kochmesser 21 cm, Edelstahl
   2 Stk. x 72,16                            144,32 A
Nitrilhandschuhe Gr. L, 100 Stk.
   7 Pack x € 8,38                            58,66 A
                                           2 Positionen
Zwischensumme                                  202,98
Frachtkosten                                     9,90
Summe netto                                    212,88
zzgl. USt. 20 %                                 42,58
Rechnungsbetrag                                255,46
"""


def test_receipt_items_add_up_to_the_subtotal_before_carriage() -> None:
    """Items with no heading ("2 Stk. x 72,16" under its text, a currency sign before the
    price) are taken where they add up to the printed subtotal, carriage coming after it."""
    assert _items(_UNHEADED) == [
        ("Kochmesser 21 cm, Edelstahl", Decimal(2), Decimal("72.16"), Decimal("144.32")),
        ("Nitrilhandschuhe Gr. L, 100 Stk.", Decimal(7), Decimal("8.38"), Decimal("58.66")),
    ]


_STORNO = """Caseificio Ferrari S.r.l.                              N. documento        NC-091899
                                                       Data fattura        19/10/2024
Nota di credito

Imponibile                                                  € 1.272,39
Totale IVA                                                    € 216,40
Totale documento                                            € 1.488,79

Storno fattura #18412 del 06/10/2024
"""


def test_a_credit_note_names_the_invoice_it_cancels_after_storno() -> None:
    """ "Storno fattura #18412": the invoice it reverses, not the credit note's own number."""
    assert _read(_STORNO).invoice_number == "NC-091899"
    for words in ("Annule et remplace la facture", "Rettifica della fattura"):
        page = _STORNO.replace("Storno fattura", words.replace("facture", "fattura"))
        assert _read(page).invoice_number == "NC-091899"


def test_buyer_references_in_czech_french_and_spanish() -> None:
    """ "Vaše obj.", "Vaše značka", "Vos réf.", "Su pedido n.º": the buyer's order numbers."""
    for label in ("Vaše obj.", "Vaše značka", "Vos réf.", "Su pedido n.º:"):
        page = f"Invoice no. 4711                     {label.ljust(14)}     4500714460\n"
        page += "Date 26.08.2025\n\nTotal                                 100,00\n"
        assert _read(page).po_references == ["4500714460"], label


_BOXES = """Brooks Restaurant Supply, Inc.
55 Commercial Street

Blue Heron Bistro LLC       Invoice #           Date                Due date
Attn: Accounts Payable      202595064           November 17,        December 1, 2025
                                                2025
                            Customer ID         PO #
                            K-70097             PO-39080,
                                                PO-42545

Total                                                           $1,000.00
"""


def test_values_wrapped_inside_their_boxes() -> None:
    """A date and a list of order numbers wrapped in narrow boxes go on on the line under them,
    where they start."""
    invoice = _read(_BOXES)
    assert invoice.invoice_date == date(2025, 11, 17)
    assert invoice.po_references == ["PO-39080", "PO-42545"]


def test_a_swiss_tax_total_and_a_self_billed_title_over_two_lines() -> None:
    """ "Total MWST" is the tax; "Gutschrift (Selbst ausgestellte" / "Rechnung)" is an invoice
    the buyer wrote, not a credit note."""
    page = """Café Landtmann Betriebs GmbH                          Gutschrift (Selbst ausgestellte
                                                                            Rechnung)
                                                  Gutschrift-Nr.        GS25-9176
                                                  Datum                 01.09.2025

                                  Nettobetrag                       CHF 4'353.52
                                  Total MWST                          CHF 352.64
                                  Total inkl. MWST                  CHF 4'706.16
"""
    invoice = _read(page)
    assert (invoice.document_type, invoice.tax_amount) == ("invoice", Decimal("352.64"))


def test_a_self_billed_facture_names_its_seller_under_fournisseur() -> None:
    """The buyer's letterhead prints the document; the seller stands under "Fournisseur", with
    "Facturer à" (the buyer's heading) beside it; "N° d'autofacture" is its number."""
    page = """Hôtel du Parc SAS                                                  FACTURE –
81 quai des Chartrons                                        AUTOFACTURATION
33000 Bordeaux                                   N° d'autofacture GS25-8015

  Fournisseur                                 Facturer à
  Blanchisserie Garnier SAS                   Hôtel du Parc SAS
  12 rue de Gerland                           81 quai des Chartrons
  69007 Lyon                                  33000 Bordeaux

 Date de facture
 11/10/2025

Total HT                                                    2 701,20 €
"""
    invoice = _read(page)
    assert (invoice.invoice_number, invoice.supplier_name) == (
        "GS25-8015",
        "Blanchisserie Garnier SAS",
    )
    assert _read("Facture\nNuméro #18976\n\nTotal   10,00\n").invoice_number == "#18976"


def test_a_table_goes_on_after_a_carried_total_in_italian_and_dutch() -> None:
    """ "Totale a riportare: € 1.955,90" and "Te transporteren" end a page whose table goes on
    on the next, without its heading."""
    head = " N.   Descrizione                         Q.tà    Prezzo      Importo\n"
    rows = ["   1  Burro 250 g                           13      6,41        83,33\n"]
    tail = "   2  Panini precotti                      100     0,436        43,60\n"
    for carried in ("Totale a riportare: € 83,33", "Te transporteren: € 83,33"):
        first = "Fattura n. 56\nData 19.08.2025\n\n" + head + rows[0]
        first += f"\n                                        {carried}\n"
        second = "                                  Riporto pagina precedente: € 83,33\n\n" + tail
        second += "\n                                       Totale        127,93\n"
        items = parse_pages([first, second]).invoice.line_items
        assert [i.total for i in items] == [Decimal("83.33"), Decimal("43.60")], carried
