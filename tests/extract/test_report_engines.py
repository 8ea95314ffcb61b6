"""Invoices printed by report engines nobody here wrote: cairo/Pango (GTK applications' printing)
and Apache FOP (XSL-FO, the print path of Java ERPs). A receipt's narrow column puts each item's
description on a line above its figures; boxes of label and value wrap a long value inside the
box; a credit note names the invoice it cancels; a self-billed invoice names its seller under a
label; a table going on over the page ends each page with a carried total in its own words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.extract.boxes import layout_page
from bot.extract.content import text_runs
from bot.extract.parse import parse_pages
from bot.extract.schema import ExtractedInvoice
from tests.extract.test_text_state import _pdf


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


def test_a_label_ending_a_sentence_names_no_value_after_it() -> None:
    """ "… of the invoice date. Please pay by 10/05/2024." is no issue date: the label ends its
    sentence; the date under the "Date" heading is."""
    page = """Pemberton Linen Services Ltd
              Invoice No.        Date             Due date
INVOICE       2024-3891          30/04/2024       10/05/2024

Total                                          284,77
Payment within 10 days of the invoice date. Please pay by 10/05/2024.
"""
    assert _read(page).invoice_date == date(2024, 4, 30)
    page = page.replace("invoice date. Please pay by", "date de facture. À régler avant le")
    assert _read(page).invoice_date == date(2024, 4, 30)
    # an abbreviated label's full stop is no sentence's end ("Order ref.    4500484323")
    page = "Invoice INV-1\nDate 07/06/2025\nOrder ref.    4500484323\n\nTotal   10.00\n"
    assert _read(page).po_references == ["4500484323"]


def test_a_bare_number_label_one_space_before_its_value() -> None:
    """ "Numéro 202424820" under the title "FACTURE"."""
    page = "Les Halles Rousseau SARL                          FACTURE\nEURL au capital de 5 000 €\n"
    page += "45 quai des Chartrons                             Numéro 202424820\n\nTotal  10,00\n"
    assert _read(page).invoice_number == "202424820"


def test_headings_wrapped_upwards_name_their_columns_together() -> None:
    """FOP sets a table's headings on the row's baseline, wrapped upwards: "Prix" / "unitaire"
    / "HT" is the unit price, "Rem." / "%" the discount, "Montant" / "HT" the line total."""
    page = """Facture F-2025-0012                                   Date 10/01/2025

                                                                  Prix
                                                              unitaire     Rem.    Montant
             Désignation                      Quantité   U.         HT     TVA %      %         HT
Vin rouge de la maison, 0,75 l                      20   pce      18,89     20 %   15 %     321,13
Café en grains espresso 1 kg                         7   kg       25,78     20 %            180,46

                                                                        Total HT         501,59
"""
    assert [(i.quantity, i.unit_price, i.total) for i in _read(page).line_items] == [
        (Decimal(20), Decimal("18.89"), Decimal("321.13")),
        (Decimal(7), Decimal("25.78"), Decimal("180.46")),
    ]


def test_a_carried_total_ends_its_pages_rows_before_the_footer() -> None:
    """ "Zwischensumme Übertrag: CHF 5'002.81" closes the page's rows: the footer under it
    (figures in a company line) is no item, and the rows go on on the next page."""
    first = """Rechnung RE-2025-7103                       Datum 01.03.2025

Pos.   Bezeichnung                               Menge   Einheit       Preis       Betrag
1      Klarspüler 5 l                               14   Stk.          11.17       156.38

                                        Zwischensumme Übertrag: CHF 156.38

          Colombo AG · Via Ripamonti 88 · 20139 Milano · REA MI-2152782 · Cap. soc. 50.000,00
"""
    second = """                                                    Übertrag: CHF 156.38

2      Kochmesser 21 cm, Edelstahl                   6   Stk.          26.93       161.58

                                                    Total netto               317.96
