"""Layouts of open-source invoicing programs' templates (Kimai, Crater), each as a small PDF."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.extract.parse import parse_pages
from tests.extract.test_library_prints import _at
from tests.extract.test_unseen_layouts import T, _pdf, _read


def test_a_price_column_left_of_the_quantity_and_a_net_total_named_in_brackets() -> None:
    """Kimai: "Einzelbetrag | Anzahl | Gesamtpreis" ("Einzelbetrag" is a price, though it ends in
    a total's word) and "Rechnungsbetrag (netto)" over the tax and "Rechnungsendbetrag"."""
    pdf = _pdf(
        [
            T(15, 20, "Rechnung"),
            T(150, 20, "Datum: 24.08.2024"),
            T(120, 30, "Hygiene-Service Bauer e.K."),
            T(120, 36, "Umsatzsteuer-ID: DE437406812"),
            T(15, 50, "Rechnungsnummer: 240824-4"),
            T(15, 70, "Beschreibung", size=9),
            T(110, 70, "Einzelbetrag", size=9),
            T(140, 70, "Anzahl", size=9),
            T(165, 70, "Gesamtpreis", size=9),
            T(15, 77, "Kochjacke Mietservice, wöchentlich", size=9),
            T(130, 77, "5,00 €", right=True, size=9),
            T(150, 77, "8", right=True, size=9),
            T(190, 77, "40,00 €", right=True, size=9),
            T(15, 83, "Bettlaken 200 x 220 cm", size=9),
            T(130, 83, "3,82 €", right=True, size=9),
            T(150, 83, "3", right=True, size=9),
            T(190, 83, "11,46 €", right=True, size=9),
            T(110, 95, "Rechnungsbetrag (netto)", size=9),
            T(190, 95, "51,46 €", right=True, size=9),
            T(110, 101, "Umsatzsteuer (19%)", size=9),
            T(190, 101, "9,78 €", right=True, size=9),
            T(110, 107, "Rechnungsendbetrag", size=9),
            T(190, 107, "61,24 €", right=True, size=9),
        ]
    )
    invoice = _read(pdf).invoice

    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("51.46"),
        Decimal("9.78"),
        Decimal("61.24"),
    )
    assert [(i.quantity, i.unit_price, i.total) for i in invoice.line_items] == [
        (Decimal(8), Decimal("5.00"), Decimal("40.00")),
        (Decimal(3), Decimal("3.82"), Decimal("11.46")),
    ]


def test_the_vat_id_speaks_for_the_name_in_its_own_block() -> None:
    """Crater: the name wrapped in large letters on the left ("Thames Linen" / "Services Ltd") and
    printed whole over the address and VAT id on the right: the VAT id is next to the whole name's
    block, not to the left one's last row."""
    pdf = _pdf(
        [
            T(135, 10, "Thames Linen Services Ltd", size=9),
            T(135, 16, "Unit 4, Riverside Park", size=9),
            T(15, 18, "Thames Linen", size=20),
            T(135, 22, "London SE16 4DG", size=9),
            T(135, 28, "United Kingdom", size=9),
            T(15, 30, "Services Ltd", size=20),
            T(135, 34, "VAT: GB365315408", size=9),
            T(15, 45, "Bill to,", size=9),
            T(15, 50, "Harbourview Hotel", size=9),
            T(130, 45, "Invoice Number", size=9),
            T(160, 45, "INV-629242", size=9),
            T(130, 50, "Invoice Date", size=9),
            T(160, 50, "08 Jul 2025", size=9),
            T(15, 70, "Items", size=9),
            T(120, 70, "Quantity", size=9),
            T(150, 70, "Price", size=9),
            T(190, 70, "Amount", right=True, size=9),
            T(15, 77, "Tablecloth 180 x 180 cm, laundering", size=9),
            T(130, 77, "2", right=True, size=9),
            T(160, 77, "£4.37", right=True, size=9),
            T(190, 77, "£8.74", right=True, size=9),
            T(150, 90, "Subtotal", size=9),
            T(190, 90, "£8.74", right=True, size=9),
            T(150, 96, "VAT (20%)", size=9),
            T(190, 96, "£1.75", right=True, size=9),
            T(150, 102, "Total", size=9),
            T(190, 102, "£10.49", right=True, size=9),
        ]
    )
    invoice = _read(pdf).invoice

    assert invoice.supplier_tax_id == "GB365315408"
    assert invoice.supplier_name == "Thames Linen Services Ltd"


