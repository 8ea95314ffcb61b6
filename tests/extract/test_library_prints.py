"""Invoices laid out with the PDF libraries of Ruby (Prawn), Java (iText) and Go (gofpdf): party
headings side by side, bilingual headings, sections with their own sums, codes and units in
columns of their own, a value in large type under its label, pages that print no currency."""

from __future__ import annotations

from decimal import Decimal

from bot.extract.doc import Doc
from bot.extract.lines import tables
from bot.extract.parse import parse_pages
from tests.extract.test_unseen_layouts import T, _pdf, _read

_BOXES = """Invoice                                                                         Invoice number:
                                                                                  INV2505-651

 Provider                                                    Purchaser
 Carver Linen Co., Inc.                                      Blue Heron Bistro LLC
 901 E 5th Street, Suite 110                                 74 Commercial Street
 Austin, TX 78702                                            Brooklyn, NY 11222
 Tax ID: 48-5738375

 Invoice date           May 15, 2025
 PO Number              4500807416

 Item                                                Qty    Unit       Price    Amount
 Induction hob 3.5 kW, countertop                      3  pc       342.79     1,028.37
 Rinse aid 5 l                                        39   pc        18.90       737.10

                                          Subtotal                        1,765.47
                                          Sales Tax (8.875%)                156.69
                                          Total                           1,922.16
"""


def test_a_seller_heading_beside_the_buyer_heading_heads_the_block_under_it() -> None:
    """ "Provider" and "Purchaser" on one row: the buyer's heading is no seller's name, the name
    under "Provider" is; a page with no currency sign is in its seller's (a US EIN: dollars)."""
    invoice = parse_pages([_BOXES]).invoice

    assert invoice.supplier_name == "Carver Linen Co., Inc."
    assert invoice.currency == "USD"


def test_a_page_without_a_currency_is_in_its_sellers() -> None:
    """No sign or code anywhere: the seller's VAT id says the country (Czech crowns, Swiss
    francs, pounds); without an id nor a European word, no currency is claimed."""
    body = "\n Description         Qty    Price     Amount\n Rinse aid 5 l        2     10.00      20.00\n"
    for tax_id, code in (("DIČ: CZ16575831", "CZK"), ("MWST-Nr. CHE-116.281.710 MWST", "CHF")):
        page = f"Novák Gastro\n{tax_id}\nInvoice No. 2024-7\nDate 12.03.2024\n{body}"
        assert parse_pages([page]).invoice.currency == code
    page = f"Novák Gastro\nInvoice No. 2024-7\nDate 12.03.2024\n{body}"
    assert parse_pages([page]).invoice.currency is None


def test_a_value_in_large_type_under_its_right_aligned_label() -> None:
    """A label and its value both set flush right, the value in larger type: on the grid of
    characters the value ends left of where the label starts; on paper they overlap."""
    page = [
        T(15, 20, "Zürcher Hotelbedarf GmbH", size=14),
        T(195, 20, "Re.-Nr.:", right=True, size=8),
        T(195, 27, "RE-2025-6779", right=True, size=16),
        T(15, 40, "Datum: 31.05.2025"),
        T(15, 55, "Bezeichnung"),
        T(150, 55, "Menge", right=True),
        T(195, 55, "Betrag", right=True),
        T(15, 62, "Kochmesser 21 cm"),
        T(150, 62, "6", right=True),
        T(195, 62, "571,56", right=True),
        T(150, 75, "Gesamtbetrag", right=True),
        T(195, 75, "571,56", right=True),
    ]
    assert _read(_pdf(page)).invoice.invoice_number == "RE-2025-6779"


def test_a_swiss_uid_is_the_tax_id_where_the_page_prints_no_vat_number() -> None:
    """The VAT number is the UID with "MWST": a UID alone is the seller's id, but beside a VAT
    number it is the company's register number."""
    head = "Zürcher Hotelbedarf GmbH\nSpitalgasse 40, 3011 Bern\n{ids}\nRechnung Nr. RE-1\n"
    alone = parse_pages([head.format(ids="UID-Nr.: CHE-959.471.039")]).invoice
    both = parse_pages(
        [head.format(ids="UID: CHE-959.471.039 · MWST-Nr. CHE-116.281.710 MWST")]
    ).invoice

    assert alone.supplier_tax_id == "CHE959471039"
    assert both.supplier_tax_id == "CHE116281710MWST"


