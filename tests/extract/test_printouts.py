"""Invoices printed as fixed-width text, the way ERPs and line printers print them (issue 12):
tables drawn with characters, abbreviated labels, two-digit years after a month's name."""

from __future__ import annotations

import datetime as dt

from bot.extract.parse import parse_pages

_ITEMS = """
Pos. Artikelnr. Bezeichnung                  Menge ME  Einzelpreis G-Preis (EUR)
--------------------------------------------------------------------------------
  10 51747      Klarspüler 5 l                  50 STK      19,411        970,55
  20 45360      Kochmesser 26 cm                 4 STK     100,388        401,55
--------------------------------------------------------------------------------
                                                    Summe netto          1.372,10
                                                    MwSt. 19 %             260,70
                                                    Gesamtbetrag         1.632,80
"""


def test_headings_over_a_rule_of_dashes_with_abbreviated_labels() -> None:
    """ "Rech.-Nr." and "Re.-Datum" head columns, a rule of dashes between them and the values."""
    page = (
        """Küchentechnik Schröder KG                                   RECHNUNG
Frankfurter Straße 201, 63067 Offenbach

Restaurant Lindenhof KG
20097 Hamburg

Rech.-Nr.     Re.-Datum    Kundennummer   Fällig am
------------  -----------  -------------  -----------
25-05-71818   25.05.2025   K2211          24.06.2025
"""
        + _ITEMS
    )
    invoice = parse_pages([page]).invoice

    assert invoice.invoice_number == "25-05-71818"
    assert invoice.invoice_date == dt.date(2025, 5, 25)
    assert invoice.due_date == dt.date(2025, 6, 24)
    assert invoice.total_incl_tax is not None and str(invoice.total_incl_tax) == "1632.80"


def test_a_table_of_fields_drawn_with_bars_and_corners() -> None:
    """ "| Fact. n° | Date facture | Code client |" between "+----+" rules: the bars are no
    text, so each heading stands over its value."""
    page = """Maes Boissons NV                                                FACTURE
Rue de la Loi 42, 1040 Bruxelles

+-----------+--------------+-------------+------------------+
| N° facture | Le           | Code client | Bon de livraison |
| 202537903 | 23/03/2025   | K6028       | 962816           |
+-----------+--------------+-------------+------------------+

N°  Libellé                                 Qté       PU HT       Montant HT
 1  Eau minérale plate 24 x 50 cl          12,00       5,79            69,48
                                                   Total HT            69,48
                                                   TVA 21 %            14,59
                                                   Total TTC           84,07
"""
    invoice = parse_pages([page]).invoice

    assert invoice.invoice_number == "202537903"
    assert invoice.invoice_date == dt.date(2025, 3, 23)


def test_a_month_name_with_a_two_digit_year_and_abbreviated_due_and_number_labels() -> None:
    """ "05-Mar-24" (an ERP's short form), "Scad." for the due date, "Nº Fra." for the number."""
    page = """Distribuciones Gómez S.L.                       Nº Fra.: 7029232
Calle Mayor 24, 28013 Madrid                      Fecha: 05-Mar-24
                                                  Scad.: 04-Apr-24

Descripción                         Cant.      Precio      Importe
Aceite de oliva 5 l                    2        30,00        60,00
                                          Base imponible     60,00
                                          IVA 21 %           12,60
                                          Total              72,60
"""
    invoice = parse_pages([page]).invoice

    assert invoice.invoice_number == "7029232"
    assert invoice.invoice_date == dt.date(2024, 3, 5)
    assert invoice.due_date == dt.date(2024, 4, 4)


def test_headings_and_values_one_space_apart_in_a_printout() -> None:
    """ "Pos. Artikelnr. Bezeichnung" heads three columns, one space apart, and "  10 51747
    Klarspüler 5 l" fills them: the position, the article number, the description."""
    page = (
        """Küchentechnik Schröder KG                                   RECHNUNG
Frankfurter Straße 201, 63067 Offenbach                     Rechnungsnr. 4711
                                                            Datum 25.05.2025
"""
        + _ITEMS
    )
    items = parse_pages([page]).invoice.line_items

    assert [(i.product_code, i.description) for i in items] == [
        ("51747", "Klarspüler 5 l"),
        ("45360", "Kochmesser 26 cm"),
    ]