def test_names_under_an_item_heading_beside_a_description_column_of_notes() -> None:
    """InvoicePlane: "Posten | Beschreibung | Menge | Preis | Summe", the item's name under
    "Posten" and a note under "Beschreibung" on some rows only; its tax as "Steuer Posten"."""
    rows = [
        ("Tonic Water 24 x 0,2 l", "", "8,00", "17,36 €", "138,88 €"),
        ("Cola 24 x 0,33 l Dosen", "Wöchentliche Lieferung", "2,00", "17,33 €", "34,66 €"),
    ]
    cells = [
        T(15, 60, "Posten", size=9),
        T(80, 60, "Beschreibung", size=9),
        T(125, 60, "Menge", size=9),
        T(150, 60, "Preis", size=9),
        T(175, 60, "Summe", size=9),
    ]
    for n, (name, note, quantity, price, total) in enumerate(rows):
        y = 67 + 6 * n
        cells += [T(15, y, name, size=9), *([T(80, y, note, size=9)] if note else [])]
        cells += [
            T(140, y, quantity, right=True, size=9),
            T(165, y, price, right=True, size=9),
            T(190, y, total, right=True, size=9),
        ]
    totals = [("Zwischensumme", "173,54 €"), ("Steuer Posten", "32,97 €"), ("Summe", "206,51 €")]
    for n, (label, amount) in enumerate(totals):
        cells += [T(140, 85 + 6 * n, label, size=9), T(190, 85 + 6 * n, amount, right=True, size=9)]
    head = [T(15, 20, "Getränke Hoffmann GmbH", size=14), T(15, 40, "Rechnung 20254450", size=12)]
    invoice = _read(_pdf(head + cells)).invoice

    assert [(i.description, i.product_code, i.total) for i in invoice.line_items] == [
        ("Tonic Water 24 x 0,2 l", None, Decimal("138.88")),
        ("Cola 24 x 0,33 l Dosen Wöchentliche Lieferung", None, Decimal("34.66")),
    ]
    assert invoice.tax_amount == Decimal("32.97")


def test_a_bare_sum_the_tax_adds_up_to_the_total_is_the_net() -> None:
    """Typst's classy-german-invoice: "Summe:" (the net), "19% Mehrwertsteuer:", "Gesamt:"; a
    bare "Summe" is a gross elsewhere, so only the arithmetic tells."""
    cells = [
        T(15, 15, "Wäscherei Lindner GmbH • Industriestraße 3 • 80331 München", size=8),
        T(15, 30, "Restaurant Zum Anker", size=10),
        T(15, 50, "Rechnung #2024-329", size=12),
        T(150, 50, "München, 16.04.2024", size=10),
        T(15, 60, "Pos.", size=9),
        T(30, 60, "Beschreibung", size=9),
        T(190, 60, "Preis", right=True, size=9),
        T(15, 66, "1.", size=9),
        T(30, 66, "Riesling trocken 0,75 l (20 Fl. à 7,02 €)", size=9),
        T(190, 66, "140,40€", right=True, size=9),
        T(15, 72, "2.", size=9),
        T(30, 72, "Badetuch 70 x 140 cm (10 Stk. à 16,01 €)", size=9),
        T(190, 72, "160,10€", right=True, size=9),
        T(170, 82, "Summe:", right=True, size=9),
        T(190, 82, "300,50€", right=True, size=9),
        T(170, 88, "19% Mehrwertsteuer:", right=True, size=9),
        T(190, 88, "57,10€", right=True, size=9),
        T(170, 94, "Gesamt:", right=True, size=9),
        T(190, 94, "357,60€", right=True, size=9),
    ]
    invoice = _read(_pdf(cells)).invoice

    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("300.50"),
        Decimal("57.10"),
        Decimal("357.60"),
    )


def test_a_letter_spaced_title_and_a_bare_due_before_its_date() -> None:
    """LaTeX dapper-invoice: "I N V O I C E #540" and "due December 9, 2024" under the amount."""
    cells = [
        T(15, 15, "Empire   Coffee   Roasters Corp.", size=16),
        T(110, 22, "I N V O I C E #540", size=16),
        T(150, 30, "December 2, 2024", size=10),
        T(25, 45, "$4,010.98", size=12),
        T(25, 51, "due December 9, 2024", size=10),
        T(15, 65, "Description", size=9),
        T(140, 65, "Hours", size=9),
        T(160, 65, "Rate", size=9),
        T(190, 65, "Amount", right=True, size=9),
        T(15, 71, "Carpet shampooing, banquet hall", size=9),
        T(150, 71, "8", right=True, size=9),
        T(170, 71, "$35.75", right=True, size=9),
        T(190, 71, "$286.00", right=True, size=9),
        T(160, 81, "Subtotal", size=9),
        T(190, 81, "$286.00", right=True, size=9),
        T(160, 87, "Total", size=9),
        T(190, 87, "$286.00", right=True, size=9),
    ]
    invoice = _read(_pdf(cells)).invoice

    assert invoice.invoice_number == "540"
    assert invoice.due_date == date(2024, 12, 9)