def test_a_bilingual_heading_over_three_rows_is_one_heading() -> None:
    """ "Preis" / "Unit" / "price": the third row goes on with the heading above it rather than
    heading a table of its own."""
    page = """Kessler Getränke GmbH & Co. KG                                Re.-Nr. / Invoice No.: RE/2024/273
 Datum / Issue date: 08.08.2024

 Bezeichnung                                        Menge      ME         Preis      USt.   Gesamtpreis
 Description                                        Quantity   Unit       Unit       VAT    (EUR)
                                                                          price             Amount
 Flächendesinfektion Spray 1 l                         10   Stk.           8,48   19%         84,80
 Klarspüler 5 l                                        19   Stk.          11,22   19%        213,18

                                                       Gesamtbetrag                         355,09
"""
    items = parse_pages([page]).invoice.line_items

    assert [(i.quantity, i.unit_price, i.total) for i in items] == [
        (Decimal("10"), Decimal("8.48"), Decimal("84.80")),
        (Decimal("19"), Decimal("11.22"), Decimal("213.18")),
    ]


def test_sections_with_their_own_sums_are_one_table() -> None:
    """A sum of a section's items with more items after it ("Section total Labour", "Totale DDT
    612538") is no item and ends no table, even for a section of one item."""
    page = """Thames Facilities Ltd                                          Invoice No. INV-7781
 Date: 12/03/2024

 Item                                                Quantity    Unit       Price     Line total
 Call-out and travel
 Pest control inspection                                  10     flat     141.49      1,414.90
                                              Section total Call-out and travel       1,414.90
 Labour
 HACCP staff training                                    0.5     hrs       70.09         35.05
 Linen rental weekly service                               2     week     231.91        463.82
                                              Section total Labour                      498.87

                                              Subtotal                                1,913.77
                                              VAT 20%                                   382.75
                                              Total                                   2,296.52
"""
    items = parse_pages([page]).invoice.line_items

    assert [i.total for i in items] == [Decimal("1414.90"), Decimal("35.05"), Decimal("463.82")]


def test_a_delivery_notes_section_goes_on_over_the_page() -> None:
    """A collective invoice's delivery note starts on one page and sums on the next, under a
    repeated heading: its sum is the section's (not the second page's items alone)."""
    head = "Codice     Descrizione                                  Q.tà      Prezzo unit.      Importo\n"
    first = (
        "Rossi Distribuzione S.p.A.                          Fattura n. 69673/24\n"
        "Data documento 19/10/2024\n\n" + head + "DDT n. 612538 del 26/09/2024\n"
        "LN-34715   Giacca da cuoco bianca, tg. 52                  7             20,16       141,12\n"
        "LN-5931    Telo bagno 70 x 140 cm                        400              0,93       372,00\n"
    )
    second = (
        "Rossi Distribuzione S.p.A. · Fattura 69673/24\n\n" + head + "LN-60155   Noleggio "
        "tovaglia 130 x 130 cm                  8              2,46        19,68\n"
        "                                                    Totale DDT 612538           532,80\n"
        "DDT n. 612815 del 28/09/2024\n"
        "LN-61409   Set biancheria letto                           38              2,48        94,24\n"
        "                                                    Totale DDT 612815            94,24\n"
        "                                               Totale imponibile              627,04\n"
        "                                               IVA 22%                        137,95\n"
        "                                               Totale fattura                 764,99\n"
    )
    items = parse_pages([first, second]).invoice.line_items

    assert [i.product_code for i in items] == ["LN-34715", "LN-5931", "LN-60155", "LN-61409"]


def _at(*cells: tuple[int, str]) -> str:
    """A row of cells, each starting at its column."""
    row = ""
    for column, text in cells:
        row = row.ljust(column) + text
    return row