def test_a_position_number_one_space_left_of_the_description() -> None:
    """ " N° Libellé" over " 10 Penne rigate 3 kg": the row's number is no part of the
    description; "Prix U." and "Montant HT" stay one heading each."""
    page = """Épicerie Fine Dupont SARL                                    FACTURE
12 rue des Halles, 75001 Paris                       Facture n° F-2024-118
                                                     Date : 12/03/2024

 N° Libellé                                  Qté   Un.    Prix U.  Montant HT
________________________________________________________________________________
 10 Penne rigate 3 kg                          5   lot       4,58       22,90
 20 Huile d’olive vierge extra 5 l            60   pce       9,25      555,00
                                                          Total HT     577,90
                                                          TVA 5,5 %     31,78
                                                          Total TTC    609,68
"""
    items = parse_pages([page]).invoice.line_items

    assert [(i.description, str(i.unit_price), str(i.total)) for i in items] == [
        ("Penne rigate 3 kg", "4.58", "22.90"),
        ("Huile d’olive vierge extra 5 l", "9.25", "555.00"),
    ]


def test_a_text_column_after_a_row_number_headed_nr() -> None:
    """ "Nr. Text" (SAP's and other ERPs' description heading is "Text") over "  1 Klarspueler
    5 l": the row number stays out of the description."""
    page = """Gastro Hofmann GmbH                                  Rechnung Nr. 2024-118
Industriestr. 5, 90402 Nürnberg                      Datum 12.03.2024

Nr. Text                                   Menge   Einh.   Einzelpreis    Gesamt
--------------------------------------------------------------------------------
  1 Klarspueler 5 l                           48   Stck          22,55  1.082,40
  2 Muellsaecke 120 l extra stark            100   Pkg           19,33  1.933,00
                                                   Summe netto          3.015,40
                                                   MwSt. 19 %             572,93
                                                   Gesamtbetrag         3.588,33
"""
    items = parse_pages([page]).invoice.line_items

    assert [i.description for i in items] == ["Klarspueler 5 l", "Muellsaecke 120 l extra stark"]


def test_a_row_number_one_column_left_of_its_heading() -> None:
    """ "No. Description" over " 1 Rinse aid 5 l": the number right-aligned under "No.", its
    description a column left of the heading's start."""
    page = """Carter Cleaning Supplies Ltd                           INVOICE
12 Mill Lane, Leeds LS1 4AB                            Invoice No. 118-2024
                                                       Date: 12/03/2024

No. Description                                  Qty  U/M       Price Net Amount
________________________________________________________________________________
 1 Rinse aid 5 l                                 36  pc        24.03     865.08
 2 Hand soap refill 1 l                          24  pc        23.11     554.64
                                                          Net total    1,419.72
                                                          VAT 20%        283.94
                                                          Total        1,703.66
"""
    items = parse_pages([page]).invoice.line_items

    assert [i.description for i in items] == ["Rinse aid 5 l", "Hand soap refill 1 l"]


def test_order_references_labelled_ihr_auftrag_and_v_ref() -> None:
    """ "Ihr Auftrag:" (your order) and "V/Réf." (votre référence) name the buyer's order."""
    for label in ("Ihr Auftrag:", "V/Réf.:"):
        page = (
            f"""Küchentechnik Schröder KG                       Rechnung Nr. 4711
Frankfurter Straße 201, 63067 Offenbach         Datum 25.05.2025
{label} K-95209
"""
            + _ITEMS
        )
        assert parse_pages([page]).invoice.po_references == ["K-95209"], label


def test_a_spanish_vat_table_with_a_total_base_and_a_payment_deadline() -> None:
    """ "Cuadro de IVA" with three rates, then "Total base" (the net) and "Total factura";
    "Fecha límite de pago" is the due date."""
    page = """Distribuciones Gómez S.L.                           Factura nº 2025-0311
Calle Mayor 24, 28013 Madrid                        Fecha: 24-02-2025

Concepto                                 Cant.      Precio        Total (EUR)
Aceite de oliva virgen extra 5 l         10,00      51,289             512,89
Arroz bomba 5 kg                         20,00     136,886           2.737,71
Pan de payés 800 g                      100,00       3,368             336,82

Cuadro de IVA
 Tipo            Base           Cuota
  21%            512,89         107,71
  10%         2.737,71          273,77
   4%            336,82          13,47
                                                   Total base         3.587,42
                                                   Total factura     €3.982,37

Fecha límite de pago: 17-03-2025
"""
    invoice = parse_pages([page]).invoice

    assert str(invoice.total_excl_tax) == "3587.42"
    assert str(invoice.total_incl_tax) == "3982.37"
    assert invoice.due_date == dt.date(2025, 3, 17)