def test_the_latex_invoice_packages_table_with_hyphenated_justified_descriptions() -> None:
    """CTAN's invoice package: "Activity | Rate/Unit | Count | Amount (GBP)", descriptions set
    justified in a narrow column and broken after a hyphen ("multi-" / "purpose 25 kg"): the
    hyphen stays. (A typesetter's own hyphen inside a word, "tani-" / "ca", reads "tani-ca": it
    cannot be told from a compound's without a dictionary, and compounds are what browsers,
    word processors and ERPs break at.)"""
    cells = [
        T(15, 15, "Harbour Linen Services Ltd", size=14),
        T(15, 30, "Invoice No.: 20231115-9", size=10),
        T(30, 60, "Activity", size=9),
        T(110, 60, "Rate/Unit", size=9),
        T(135, 60, "Count", size=9),
        T(160, 60, "Amount (GBP)", size=9),
        T(30, 66, "Dishwasher  detergent,  multi-", size=9),
        T(125, 66, "72.76", right=True, size=9),
        T(145, 66, "1", right=True, size=9),
        T(185, 66, "72,76", right=True, size=9),
        T(30, 70, "purpose 25 kg", size=9),
        T(30, 76, "Butter  unsalted  82%,  block  10", size=9),
        T(125, 76, "71.62", right=True, size=9),
        T(145, 76, "6", right=True, size=9),
        T(185, 76, "429,72", right=True, size=9),
        T(30, 80, "kg", size=9),
        T(30, 90, "Total", size=9),
        T(185, 90, "502,48", right=True, size=9),
    ]
    items = _read(_pdf(cells)).invoice.line_items

    assert [(" ".join(i.description.split()), i.quantity, i.total) for i in items] == [
        ("Dishwasher detergent, multi-purpose 25 kg", Decimal(1), Decimal("72.76")),
        ("Butter unsalted 82%, block 10 kg", Decimal(6), Decimal("429.72")),
    ]


def test_figures_under_their_description_as_quantity_times_price() -> None:
    """mrzool's invoice-boilerplate: "Pos. | Description | Prices in EUR", each item its number
    and name on one line and "•  20 × 89,14   1782,80" under it."""
    cells = [
        T(15, 15, "Sauber & Rein Gebäudeservice GmbH", size=12),
        T(15, 30, "Invoice #231389", size=12),
        T(15, 50, "Pos.", size=9),
        T(30, 50, "Description", size=9),
        T(190, 50, "Prices in EUR", right=True, size=9),
        T(17, 56, "1", size=9),
        T(30, 56, "Austausch Kühlzellen-Türdichtung", size=9),
        T(32, 61, "•   20 × 89,14", size=7),
        T(190, 61, "1782,80", right=True, size=9),
        T(17, 67, "2", size=9),
        T(30, 67, "Hauswein rot, Bag-in-Box 10 l", size=9),
        T(32, 72, "•   20 × 45,90", size=7),
        T(190, 72, "918,00", right=True, size=9),
        T(150, 82, "Total:", size=9),
        T(190, 82, "2700,80", right=True, size=9),
    ]
    items = _read(_pdf(cells)).invoice.line_items

    assert [(i.description, i.quantity, i.unit_price, i.total) for i in items] == [
        ("Austausch Kühlzellen-Türdichtung", Decimal(20), Decimal("89.14"), Decimal("1782.80")),
        ("Hauswein rot, Bag-in-Box 10 l", Decimal(20), Decimal("45.90"), Decimal("918.00")),
    ]