def test_text_past_a_units_heading_is_the_description() -> None:
    """ "Qty  Unit  Description" with the description's heading centred over a wide column:
    "Rinse aid 5 l" starts past the unit's heading, under no heading of its own."""
    rows = [
        _at(
            (2, "Qty"),
            (11, "Unit"),
            (73, "Description"),
            (146, "Unit"),
            (156, "Line total"),
            (172, "VAT"),
        ),
        _at((145, "price"), (172, "code")),
        _at(
            (5, "35"),
            (11, "pc"),
            (19, "Rinse aid 5 l"),
            (147, "$8.29"),
            (159, "$290.15"),
            (174, "T"),
        ),
        _at(
            (5, "40"),
            (11, "case"),
            (19, "Sparkling water"),
            (146, "$15.69"),
            (159, "$627.60"),
            (174, "T"),
        ),
        "",
        _at((120, "Subtotal"), (159, "$917.75")),
        _at((120, "Shipping"), (161, "$21.49")),
        _at((120, "Total due"), (159, "$939.24")),
    ]
    page = "Delgado Foodservice LLC\nInvoice number  INV/2024/699\n\n" + "\n".join(rows)
    items, _ = tables(Doc([page]))  # (the table's reading, not the fallback of listed items)

    assert [(i.description, i.unit, i.quantity) for i in items] == [
        ("Rinse aid 5 l", "pc", Decimal("35")),
        ("Sparkling water", "case", Decimal("40")),
    ]


def test_a_spanish_abono_is_a_credit_note_with_its_own_number() -> None:
    """ "Abono" titles a credit note and "N.º de abono" labels its number, not the invoice it
    corrects."""
    page = """Lavandería Romero S.L.                                N.º de abono      R-2024-6133
 Restaurante La Bodega S.L.                           Fecha de factura    13/3/2024
Abono R-2024-6133
 Cant.   Descripción                                Precio unit.      Importe
   40    Abrillantador 5 l                                  6,54      -261,60
                                              Subtotal              -261,60 €
                                              Cuota IVA              -54,94 €
                                              Total                 -316,54 €
Rectifica la factura F-001788 de 1/3/2024
Forma de pago: abono en cuenta
"""
    invoice = parse_pages([page]).invoice

    assert invoice.document_type == "credit_note"
    assert invoice.invoice_number == "R-2024-6133"
    assert invoice.total_incl_tax == Decimal("316.54")


def test_a_web_shops_order_number_beside_the_buyers_order() -> None:
    """ "Order No." beside "PO #" or "Vs. ordine" is the shop's own order: the buyer's is the
    PO; alone it is the order."""
    page = """Delgado Beverage Distributors Inc.                      Invoice number      INV/2025/598
                                                          Order No.           28-917397
                                                          {label}{value}
"""
    both = parse_pages([page.format(label="PO #                ", value="48091")]).invoice
    alone = parse_pages([page.format(label="", value="")]).invoice

    assert both.po_references == ["48091"]
    assert alone.po_references == ["28-917397"]


def test_czech_and_italian_column_and_field_labels() -> None:
    """ "EAN" heads product codes, "Prezzo unit." is one heading, "Sc. %" a discount;
    "Vystaveno" is the issue date, "DPH celkem" the VAT; "Dodavatel" / "Zákazník" head the
    parties, "Dobropis č." the credit note's number."""
    page = """                                                        DOBROPIS
                                                        Dobropis č.: DB-2024-1120
                                                        Vystaveno: 22. 4. 2024
                                                        Datum zdan. plnění: 18. 4. 2024
 DODAVATEL                                 ZÁKAZNÍK
 Prádelna Novák s.r.o.                     Hotel U Zlaté studně s.r.o.
 DIČ: CZ16575831

EAN                Descrizione                     Prezzo unit.     Q.tà    Sc. %     Totale
4332620992967      Pronájem ubrusu 130 x 130 cm           59,93        9       3%     523,19

                                                   Celkem bez DPH                  523,19 Kč
                                                   DPH celkem                      109,87 Kč
                                                   Celkem s DPH                    633,06 Kč
"""
    invoice = parse_pages([page]).invoice

    assert invoice.document_type == "credit_note"
    assert invoice.invoice_number == "DB-2024-1120"
    assert invoice.invoice_date is not None and invoice.invoice_date.day == 22
    assert invoice.supplier_name == "Prádelna Novák s.r.o."
    assert invoice.tax_amount == Decimal("109.87")
    [item] = invoice.line_items
    assert (item.product_code, item.unit_price, item.total) == (
        "4332620992967",
        Decimal("59.93"),
        Decimal("523.19"),
    )