def test_a_us_ein_under_a_fed_tax_id_heading() -> None:
    """A row of details drawn as a box: "FED. TAX ID" over "47-0561817", the supplier's EIN."""
    page = """Lone Star Linen Services LLC                                   INVOICE
5100 Commerce Dr, Austin, TX 78744

+------------+------------------+------------+-------------+
| INV. NO.   | DATE             | CUSTOMER # | FED. TAX ID |
| 2024/57711 | January 30, 2024 | 85874      | 47-0561817  |
+------------+------------------+------------+-------------+

Description                              Qty      Price        Amount
Table linen rental, weekly                 4      25.00        100.00
                                                Subtotal       100.00
                                                Sales tax        8.25
                                                Total          108.25
"""
    invoice = parse_pages([page]).invoice

    assert invoice.supplier_tax_id == "47-0561817"
    assert invoice.invoice_number == "2024/57711"


def test_a_carried_forward_subtotal_ends_no_table_and_part_no_heads_the_code() -> None:
    """ "Continued on next page - carried forward  1,454.00" sums the items so far: the table
    goes on after it on the next page. "Part No." heads the article numbers."""
    page1 = """KINGSLEY BEVERAGES LTD                                         INVOICE
Unit 4, Riverside Trading Estate, Leeds LS11 5QN        Inv. No. RE2496962
                                                        Date: 17 April 2024

No.  Part No.  Description                          Qty        Rate      Net Amount GBP
--------------------------------------------------------------------------------------
  1  C33903    Cola 24 x 0.33 l cans              40 CS       25.10            1,004.00
  2  T41981    Prosecco DOC extra dry 0.75 l      12 BTL      37.50              450.00
                        Continued on next page - carried forward               1,454.00
                                                                      PAGE 1 OF 2
"""
    page2 = """KINGSLEY BEVERAGES LTD       Inv. No. RE2496962                      17 April 2024
--------------------------------------------------------------------------------------
                                                      Brought forward          1,454.00
  3  H75344    London dry gin 0.7 l              100 BTL      30.77            3,077.00
                                                           Net total           4,531.00
                                                           VAT 20%               906.20
                                                           Total GBP           5,437.20
                                                                      PAGE 2 OF 2
"""
    items = parse_pages([page1, page2]).invoice.line_items

    assert [(i.product_code, str(i.total)) for i in items] == [
        ("C33903", "1004.00"),
        ("T41981", "450.00"),
        ("H75344", "3077.00"),
    ]


def test_a_credit_note_with_trailing_minus_signs_and_a_row_number_beside_the_code() -> None:
    """ERPs print credits with the minus after the amount ("376,55-"); "Nr. Code" heads the
    row number and the article code; a rule of asterisks is no description."""
    page = """De Vries Onderhoud B.V.                                      CREDITNOTA
Havenstraat 12, 1011 AB Amsterdam

Nummer       Fact.datum   Debiteurnr.
-----------  -----------  ------------
2025-C6043   2025-08-08   K2595

Nr. Code   Omschrijving                Aantal   Eenheid   Prijs p/e   Bedrag EUR
--------------------------------------------------------------------------------
 10 10-433 Arbeidsloon monteur              7   u           53,7922      376,55-
 20 56-338 Voorrijkosten                    2   stk        109,1839      218,37-
--------------------------------------------------------------------------------
                                               Subtotaal excl. btw       594,92-
                                               Btw 21,00%                124,93-
                                               *********************************
                                               Totaal creditnota         719,85-
"""
    invoice = parse_pages([page]).invoice

    assert invoice.document_type == "credit_note"
    assert [str(invoice.total_excl_tax), str(invoice.total_incl_tax)] == ["594.92", "719.85"]
    assert [(i.product_code, i.description, str(i.total)) for i in invoice.line_items] == [
        ("10-433", "Arbeidsloon monteur", "376.55"),
        ("56-338", "Voorrijkosten", "218.37"),
    ]