def test_a_large_name_wrapped_and_hyphenated_beside_a_smaller_date() -> None:
    """LaTeX dapper-invoice: the supplier's name in large letter-spaced type wraps onto a second
    row ("Schoonmaakbedrijf   Ver-" / "meer V.O.F."); the date, in small type right of both
    rows, is printed between them (the mail domain names the company)."""
    cells = [
        T(15, 15, "Schoonmaakbedrijf   Ver-", size=22),
        T(150, 19, "June 18, 2025", size=9),
        T(15, 25, "meer V.O.F.", size=22),
        T(110, 40, "I N V O I C E #1384", size=16),
        T(110, 50, "Email  invoices@schoonmaakbedrijf.nl", size=9),
        T(15, 60, "Description", size=9),
        T(190, 60, "Amount", right=True, size=9),
        T(15, 66, "Window cleaning, dining room", size=9),
        T(190, 66, "€120.00", right=True, size=9),
        T(160, 76, "Total", size=9),
        T(190, 76, "€120.00", right=True, size=9),
    ]
    assert _read(_pdf(cells)).invoice.supplier_name == "Schoonmaakbedrijf Vermeer V.O.F."


def test_a_small_date_inside_a_large_lines_span_and_an_item_table_with_dates() -> None:
    """LaTeX dapper-invoice: the date, in small type, stands above the right end of the large
    title line and is grouped with it ("… I N V O I C E #4427" / "March 2, 2024" must not read
    "#4427March 2, 2024"); the items carry dates of their own under a "Date" heading."""
    cells = [
        T(15, 15, "Sunbelt Sanitation Services Corp.", size=14),
        T(15, 28, "Invoice for services        I N V O I C E #4427", size=22),
        T(150, 26, "March 2, 2024", size=9),
        T(15, 50, "Date", size=9),
        T(40, 50, "Description", size=9),
        T(150, 50, "Hours", size=9),
        T(190, 50, "Amount", right=True, size=9),
        T(15, 56, "2024/02/08", size=9),
        T(40, 56, "Window cleaning, dining room", size=9),
        T(155, 56, "4", right=True, size=9),
        T(190, 56, "$142.00", right=True, size=9),
        T(160, 66, "Total", size=9),
        T(190, 66, "$142.00", right=True, size=9),
    ]
    invoice = _read(_pdf(cells)).invoice

    assert (invoice.invoice_number, invoice.invoice_date) == ("4427", date(2024, 3, 2))


def test_two_text_columns_wrapped_are_read_column_by_column() -> None:
    """InvoicePlane: "Artículo" and "Descripción" side by side, each wrapped over two lines:
    the item's name is its first column's lines, then the second column's, not the lines
    taken row by row."""
    page = """Cantábrico Equipamiento Hostelería S.Coop.          NIF/CIF: ESB55631383
Avenida de la Constitución, 144, 17505 Valencia     Factura   AV250182
                                                    Fecha     7 de mayo de 2025

  Artículo                                    Descripción          Cant.   Precio      Total

  Copas de vino 47 cl, caja de 6 – 6          Albarán 63497, 6 de  40,00    27,31   1.092,40
  de mayo de 2025                             mayo de 2025

  Horno mixto 10 x GN 1/1,                                          1,00 6.064,77   6.064,77
  eléctrico, instalación incluida

                                                           Subtotal          7.157,17 EUR
                                                          IVA (21%)          1.503,01 EUR
                                                              Total          8.660,18 EUR
"""
    items = parse_pages([page]).invoice.line_items

    assert [" ".join((i.description or "").split()) for i in items] == [
        "Copas de vino 47 cl, caja de 6 – 6 de mayo de 2025 Albarán 63497, 6 de mayo de 2025",
        "Horno mixto 10 x GN 1/1, eléctrico, instalación incluida",
    ]


def test_a_compound_broken_after_its_hyphen_keeps_it() -> None:
    """A browser's ragged table cell breaks a compound after its hyphen ("céleri-" / "rave",
    "Bettwäsche-" / "Garnitur"): the description goes on without a space and with the hyphen."""
    cells = [
        T(15, 15, "Primeurs du Marché SARL", size=14),
        T(15, 30, "Facture n° F-2025-0412", size=10),
        T(15, 60, "Désignation", size=9),
        T(120, 60, "Qté", right=True, size=9),
        T(150, 60, "P.U.", right=True, size=9),
        T(185, 60, "Montant", right=True, size=9),
        T(15, 66, "Cagette de légumes (carottes, céleri-", size=9),
        T(120, 66, "4", right=True, size=9),
        T(150, 66, "18,50", right=True, size=9),
        T(185, 66, "74,00", right=True, size=9),
        T(15, 70, "rave, betteraves)", size=9),
        T(15, 76, "Wäscheservice Bettwäsche-", size=9),
        T(120, 76, "2", right=True, size=9),
        T(150, 76, "9,75", right=True, size=9),
        T(185, 76, "19,50", right=True, size=9),
        T(15, 80, "Garnitur", size=9),
        T(120, 90, "Total HT", size=9),
        T(185, 90, "93,50", right=True, size=9),
    ]
    items = _read(_pdf(cells)).invoice.line_items

    assert [(" ".join(i.description.split()), i.total) for i in items] == [
        ("Cagette de légumes (carottes, céleri-rave, betteraves)", Decimal("74.00")),
        ("Wäscheservice Bettwäsche-Garnitur", Decimal("19.50")),
    ]