def test_a_code_line_under_the_item_names_its_unit_too() -> None:
    """ "Item code: SV955-L · hrs" under the description: the code, without the unit."""
    page = """Harbour Supplies Ltd                                  Invoice number   INV-88
 Date: 12/03/2024

 Qty  Product                                                  Price    VAT       Total
  12  Maintenance of combi steamer                            103.18    20%    1,238.16
      Item code: SV955-L · hrs
   9  Call-out charge, technician                             112.69    20%    1,014.21
      Item code: 419684

                                                       Total                  2,252.37
"""
    items = parse_pages([page]).invoice.line_items

    assert [i.product_code for i in items] == ["SV955-L", "419684"]


def test_a_code_set_apart_just_left_of_its_heading() -> None:
    """A report's bands: the code stands left of its heading, nearer it than the text's
    centred heading; so does a number-like code right-aligned under "Kód"."""
    rows = [
        _at(
            (2, "#"),
            (35, "Description"),
            (84, "Code"),
            (102, "Qty"),
            (120, "Rate"),
            (140, "Line total"),
        ),
        _at(
            (2, "3"),
            (7, "Chef jacket, white, size 52"),
            (77, "LN965-C"),
            (110, "4"),
            (122, "$24.70"),
            (149, "$98.80"),
        ),
        _at(
            (2, "4"),
            (7, "Table cloth rental 130 x 130 cm"),
            (77, "305030"),
            (110, "3"),
            (123, "$2.49"),
            (150, "$7.47"),
        ),
    ]
    items, _ = tables(Doc(["Delgado Linen Inc.\nInvoice No. 2024-7\n\n" + "\n".join(rows)]))

    assert [(i.description, i.product_code) for i in items] == [
        ("Chef jacket, white, size 52", "LN965-C"),
        ("Table cloth rental 130 x 130 cm", "305030"),
    ]


def test_a_percentage_under_the_discount_heading_is_the_discount() -> None:
    """ "Prezzo" left-aligned over right-aligned prices, nearer the "Sc. %" heading on the grid:
    the discount's 2% makes 7 x 11,19 = 76,76; 22% under "Aliq." is the VAT rate."""
    rows = [
        _at(
            (0, "N."),
            (8, "Descrizione"),
            (81, "Q.tà"),
            (97, "U.M."),
            (112, "Prezzo"),
            (136, "Sc. %"),
            (149, "Aliq."),
            (163, "Importo"),
        ),
        _at(
            (0, "4"),
            (8, "Disinfettante superfici 1 l"),
            (93, "7"),
            (97, "pz"),
            (127, "11,19"),
            (143, "2%"),
            (155, "22%"),
            (179, "76,76"),
        ),
        _at(
            (0, "5"),
            (8, "Succo d'arancia 6 x 1 l"),
            (93, "2"),
            (97, "cartone"),
            (127, "13,46"),
            (155, "10%"),
            (179, "26,92"),
        ),
    ]
    items, _ = tables(Doc(["Rossi S.p.A.\nFattura n. 2024-7\n\n" + "\n".join(rows)]))

    assert [(i.quantity, i.unit, i.unit_price, i.total, i.tax_rate) for i in items] == [
        (Decimal("7"), "pz", Decimal("11.19"), Decimal("76.76"), Decimal("22")),
        (Decimal("2"), "cartone", Decimal("13.46"), Decimal("26.92"), Decimal("10")),
    ]