"""
    items = parse_pages([first, second]).invoice.line_items
    assert [i.total for i in items] == [Decimal("156.38"), Decimal("161.58")]
    # a page that repeats the heading and the carried total over its rows keeps them
    repeated = first.splitlines()[2] + "\n"
    items = parse_pages([first, repeated + second]).invoice.line_items
    assert [i.total for i in items] == [Decimal("156.38"), Decimal("161.58")]


def test_a_receipts_list_over_a_vat_summarys_one_row() -> None:
    """A receipt's items with no heading (a price with four decimals among them) add up to the
    net; the VAT summary under them, read as a table, gives one row ("Betrag") that happens to
    add up as well: the list of twelve is the items, not the summary's one."""
    rows = [("Lachsfilet mit Haut", "0,4 kg x 18,38", "7,35 A")]
    rows += [("Servietten 33 x 33 cm", "100 Stk. x 0,0949", "9,49 B")]
    rows += [("Rispentomaten", "4,25 kg x 2,77", "11,77 A")]
    page = "Rechnung 2024-77\nDatum 12.03.2024\n\n"
    for text, times, amount in rows:
        page += f"{text}\n   {times:<30}{amount:>12}\n"
    page += """                            3 Positionen

Summe netto                        28,61 €
USt. gesamt                         3,59 €
Gesamt brutto                      32,20 €

St.     Satz            Netto          USt.
A        7 %            19,12          1,34
B       19 %             9,49          1,80
      Betrag            28,61          3,14
"""
    assert [i.total for i in _read(page).line_items] == [
        Decimal("7.35"),
        Decimal("9.49"),
        Decimal("11.77"),
    ]


def test_a_centred_letterheads_legal_form_wrapped_under_it() -> None:
    """A receipt's letterhead set centred in a narrow column, in the type of the text under it,
    wraps its legal form onto the next row, centred under the name on paper ("Brooks Beverage
    Distributors" / "Inc.")."""

    def centred(text: bytes, size: int, y: int) -> bytes:
        drawn = b"BT /F1 %d Tf 1 0 0 1 0 %d Tm (%s) Tj ET" % (size, y, text)
        (run,) = text_runs(_pdf(drawn))  # (its width in Helvetica)
        x = 150 - run["displaced_tx"] / 2
        return b"BT /F1 %d Tf 1 0 0 1 %.2f %d Tm (%s) Tj ET " % (size, x, y, text)

    content = centred(b"Brooks Beverage Distributors", 9, 780) + centred(b"Inc.", 9, 769)
    content += centred(b"55 Commercial Street", 9, 758) + centred(b"Brooklyn, NY 11222", 9, 747)
    content += (
        b"BT /F1 9 Tf 1 0 0 1 40 700 Tm (Invoice No.) Tj 1 0 0 1 200 700 Tm (INV-2025-5584) Tj ET "
    )
    content += b"BT /F1 9 Tf 1 0 0 1 40 600 Tm (Invoice total) Tj 1 0 0 1 220 600 Tm (888.48) Tj ET"
    invoice = parse_pages([layout_page(_pdf(content))]).invoice
    assert invoice.supplier_name == "Brooks Beverage Distributors Inc."


def test_a_company_footer_with_its_vat_number_and_capital_between_pages_is_no_item() -> None:
    """An Italian footer prints the company's VAT number, its register entry and its share
    capital ("Cap. soc. € 10.000,00") under each page's rows: no item, whatever its numbers."""
    head = "Descrizione                              Q.tà      Prezzo        Importo\n"
    first = (
        "Caseificio Esposito S.r.l.                        Fattura FT-2024-8827\n"
        "                                                  Data 12/03/2024\n\n"
        + head
        + "Mozzarella di bufala 250 g                 24       11,67         280,08\n"
        + "Detersivo lavastoviglie 10 l               35       19,98         699,30\n\n"
        + "                                                              Pagina 1 di 2\n"
        + "Partita IVA: IT00065720088 · REA MI-1382635 · Cap. soc. € 10.000,00 i.v.\n"
    )
    second = (
        "Fattura FT-2024-8827                                          Pagina 2 di 2\n\n"
        + head
        + "Tovaglioli di carta 33 x 33 cm            400        0,10          40,00\n\n"
        + "                                      Imponibile                1.019,38\n"
        + "                                      IVA 22%                     224,26\n"
        + "                                      Totale documento          1.243,64\n"
    )
    items = parse_pages([first, second]).invoice.line_items
    assert [i.total for i in items] == [Decimal("280.08"), Decimal("699.30"), Decimal("40.00")]