def test_a_vat_breakdown_row_beside_a_payment_note_is_no_item() -> None:
    """xhtml2pdf's facture: under the items, "Forma de pago  Tipo  Base  Cuota" and a row with
    the note's text, the rate, the base and its tax (21 % of 1.551,63 is 325,84): no item."""
    cells = [
        T(15, 15, "Distribuciones Ruiz S.L.", size=14),
        T(15, 30, "Factura n.º F-2024-0815", size=10),
        T(16, 60, "Código", size=9),
        T(50, 60, "Descripción", size=9),
        T(120, 60, "Cant.", right=True, size=9),
        T(125, 60, "Unidad", size=9),
        T(150, 60, "Precio", right=True, size=9),
        T(150, 64, "unit.", right=True, size=9),
        T(168, 60, "% IVA", right=True, size=9),
        T(190, 60, "Importe", right=True, size=9),
    ]
    rows = [("CL-73658", "Detergente lavavajillas 10 l", "37", "10,39 €", "384,43 €")]
    rows += [("EQ306-S", "Cubeta gastronorm GN 1/1, 100 mm", "19", "61,18 €", "1.167,20 €")]
    for n, (code, text, qty, price, amount) in enumerate(rows):
        y = 72 + 8 * n
        cells += [T(15, y, code, size=9), T(40, y, text, size=9)]
        cells += [T(120, y, qty, right=True, size=9), T(125, y, "ud.", size=9)]
        cells += [T(150, y, price, right=True, size=9), T(168, y, "21%", right=True, size=9)]
        cells += [T(190, y, amount, right=True, size=9)]
    cells += [
        T(15, 96, "Forma de pago", size=9),
        T(80, 96, "Tipo", size=9),
        T(120, 96, "Base", size=9),
        T(160, 96, "Cuota", size=9),
        T(15, 102, "Transferencia a 45 días fecha factura.", size=9),
        T(80, 102, "21%", size=9),
        T(150, 102, "1.551,63 €", right=True, size=9),
        T(190, 102, "325,84 €", right=True, size=9),
        T(80, 110, "Total base imponible", size=9),
        T(190, 110, "1.551,63 €", right=True, size=9),
        T(80, 116, "Total", size=9),
        T(190, 116, "1.877,47 €", right=True, size=9),
    ]
    items = _read(_pdf(cells)).invoice.line_items

    assert [i.total for i in items] == [Decimal("384.43"), Decimal("1167.20")]


def test_an_abbreviated_discount_heading_keeps_the_price_undiscounted() -> None:
    """ "Preis  Rab.  USt.  Betrag" (PyMuPDF's wholesaler): "Rab." heads the line discount in per
    cent (25 x 7,92 less 5 % is 188,10), whose heading the price stands nearer than its own;
    the price stays the list price."""
    heads = [(0, "Artikel"), (24, "Anz."), (30, "Einheit"), (38, "Preis"), (50, "Rab.")]
    first = [(0, "Süßrahmbutter 250 g"), (25, "25"), (30, "Pack"), (45, "7,92"), (51, "5 %")]
    second = [(0, "GN-Behälter 1/1, 100 mm"), (25, "10"), (30, "Stk."), (44, "76,25")]
    rows = [
        _at(*heads, (57, "USt."), (66, "Betrag")),
        _at(*first, (57, "10 %"), (66, "188,10")),
        _at(*second, (57, "20 %"), (66, "762,50")),
        _at((40, "Summe netto"), (66, "950,60")),
    ]
    page = "\n".join(["Großhandel Weber GmbH", "Rechnung Nr. 2025-0412", "", *rows])
    items = parse_pages([page]).invoice.line_items

    assert [(i.quantity, i.unit_price, i.total, i.tax_rate) for i in items] == [
        (Decimal(25), Decimal("7.92"), Decimal("188.10"), Decimal(10)),
        (Decimal(10), Decimal("76.25"), Decimal("762.50"), Decimal(20)),
    ]