def test_the_columns_reading_stands_where_the_discount_makes_it_add_up() -> None:
    """Row number 2 and quantity 2: with 3% off, 2 x 7,59 = 14,72 either way; the quantity
    under its heading is the one, so the unit beside it stays the unit."""
    rows = [
        _at(
            (1, "Pos."),
            (9, "Art.-Nr."),
            (26, "Bezeichnung"),
            (86, "Menge"),
            (95, "Preis"),
            (105, "Rabatt"),
            (117, "Gesamt"),
        ),
        _at(
            (3, "2"),
            (9, "CL-66211"),
            (26, "Nitrilhandschuhe Gr. L"),
            (87, "2 Pack"),
            (96, "7,59"),
            (106, "3%"),
            (119, "14,72"),
        ),
    ]
    [item], _ = tables(Doc(["Moser GmbH\nRechnung Nr. 2024-7\n\n" + "\n".join(rows)]))

    assert (item.quantity, item.unit, item.unit_price, item.total) == (
        Decimal("2"),
        "Pack",
        Decimal("7.59"),
        Decimal("14.72"),
    )


def test_a_service_date_before_the_code_is_no_code() -> None:
    """A date on every line ("28/12") just left of the code's heading is the service's date."""
    rows = [
        _at(
            (0, "Date"),
            (12, "Code"),
            (24, "Description"),
            (80, "Qty"),
            (90, "Price"),
            (104, "Amount"),
        ),
        _at(
            (0, "28/12"),
            (12, "CL-18391"),
            (24, "Deep cleaning of hood"),
            (81, "2"),
            (90, "75.81"),
            (104, "151.62"),
        ),
    ]
    [item], _ = tables(Doc(["Harbour Ltd\nInvoice No. 2024-7\n\n" + "\n".join(rows)]))

    assert item.product_code == "CL-18391"


def test_a_sections_heading_after_its_subtotal_is_no_description() -> None:
    """ "Subtotal" ends a section; the next section's name under it ("Network costs and levies")
    belongs to no item of the one before."""
    page = """Brightwave Energy Ltd                                  Invoice No. 2024-7
 Energy
 Description                                Qty     Unit       Unit price £       Amount £
 Day units                                4,682      kWh             0.3049       1,427.54
 Standing charge                             28     days             0.6737          18.86
                                                              Subtotal            1,446.40
 Network costs and levies
 Description                                Qty     Unit       Unit price £       Amount £
 Metering charge                             28     days             0.0516           1.44
                                                              Subtotal                1.44
                                                              Net total           1,447.84
"""
    items = parse_pages([page]).invoice.line_items

    assert [i.description for i in items] == ["Day units", "Standing charge", "Metering charge"]


def test_a_large_names_legal_form_on_its_next_row_a_grid_row_apart() -> None:
    """The letterhead's name in large type, flush right, its form wrapped under it: the type's
    height leaves a blank row on the grid, but on paper the form is the name's next row."""
    page = [
        T(15, 20, "Fattura", size=18),
        T(195, 20, "Rossi Forniture Alberghiere", right=True, size=18),
        T(195, 27, "S.r.l.", right=True, size=18),
        T(15, 29, "N. documento   202489041"),
        T(15, 35, "Data fattura   10/03/2024"),
        T(15, 50, "Descrizione"),
        T(150, 50, "Q.tà", right=True),
        T(195, 50, "Importo", right=True),
        T(15, 57, "Brillantante 5 l"),
        T(150, 57, "1", right=True),
        T(195, 57, "17,15", right=True),
        T(150, 70, "Totale", right=True),
        T(195, 70, "17,15", right=True),
        T(60, 280, "Rossi Forniture Alberghiere S.r.l. · Via Galileo Ferraris 120 · 80143 Napoli"),
    ]
    assert _read(_pdf(page)).invoice.supplier_name == "Rossi Forniture Alberghiere S.r.l."