def test_italian_abbreviations_num_doc_and_vs_rif() -> None:
    """ "Num. doc.:" numbers the document, "Vs. rif.:" (vostro riferimento) is the order."""
    page = """Forniture Alberghiere Conti S.r.l.                          FATTURA
Viale dei Mercati 7, 40127 Bologna (BO)
Num. doc.: 5061609                                   Data: 03/06/2024
Vs. rif.: REST-46126

Descrizione                              Quantità      Prezzo      Importo
Tovaglia 130 x 130 cm                          10        4,50        45,00
                                                    Imponibile        45,00
                                                    IVA 22%            9,90
                                                    Totale            54,90
"""
    invoice = parse_pages([page]).invoice

    assert invoice.invoice_number == "5061609"
    assert invoice.po_references == ["REST-46126"]


def test_figures_drawn_off_their_headings_place_are_read_by_their_arithmetic() -> None:
    """troff's tables in a proportional font: a row's figures stand a few characters left of
    their headings, the price under "Ud." (a column of units), the amount under "Precio". The
    numbers of the row that make quantity x price = amount are those three; and a package unit
    ("PQ", "PQT") is no text of the description."""
    page = """Distribuciones Alimentarias Navarro S.L.U.
Calle Mayor 24, 28013 Madrid                    Número 2521459   Fecha 24-02-2025

Nº       Código                      Concepto                       Cant.         Ud.        Precio          Total (EUR)
 1      28231        Guantes de nitrilo talla L, caja 100      15,00      PQT        8,640           129,60
 2      70504        Solomillo de ternera centro                 11,72      kg        34,711           406,81

                                                                    Total base              536,41
                                                                    IVA 10%                  53,64
                                                                    Total factura           590,05
"""
    items = parse_pages([page]).invoice.line_items

    assert [(i.product_code, str(i.quantity), str(i.unit_price), str(i.total)) for i in items] == [
        ("28231", "15.00", "8.640", "129.60"),
        ("70504", "11.72", "34.711", "406.81"),
    ]
    assert items[0].description == "Guantes de nitrilo talla L, caja 100"


def test_an_article_heading_beside_a_description_heading_heads_the_codes() -> None:
    """ "Artikel Artikelbezeichnung", one space apart: the first is the article's number."""
    page = """Wäscherei Becker GmbH                                                   Rechnung
Hauptstraße 12, 80331 München                     Rech.-Nr. FV-2023/93161

Artikel Artikelbezeichnung                               Anz. Einzelpreis Betrag
--------------------------------------------------------------------------------
74-391  Kochjacke Mietservice, wöchentlich         60,000 Stk        2,00 120,00
11-638  Tischdecke 130 x 130 cm weiß, gewaschen     2,000 Stk        3,46   6,92
--------------------------------------------------------------------------------
                                               Nettobetrag              126,92
                                               MwSt. 19 %                24,11
                                               Rechnungsbetrag          151,03
"""
    items = parse_pages([page]).invoice.line_items

    assert [(i.product_code, i.description) for i in items] == [
        ("74-391", "Kochjacke Mietservice, wöchentlich"),
        ("11-638", "Tischdecke 130 x 130 cm weiß, gewaschen"),
    ]


def test_descriptions_left_of_a_centred_heading_after_a_row_number() -> None:
    """ "Lig.   Libellé" with the heading centred over its column: a short description ends
    before the heading starts, a long one runs under it; both are the row's description. A
    quantity set apart after the description, left of its heading, still counts."""
    page = """Restauration Service Maes SRL                            Fact. n°     202565904
Kortrijksesteenweg 120, 9000 Gent                        Date facture 28/08/2025

 Lig.                        Libellé                              Qté            PU HT        TVA      Total HT
     1     Savon mains recharge 1 l                    12,000 pce           15,50      21,00%            186,00
     2     Gants nitrile taille L, boîte de             4,000 PQT            4,25      21,00%              17,00
           100
     3     Beurre doux                                  23,000 KG        13,00        6,00%        299,00
   10      Pain de campagne 500 g              24,000 pce          1,03        6,00%          24,72

                                                                      Total net HT               526,72
                                                                      Montant TVA                 62,45
                                                                      Net à payer       EUR 589,17
"""
    items = parse_pages([page]).invoice.line_items

    assert [
        (" ".join((i.description or "").split()), str(i.quantity), str(i.total)) for i in items
    ] == [
        ("Savon mains recharge 1 l", "12.000", "186.00"),
        ("Gants nitrile taille L, boîte de 100", "4.000", "17.00"),
        ("Beurre doux", "23.000", "299.00"),
        ("Pain de campagne 500 g", "24.000", "24.72"),
    ]