def test_ihre_referenz_names_the_buyers_order() -> None:
    """German "Ihre Referenz" (your reference) over the buyer's order numbers, in a row of
    headings over a row of values, as "Your reference" does in English."""
    rows = [
        _at((0, "Fälligkeit"), (40, "Kunden-Nr."), (80, "Ihre Referenz")),
        _at((0, "02.06.2024"), (40, "C5310"), (80, "PO2024-484, PO2024-608")),
    ]
    page = "\n".join(["Gruber Frischeservice GmbH", "Rechnungsnr. RE-2024-7189", "", *rows])

    assert parse_pages([page]).invoice.po_references == ["PO2024-484", "PO2024-608"]


def _wrapped_head(label: str, first: str, second: str, end: int = 78) -> str:
    """A narrow right-aligned box (sparksuite's): ``label first`` ending at column ``end``, the
    value's end wrapped onto the next row, flush right."""
    return "\n".join(
        [
            "Lusitana Serviços Técnicos S.A.",
            _at((end - len(f"{label} {first}"), f"{label} {first}")),
            _at((end - len(second), second)),
            "",
            _at((0, "Descrição"), (50, "Total")),
            _at((0, "Guardanapos de papel 33 x 33 cm"), (50, "51,00")),
            _at((40, "Total"), (50, "51,00")),
        ]
    )


def test_dates_wrapped_in_a_narrow_box_are_read_whole() -> None:
    """Portuguese and Spanish dates broken before the year ("30 de dezembro de" / "2023", "30 de
    abril" / "de 2024"), a Czech one after its month ("8. 12." / "2023"), under "Emitida" (issued)
    and "Vystaveno"."""
    cases = [
        ("Data da fatura:", "30 de dezembro de", "2023", date(2023, 12, 30)),
        ("Emitida:", "16 de marzo de", "2024", date(2024, 3, 16)),
        ("Emitida:", "30 de abril", "de 2024", date(2024, 4, 30)),
        ("Vystaveno:", "8. 12.", "2023", date(2023, 12, 8)),
    ]
    for label, first, second, issued in cases:
        page = _wrapped_head(label, first, second)
        assert parse_pages([page]).invoice.invoice_date == issued, (label, first)


def test_an_order_number_wrapped_after_its_hyphen_flush_right() -> None:
    """ "PO Number: BST-2023-" / "722": the number's end, flush right in its box, ends further
    right than the first row's end on the grid of characters."""
    page = _wrapped_head("PO Number:", "BST-2023-", "722", end=70).replace(
        _at((67, "722")), _at((77, "722"))
    )

    assert parse_pages([page]).invoice.po_references == ["BST-2023-722"]


def test_a_code_wrapped_beside_its_description_and_a_centred_item_with_a_code() -> None:
    """InvoicePlane in a browser: a code wrapped after its hyphen goes on beside the
    description's next line ("CL-360-" / "G   para alimentos"), and an item's figures centred on
    its text stand on the line of its code, the first line of its text above them."""
    heads = [(2, "Artigo"), (18, "Descrição"), (70, "Qtd."), (80, "Preço"), (95, "Total")]
    first = [(2, "CL-640-E"), (18, "Abrilhantador 5 L"), (70, "8,00"), (80, "13,53")]
    second = [(2, "CL-360-"), (18, "Desinfetante spray 750 ml, seguro"), (69, "12,00")]
    third = [(2, "SV43907"), (18, "gordura e relatório de inspeção"), (70, "1,00")]
    rows = [
        _at(*heads),
        "",
        _at(*first, (95, "108,24")),
        "",
        _at(*second, (81, "7,22"), (96, "86,64")),
        _at((2, "G"), (18, "para alimentos")),
        "",
        _at((18, "Limpeza profunda do exaustor com filtros de")),
        _at(*third, (79, "447,27"), (94, "447,27")),
        _at((18, "de condutas")),
        "",
        _at((80, "Subtotal"), (95, "642,15")),
    ]
    page = "\n".join(["Lusitana Higiene Lda.", "Fatura 202303676", "", *rows])
    items = parse_pages([page]).invoice.line_items
    cleaning = (
        "Limpeza profunda do exaustor com filtros de gordura e relatório de inspeção de condutas"
    )

    assert [(i.product_code, " ".join((i.description or "").split())) for i in items] == [
        ("CL-640-E", "Abrilhantador 5 L"),
        ("CL-360-G", "Desinfetante spray 750 ml, seguro para alimentos"),
        ("SV43907", cleaning),
    ]