def test_a_czech_carry_over_and_an_article_line_under_the_item() -> None:
    """ "Převod" carries the table over the page (no heading repeated); "Artikel: 661074" under
    a description is the item's code."""
    first = """Prádelna Procházka s.r.o.                        Faktura 25-15589
 Datum vystavení: 12.03.2025

 Č.   Označení                                  Počet    MJ       Cena/MJ          Částka
 1    Údržba konvektomatu                        2,25    hod     1 947,19 Kč     4 381,18 Kč
      Artikel: 615794
                                                              Převod           4 381,18 Kč
"""
    second = """Prádelna Procházka s.r.o.                        Faktura 25-15589 - Strana 2 z 2
                                                              Převod           4 381,18 Kč
 2    Pronájem ubrusu 130 x 130 cm                500      ks        12,99 Kč     6 495,00 Kč
      Artikel: LN-98682
                                                              Celkem bez DPH  10 876,18 Kč
"""
    items = parse_pages([first, second]).invoice.line_items

    assert [(i.product_code, i.total) for i in items] == [
        ("615794", Decimal("4381.18")),
        ("LN-98682", Decimal("6495.00")),
    ]


def test_a_service_log_with_a_date_column_and_art_lines() -> None:
    """A date under "Date" is no description ("1 April 2025" left of the text, under no heading
    of its own); "Art.: 330639" under a description is the item's code."""
    rows = [
        _at(
            (1, "#"), (11, "Date"), (70, "Item"), (124, "Qty"), (131, "Unit price"), (147, "Total")
        ),
        _at(
            (0, "1"),
            (5, "1 April 2025"),
            (24, "Table cloth rental 130 x 130 cm"),
            (126, "35"),
            (134, "2.09"),
            (147, "73.15"),
        ),
        _at(
            (0, "2"),
            (5, "3 April 2025"),
            (24, "Bed linen set, washed and ironed"),
            (126, "21"),
            (134, "1.11"),
            (147, "23.31"),
        ),
        _at((24, "Art.: 330639")),
    ]
    items, _ = tables(Doc(["Harbour Services Ltd\nInvoice No. 2025-7\n\n" + "\n".join(rows)]))

    assert [(i.description, i.product_code) for i in items] == [
        ("Table cloth rental 130 x 130 cm", None),
        ("Bed linen set, washed and ironed", "330639"),
    ]


def _one_item(
    y: float, headings: tuple[str, str, str], item: tuple[str, str, str], total: str
) -> list[T]:
    """A table of one item in 9 points at ``y`` mm: headings, the item's row, the total under it."""
    (desc, qty, amount), (text, n, value) = headings, item
    return [
        T(15, y, desc, size=9),
        T(150, y, qty, right=True, size=9),
        T(195, y, amount, right=True, size=9),
        T(15, y + 6, text, size=9),
        T(150, y + 6, n, right=True, size=9),
        T(195, y + 6, value, right=True, size=9),
        T(150, y + 18, total, right=True, size=9),
        T(195, y + 18, value, right=True, size=9),
    ]


def test_a_letterheads_form_wrapped_in_type_a_third_larger_than_the_text() -> None:
    """A word processor's letterhead: the name in 13 points over body text in 9, flush right,
    its form wrapped onto the next row in the same type ("Fernández Higiene Profesional" /
    "S.A."): the form is the name's. The street under it ("Avenida de Andalucía, 177") is no
    name."""
    page = [
        T(195, 20, "Fernández Higiene Profesional", right=True, size=13),
        T(195, 26, "S.A.", right=True, size=13),
        T(195, 32, "Avenida de Andalucía, 177", right=True, size=9),
        T(195, 37, "28045 Madrid", right=True, size=9),
        T(195, 42, "NIF ESA48201602", right=True, size=9),
        T(15, 37, "Cliente", size=9),
        T(15, 42, "Taberna del Puerto S.L.", size=9),
        T(15, 54, "Factura 2023-4072", size=12),
        T(195, 54, "25/01/2023", right=True, size=9),
        *_one_item(
            62,
            ("Descripción", "Cant.", "Importe"),
            ("Detergente lavavajillas 10 l", "2", "40,00 €"),
            "Total a pagar",
        ),
        T(60, 280, "Fernández Higiene Profesional S.A. – NIF: ESA48201602", size=8),
    ]
    assert _read(_pdf(page)).invoice.supplier_name == "Fernández Higiene Profesional S.A."