def test_a_spanish_table_carried_to_the_next_page() -> None:
    """ "A trasladar" at the foot of a page and "Suma anterior" at the head of the next: the
    table goes on under them."""
    page1 = """Equipamiento Hostelero Navarro S.L.                                  FACTURA
Num. factura A-68760       Fecha emision 12-09-2023

Lin. Concepto                        Uds. Unidad Precio ud.    IVA Importe (EUR)
--------------------------------------------------------------------------------
   1 Plato llano 27 cm porcelana   20,000 ud          11,97 21,00%        239,40

   2 Spray desinfectante          120,000 ud          17,55 21,00%      2.106,00
     superficies 750 ml

                                                     A trasladar        2.345,40
                                                                   Pagina 1 de 2
"""
    page2 = """Equipamiento Hostelero Navarro S.L.   Num. factura A-68760            12-09-2023
--------------------------------------------------------------------------------

                                                   Suma anterior        2.345,40
   3 Copa de vino 35 cl            12,000 ud           3,79 21,00%         45,48

                                                  Base imponible        2.390,88
                                                  IVA 21%                 502,08
                                                  Total factura         2.892,96
"""
    items = parse_pages([page1, page2]).invoice.line_items

    assert [(" ".join((i.description or "").split()), str(i.total)) for i in items] == [
        ("Plato llano 27 cm porcelana", "239.40"),
        ("Spray desinfectante superficies 750 ml", "2106.00"),
        ("Copa de vino 35 cl", "45.48"),
    ]


def test_a_discount_row_left_of_a_centred_description_heading() -> None:
    """ "Rabatt 2 %" where the descriptions start, under the article heading's span: an item
    with a negative amount, its label no article code."""
    page = """Wagner Gastrotechnik KG                                  Rechnungsnummer    INV-001402
Hauptstraße 12, 80331 München                            Re.-Datum          2025-04-30

Artikel                        Bezeichnung                              Menge         ME         Preis/ME      Betrag (EUR)
24393          Speiseteller 27 cm Porzellan                                15         St.              4,574                 68,61
71071          Weinglas 35 cl                                               10          St.               3,298                 32,98
               Rabatt 2 %                                                                                                            -2,03

                                                                  Nettobetrag              99,56
                                                                  USt. 19 %                18,92
                                                                  Gesamtbetrag            118,48
"""
    items = parse_pages([page]).invoice.line_items

    assert [(i.product_code, i.description, str(i.total)) for i in items] == [
        ("24393", "Speiseteller 27 cm Porzellan", "68.61"),
        ("71071", "Weinglas 35 cl", "32.98"),
        (None, "Rabatt 2 %", "-2.03"),
    ]


def test_a_product_heading_before_an_item_description_heading_heads_the_codes() -> None:
    """ "No. Product Item Description", one space apart: "Product" heads the article codes,
    "Item Description" the text, each code one space left of its description."""
    page = """Kavanagh Textile Rental Ltd                                    SALES INVOICE
14 Quay Street, Galway H91 K2F0                 Inv. No.: F25/89500

No. Product Item Description                           Qty U/M Unit Price  Value
________________________________________________________________________________
  1 LIN4328 Laundry by weight, mixed linen            4.06 kg        1.55   6.29
  2 LIN1007 Laundry service: napkin 50 x 50 cm           4 EA        0.99   3.96
                                                   Goods Value             10.25
                                                   VAT 23.00%               2.36
                                                   Total incl. VAT        €12.61
"""
    items = parse_pages([page]).invoice.line_items

    assert [(i.product_code, i.description) for i in items] == [
        ("LIN4328", "Laundry by weight, mixed linen"),
        ("LIN1007", "Laundry service: napkin 50 x 50 cm"),
    ]