def test_a_flush_right_sellers_block_wraps_its_form_flush_right() -> None:
    """A browser's invoice: the seller's block set flush right beside the buyer's, in the text's
    own type, its name's form wrapped onto the next row flush right ("... GmbH" / "& Co. KG")."""
    page = [
        T(15, 20, "Gasthaus zur Linde", size=9),
        T(195, 20, "Fleischerei Huber Getränke GmbH", right=True, size=9),
        T(15, 24, "Hauptstraße 42", size=9),
        T(195, 24, "& Co. KG", right=True, size=9),
        T(15, 28, "74792 Leipzig", size=9),
        T(195, 28, "USt-IdNr.: DE980133823", right=True, size=9),
        T(195, 32, "Am Großmarkt 73", right=True, size=9),
        T(195, 36, "90547 Stuttgart", right=True, size=9),
        T(15, 50, "Rechnung INV-2025-3659", size=12),
        T(195, 50, "Rechnungsdatum: 2025-03-29", right=True, size=9),
        *_one_item(
            62,
            ("Artikel", "Menge", "Gesamt"),
            ("Orangensaft frisch gepresst, 1 l", "20,00", "64,60 €"),
            "Gesamtbetrag",
        ),
    ]
    invoice = _read(_pdf(page)).invoice
    assert invoice.supplier_name == "Fleischerei Huber Getränke GmbH & Co. KG"


def test_a_large_names_wrapped_end_drawn_over_the_address_beside_it() -> None:
    """Prawn's ERP letter: the name in 15 points wraps its end ("López S.L.") onto a row whose
    baseline is 2 points from the 7-point address line it overprints. The two stay apart in
    the text, and the end is read with its name (not as a name of its own, though it spells the
    mail domain)."""
    page = [
        T(195, 14, "Suministros Hosteleros", right=True, size=15),
        T(195, 20, "López S.L.", right=True, size=15),
        T(195, 19.3, "Carrer de la Mare de Déu de Port 5", right=True, size=7),
        T(195, 23, "08038 Barcelona", right=True, size=7),
        T(195, 26, "info@lopez.es", right=True, size=7),
        T(15, 36, "Cliente:", size=9),
        T(15, 40, "Hotel Mirador S.L.", size=9),
        T(15, 44, "Calle de Embajadores 219, 28012 Madrid", size=9),
        T(15, 56, "Factura 2024-118", size=12),
        T(195, 56, "Fecha: 12/03/2024", right=True, size=9),
        *_one_item(
            66,
            ("Descripción", "Cant.", "Importe"),
            ("Detergente lavavajillas 10 l", "2", "40,00 €"),
            "Total",
        ),
    ]
    assert _read(_pdf(page)).invoice.supplier_name == "Suministros Hosteleros López S.L."


def _czech_invoice(totals: list[T]) -> bytes:
    """TCPDF's "sponge" layout in Czech: two items under Kód / Popis / DPH / J.cena / Množ. /
    Celkem, then the payment notes on the left beside the totals."""
    page = [T(15, 15, "Velkoobchod Svoboda a.s."), T(15, 21, "DIČ: CZ83409360")]
    page += [T(120, 15, "Faktura č. FV/2024/669"), T(120, 21, "Datum vystavení: 28.03.2024")]
    page += [T(15, 40, "Kód"), T(40, 40, "Popis"), T(110, 40, "DPH"), T(135, 40, "J.cena")]
    page += [T(150, 40, "Množ."), T(195, 40, "Celkem", True)]
    for y, (code, text, price, qty, total) in (
        (46, ("EQ428-L", "Sklenice na víno 47 cl, 6 ks", "1 533,40", "1", "1 533,40")),
        (51, ("SV-5331", "Kontrola deratizace", "7 069,39", "2", "14 138,78")),
    ):
        page += [T(15, y, code), T(40, y, text), T(110, y, "21%"), T(145, y, price, True)]
        page += [T(160, y, qty, True), T(195, y, total, True)]
    return _pdf(page + totals)


def test_totals_beside_payment_notes_and_a_label_reaching_into_the_figures() -> None:
    """ "Mezisoučet" (the subtotal) starts left of the DPH column and reaches into it, on a line
    that starts with a payment note: the totals block, not a third item."""
    totals = [T(15, 60, "Forma úhrady : Bankou, splatnost 30 dní."), T(104, 60, "Mezisoučet")]
    totals += [T(195, 60, "15 672,18", True), T(15, 65, "Platba na účet:")]
    totals += [T(104, 65, "DPH celkem"), T(195, 65, "3 291,16", True)]
    totals += [T(104, 70, "Celkem (s DPH)"), T(195, 70, "18 963,34", True)]
    invoice = _read(_czech_invoice(totals)).invoice
    assert [i.total for i in invoice.line_items] == [Decimal("1533.40"), Decimal("14138.78")]
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("15672.18"),
        Decimal("3291.16"),
        Decimal("18963.34"),
    )


def test_a_total_wrapped_under_its_currency_code() -> None:
    """A narrow totals cell wraps "CZK 18 963,34" after its code: the amount is on the next row,
    under the code, right of its label's row (read there, not worked out from net and tax)."""
    totals = [T(104, 60, "Celkem bez DPH"), T(195, 60, "CZK 15 672,18", True)]
    totals += [T(104, 65, "DPH 21 %"), T(195, 65, "CZK 3 291,16", True)]
    totals += [T(104, 70, "Celkem s DPH"), T(180, 70, "CZK"), T(195, 74, "18 963,34", True)]
    result = _read(_czech_invoice(totals))
    invoice = result.invoice
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("15672.18"),
        Decimal("3291.16"),
        Decimal("18963.34"),
    )
    assert result.confidence["total_incl_tax"] == 0.95
    assert invoice.currency == "CZK"
    # without a net to work it out from
    invoice = _read(_czech_invoice(totals[2:])).invoice
    assert (invoice.tax_amount, invoice.total_incl_tax) == (Decimal("3291.16"), Decimal("18963.34"))


def test_a_letterhead_name_set_on_two_lines_the_second_wider() -> None:
    """A letterhead sets its name on two lines by design, the second wider than the first:
    the name is both, in the same large type from the same left edge."""
    page = [T(15, 15, "de Vries", size=16), T(15, 22, "Horecagroothandel B.V.", size=16)]
    page += [T(15, 30, "Basisweg 10, 1043 AP Amsterdam"), T(15, 35, "www.devries.nl")]
    page += [T(120, 30, "Factuurnr.  2025-1551"), T(120, 35, "Datum  05.03.2025")]
    page += [T(15, 50, "Restaurant De Kas B.V."), T(15, 55, "Kamerlingh Onneslaan 3")]
    page += [T(120, 80, "Totaal"), T(195, 80, "€ 121,00", True)]
    assert _read(_pdf(page)).invoice.supplier_name == "de Vries Horecagroothandel B.V."


def test_italian_headings_p_u_before_q_ta_and_imponibile() -> None:
    """ "P.U." (prezzo unitario) heads the prices, left of "Q.tà"; "Imponibile" the line totals:
    the price is not read as the quantity where both orders multiply out."""
    page = [T(15, 15, "Bianchi Distribuzione S.p.A."), T(120, 15, "Fattura n. 202423263")]
    page += [T(120, 21, "Data fattura 09/08/2024"), T(15, 40, "Descrizione"), T(120, 40, "IVA")]
    page += [T(140, 40, "P.U."), T(160, 40, "Q.tà"), T(180, 40, "Imponibile")]
    for y, (text, price, qty, total) in (
        (47, ("Caffè in grani espresso 1 kg", "16,97", "14", "237,58")),
        (53, ("Succo d'arancia 6 x 1 l", "26,84", "2", "53,68")),
    ):
        page += [T(15, y, text), T(120, y, "22%"), T(150, y, price, True)]
        page += [T(168, y, qty, True), T(195, y, total, True)]
    page += [T(120, 65, "Totale documento"), T(195, 65, "355,32", True)]
    items = _read(_pdf(page)).invoice.line_items
    assert [(i.quantity, i.unit_price, i.total) for i in items] == [
        (Decimal("14"), Decimal("16.97"), Decimal("237.58")),
        (Decimal("2"), Decimal("26.84"), Decimal("53.68")),
    ]
