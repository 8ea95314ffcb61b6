"""Layouts of typesetting packages' invoice templates (Typst, LaTeX), each as a small PDF."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from bot.extract.text import pdf_pages
from tests.extract.test_unseen_layouts import T, _pdf, _read


def test_amounts_with_the_currency_code_glued_after_them() -> None:
    """ "35.43DKK": a template that prints the code straight after the amount, in the items and
    in the totals (and nothing else on the line is a label)."""
    pdf = _pdf(
        [
            T(15, 20, "Kaffeerösterei Nordlicht e.K. - Hauptstraße 142 - 05967 Köln", size=8),
            T(15, 50, "Rechnung #R444536"),
            T(160, 50, "Köln, 11.04.2025"),
            T(15, 65, "Pos."),
            T(30, 65, "Beschreibung"),
            T(190, 65, "Preis", right=True),
            T(15, 72, "1."),
            T(30, 72, "Rinderfilet vakuumverpackt, je kg"),
            T(190, 72, "35.43DKK", right=True),
            T(15, 78, "2."),
            T(30, 78, "Fassbier Helles, 50-l-Fass"),
            T(190, 78, "1380.40DKK", right=True),
            T(140, 86, "Summe:"),
            T(190, 86, "1415.83DKK", right=True),
            T(140, 96, "Gesamt:"),
            T(190, 96, "1415.83DKK", right=True),
        ]
    )
    invoice = _read(pdf).invoice

    assert invoice.currency == "DKK"
    assert [i.total for i in invoice.line_items] == [Decimal("35.43"), Decimal("1380.40")]
    assert (invoice.total_excl_tax, invoice.total_incl_tax) == (
        Decimal("1415.83"),
        Decimal("1415.83"),
    )


def _letter(supplier: str, rows: list[tuple[str, str, str, str]]) -> list[T]:
    """A letter (tiefletter): the supplier's name over its address, the title with the number,
    an item table whose first column is headed "No.", and the totals."""
    page = [
        T(120, 15, supplier),
        T(150, 20, "Hauptstraße 99"),
        T(20, 40, "Hotel Adler"),
        T(20, 60, "Invoice 24566280"),
        T(140, 60, "Invoice Date: 03/09/2024"),
        T(15, 75, "No."),
        T(28, 75, "Description"),
        T(120, 75, "Qty.", right=True),
        T(150, 75, "€ / Pcs.", right=True),
        T(190, 75, "€ Total", right=True),
    ]
    for n, (description, qty, price, total) in enumerate(rows):
        y = 82 + 6 * n
        page += [T(18, y, str(n + 1)), T(28, y, description), T(120, y, qty, right=True)]
        page += [T(150, y, price, right=True), T(190, y, total, right=True)]
    return page


def test_a_footer_across_the_page_under_the_last_row_is_no_detail_of_its_item() -> None:
    """The table goes on over the page; the page's footer (name, VAT id, bank in three columns)
    stands under the last row of the first page, starting in the description's column: its
    cells in the columns of figures make it no line of that item's description."""
    supplier = "Bäckerei Kamps Lieferdienst UG (haftungsbeschränkt)"
    first = _letter(supplier, [("Parmigiano Reggiano, 1 kg", "5", "53.76", "268.80")])
    first += [
        T(30, 95, "Bäckerei Kamps", size=8),
        T(80, 95, "USt-IdNr.: DE436644688", size=8),
        T(160, 95, "Raiffeisenbank", size=8),
    ]
    second = [
        T(18, 20, "2"),
        T(28, 20, "Seasonal vegetables box"),
        T(120, 20, "6", right=True),
        T(150, 20, "5.03", right=True),
        T(190, 20, "30.18", right=True),
        T(120, 40, "Total excl. VAT"),
        T(190, 40, "298.98", right=True),
    ]
    invoice = _read(_pdf(first, second)).invoice

    assert invoice.invoice_number == "24566280"  # not the "No." column's "1"
    assert invoice.supplier_name == supplier
    assert [i.description for i in invoice.line_items] == [
        "Parmigiano Reggiano, 1 kg",
        "Seasonal vegetables box",
    ]


def test_austrian_legal_form_with_dots() -> None:
    """ "Gesellschaft m.b.H." is one legal form: the name does not end before it."""
    supplier = "Salzburger Getränkehandel Gesellschaft m.b.H."
    page = _letter(supplier, [("Mineralwasser, Kasten 12 x 0,75 l", "6", "15.78", "94.68")])
    page += [T(120, 100, "€ Netto:"), T(190, 100, "94.68", right=True)]
    assert _read(_pdf(page)).invoice.supplier_name == supplier


def test_the_vat_id_under_a_letters_return_address_is_the_addressees() -> None:
    """A DIN 5008 letter: the return address ("Name • Street • Town") on a row of its own over
    the window, the addressee's block under it with the buyer's VAT id, the seller's own VAT id
    at the foot, after a label spaced apart ("USt - IdNr:")."""
    pdf = _pdf(
        [
            T(20, 45, "Küchenprofi Hoffmann e.K. • Hauptstraße 107 • 94946 Berlin", size=7),
            T(20, 55, "Parkhotel Residenz"),
            T(20, 60, "Lindenallee 60"),
            T(20, 65, "76585 Zürich"),
            T(20, 70, "USt-IdNr: DE389135791"),
            T(20, 95, "Rechnung #INV-47901"),
            T(160, 95, "Berlin, 13.02.2024"),
            T(20, 110, "Pos."),
            T(35, 110, "Beschreibung"),
            T(190, 110, "Preis", right=True),
            T(20, 116, "1."),
            T(35, 116, "Orangensaft, 1 l"),
            T(190, 116, "5,75€", right=True),
            T(140, 124, "Summe:"),
            T(190, 124, "5,75€", right=True),
            T(120, 130, "19% Mehrwertsteuer:"),
            T(190, 130, "1,09€", right=True),
            T(140, 136, "Gesamt:"),
            T(190, 136, "6,84€", right=True),
            T(20, 160, "Kontoinhaber: Küchenprofi Hoffmann e.K."),
            T(20, 166, "Steuernummer: 95/256/68099"),
            T(20, 172, "USt - IdNr: DE803251814"),
        ]
    )
    invoice = _read(pdf).invoice

    assert invoice.supplier_tax_id == "DE803251814"
    assert invoice.supplier_name == "Küchenprofi Hoffmann e.K."


def _stream_pdf(content: bytes) -> bytes:
    """A one-page PDF drawing ``content`` with Helvetica as /F1 (as TeX and typesetters write
    their streams, not as fpdf2 does)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    stream = StreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_heading_row_set_as_one_text_object_keeps_its_columns_where_they_stand() -> None:
    """LaTeX sets a table's heading row as one text object, its cells apart by kerning: the
    gaps, counted in the font's spaces, are not where the columns stand, so the headings ran
    right of the figures under them ("Importe" past the amounts)."""
    rows = [(b"48", b"Gastronorm pan GN 1/1, 150 mm", b"38.41", b"1843.68")]
    content = [b"BT /F1 14 Tf 50 780 Td (Northern Kitchen Supply Ltd) Tj ET"]
    content.append(b"BT /F1 10 Tf 50 740 Td (Invoice no: INV-2025-0790) Tj ET")
    heading = b"[(Qty)-1611(Description)-19222(VAT)-2555(Unit price)-3333(Amount)] TJ"
    content.append(b"BT /F1 9 Tf 50 700 Td " + heading + b" ET")
    for n, (qty, text, price, amount) in enumerate(rows):
        y = b"%d" % (685 - 14 * n)
        content.append(b"BT /F1 9 Tf 50 " + y + b" Td (" + qty + b") Tj ET")
        content.append(b"BT /F1 9 Tf 80 " + y + b" Td (" + text + b") Tj ET")
        content.append(b"BT /F1 9 Tf 300 " + y + b" Td (20 %) Tj ET")
        content.append(b"BT /F1 9 Tf 340 " + y + b" Td (" + price + b") Tj ET")
        content.append(b"BT /F1 9 Tf 410 " + y + b" Td (" + amount + b") Tj ET")
    content.append(b"BT /F1 9 Tf 340 640 Td (Total) Tj 70 0 Td (2212.42) Tj ET")
    pdf = _stream_pdf(b"\n".join(content))
    heading, values = [line for line in pdf_pages(pdf)[0].text.split("\n") if line][2:4]

    # each heading starts over the values it heads (they are set flush left at the same x)
    for name, value in [("Description", "Gastronorm"), ("VAT", "20 %"), ("Unit price", "38.41")]:
        assert abs(heading.index(name) - values.index(value)) <= 1, (heading, values)
    assert [(i.quantity, i.unit_price, i.total) for i in _read(pdf).invoice.line_items] == [
        (Decimal(48), Decimal("38.41"), Decimal("1843.68"))
    ]


def test_line_totals_printed_with_their_vat() -> None:
    """tiefletter: "Menge  € / Stk  USt. Satz  € USt.  € Ges.": the line total is gross, the
    quantity times the price with the row's VAT added; the VAT amount beside the rate is not
    the rate; headings with a currency sign name their columns ("€ / Stk" a price per piece,
    "€ Ges." the total)."""
    page = [
        T(120, 15, "Alpenwäsche Pichler GmbH"),
        T(20, 50, "Rechnung FAC-24-6427"),
        T(140, 50, "Rechnungsdatum: 31.01.2024"),
        T(15, 70, "Pos.", size=9),
        T(25, 70, "Bezeichnung", size=9),
        T(110, 70, "Menge", right=True, size=9),
        T(130, 70, "€ / Stk", right=True, size=9),
        T(152, 70, "USt. Satz", right=True, size=9),
        T(172, 70, "€ USt.", right=True, size=9),
        T(192, 70, "€ Ges.", right=True, size=9),
    ]
    rows = [("Freilandeier, Lage à 30 Stück", "6", "12.92", "10%", "7.75", "85.27")]
    rows.append(("Fassbier Helles, 50-l-Fass", "6", "128.72", "20%", "154.46", "926.78"))
    for n, (text, *figures) in enumerate(rows):
        y = 77 + 6 * n
        page += [T(17, y, str(n + 1), size=9), T(25, y, text, size=9)]
        page += [
            T(x, y, f, right=True, size=9)
            for x, f in zip((110, 130, 152, 172, 192), figures, strict=True)
        ]
    page += [T(150, 95, "€ Netto:"), T(192, 95, "849.84", right=True)]
    page += [T(145, 101, "USt. Gesamt:"), T(192, 101, "162.21", right=True)]
    page += [T(150, 107, "€ Brutto:"), T(192, 107, "1012.05", right=True)]
    invoice = _read(_pdf(page)).invoice

    assert [(i.quantity, i.unit_price, i.total, i.tax_rate) for i in invoice.line_items] == [
        (Decimal(6), Decimal("12.92"), Decimal("85.27"), Decimal(10)),
        (Decimal(6), Decimal("128.72"), Decimal("926.78"), Decimal(20)),
    ]


def test_a_description_under_a_heading_centred_over_its_column() -> None:
    """invoice2 (LaTeX): "Amount  Item  VAT  Unit Price  Price": the "Item" heading is centred over
    the descriptions, which start left of it, right of the first column's heading."""
    page = [
        T(15, 15, "Pulito Service DAC", size=12),
        T(140, 25, "Invoice No.  RE-2025-3506"),
        T(20, 60, "Amount", size=9),
        T(85, 60, "Item", size=9),
        T(125, 60, "VAT", size=9),
        T(170, 60, "Unit Price (EUR)", right=True, size=9),
        T(192, 60, "Price (EUR)", right=True, size=9),
    ]
    rows = [("2", "Napkins laundering service per piece", "1.25", "3.08")]
    rows.append(("5", "Rinse aid 5 l", "2.22", "13.65"))
    for n, (qty, text, price, total) in enumerate(rows):
        y = 67 + 6 * n
        page += [T(24, y, qty, right=True, size=9), T(35, y, text, size=9)]
        page += [T(125, y, "23 %", size=9), T(170, y, price, right=True, size=9)]
        page += [T(192, y, total, right=True, size=9)]
    page += [T(150, 85, "Total"), T(192, 85, "16.73", right=True)]
    invoice = _read(_pdf(page)).invoice

    assert [(i.description, i.quantity, i.total) for i in invoice.line_items] == [
        ("Napkins laundering service per piece", Decimal(2), Decimal("3.08")),
        ("Rinse aid 5 l", Decimal(5), Decimal("13.65")),
    ]


def test_detail_lines_under_a_centred_heading_and_the_code_among_them() -> None:
    """invoice2 (LaTeX): "Descripción" centred over the descriptions, which wrap ("150" / "mm")
    and end with the article's reference ("Ref. A17244"): the wrapped words are the
    description's, the reference is the item's code."""
    page = [
        T(15, 15, "Pivovar Kozel Distribuce S.L.", size=12),
        T(140, 25, "Factura n.º  2025-0790"),
        T(20, 60, "Cant.", size=9),
        T(80, 60, "Descripción", size=9),
        T(150, 60, "IVA", right=True, size=9),
        T(172, 60, "Precio unitario", right=True, size=9),
        T(195, 60, "Importe", right=True, size=9),
        T(26, 67, "48", right=True, size=9),
        T(35, 67, "Cubeta gastronorm GN 1/1 acero inoxidable 150", size=9),
        T(150, 67, "21 %", right=True, size=9),
        T(172, 67, "38,41 EUR", right=True, size=9),
        T(195, 67, "2.230,85 EUR", right=True, size=9),
        T(35, 72, "mm", size=9),
        T(35, 77, "Ref. A17244", size=9),
        T(26, 83, "2", right=True, size=9),
        T(35, 83, "Agua mineral con gas 0,75 l", size=9),
        T(150, 83, "21 %", right=True, size=9),
        T(172, 83, "1,10 EUR", right=True, size=9),
        T(195, 83, "2,66 EUR", right=True, size=9),
        T(35, 88, "Ref. A45636", size=9),
        T(150, 100, "Total"),
        T(195, 100, "2.233,51 EUR", right=True),
    ]
    invoice = _read(_pdf(page)).invoice

    assert [(i.description, i.product_code, i.quantity) for i in invoice.line_items] == [
        ("Cubeta gastronorm GN 1/1 acero inoxidable 150\nmm", "A17244", Decimal(48)),
        ("Agua mineral con gas 0,75 l", "A45636", Decimal(2)),
    ]


def test_a_justified_description_under_an_unnamed_heading() -> None:
    """The LaTeX `invoice` package: "Aktivität" heads the descriptions, a justified one falls
    apart into words set far apart ("Fettabscheider    Entleerung    und")."""
    page = [
        T(15, 15, "Zelenina Novák OG", size=12),
        T(140, 25, "Rechnungsnummer  F2025/50151"),
        T(30, 60, "Aktivität", size=9),
        T(130, 60, "Rate/Einheit", right=True, size=9),
        T(150, 60, "Anzahl", right=True, size=9),
        T(185, 60, "Betrag (EUR)", right=True, size=9),
        T(30, 67, "Fettabscheider", size=9),
        T(58, 67, "Entleerung", size=9),
        T(82, 67, "und", size=9),
        T(130, 67, "86.81", right=True, size=9),
        T(150, 67, "6.5", right=True, size=9),
        T(185, 67, "564,26", right=True, size=9),
        T(30, 72, "Reinigung", size=9),
        T(30, 80, "Summe", size=9),
        T(185, 80, "564,26", right=True, size=9),
    ]
    invoice = _read(_pdf(page)).invoice

    assert [(i.description, i.quantity, i.total) for i in invoice.line_items] == [
        ("Fettabscheider Entleerung und\nReinigung", Decimal("6.5"), Decimal("564.26"))
    ]


@pytest.mark.parametrize(
    ("sentence", "order_line", "po"),
    [
        (
            "Please transfer the money onto following bank account due to 2025-03-07:",
            "Your order reference: ORD14742",
            "ORD14742",
        ),
        (
            "Por favor transfira o montante até 2025-03-07 para a seguinte conta:",
            "A sua nota de encomenda: PO-996797",
            "PO-996797",
        ),
        (
            "Si prega di versare l’importo entro il 2025-03-07 sul seguente conto:",
            "Vostro ordine n. 4500030711",
            "4500030711",
        ),
    ],
)
def test_a_pay_by_sentence_and_an_order_reference(sentence: str, order_line: str, po: str) -> None:
    """invoice-maker (Typst) in English, Portuguese and Italian: the due date only in the payment
    sentence, the buyer's order number after its label."""
    page = [
        T(15, 15, "Atlantic Catering Supplies DAC", size=12),
        T(15, 30, "Invoice ID:  RE-2025-4961"),
        T(15, 36, "Issuing Date:  2025-02-28"),
        T(15, 60, "Description", size=9),
        T(190, 60, "Total", right=True, size=9),
        T(15, 66, "Deep cleaning of kitchen extraction hood", size=9),
        T(190, 66, "54.74", right=True, size=9),
        T(150, 76, "Total:"),
        T(190, 76, "54.74", right=True),
        T(15, 90, sentence, size=9),
        T(15, 100, order_line, size=9),
    ]
    invoice = _read(_pdf(page)).invoice

    assert invoice.due_date == date(2025, 3, 7)
    assert invoice.po_references == [po]


def test_article_numbers_under_a_bare_number_heading_and_long_wrapped_descriptions() -> None:
    """invoice-maker (Typst): "Nr.  Datum  Omschrijving  Aantal  Prijs  Totaal", the article
    number under "Nr." ("№" in English), descriptions wrapped over many rows of a narrow
    column (a word's first part before a conjunction stays apart: "Bezorg-" / "en
    handlingkosten"), and a VAT summary's heading row under the items ends the table."""
    page = [
        T(15, 15, "Vishandel Noordzee V.O.F.", size=12),
        T(15, 25, "Factuurnummer:  24217290"),
        T(15, 50, "Nr.", size=9),
        T(40, 50, "Datum", size=9),
        T(70, 50, "Omschrijving", size=9),
        T(140, 50, "Aantal", right=True, size=9),
        T(165, 50, "Prijs", right=True, size=9),
        T(190, 50, "Totaal", right=True, size=9),
    ]
    lines = ["Seizoensgroenten", "kist, gemengd,", "gekoeld geleverd", "bij de", "goederen-"]
    lines += ["ingang, met", "lotnummer"]
    page += [T(15, 57, "FD-46513", size=9), T(40, 57, "2024-01-09", size=9)]
    page += [T(70, 57 + 4 * n, text, size=9) for n, text in enumerate(lines)]
    page += [T(140, 57, "2.5", right=True, size=9), T(165, 57, "1.16", right=True, size=9)]
    page += [T(190, 57, "2.90", right=True, size=9)]
    page += [T(15, 88, "SV-47548", size=9), T(40, 88, "2024-01-10", size=9)]
    page += [T(70, 88, "Bezorg-", size=9), T(70, 92, "en handlingkosten", size=9)]
    page += [T(140, 88, "6", right=True, size=9), T(165, 88, "42.19", right=True, size=9)]
    page += [T(190, 88, "253.14", right=True, size=9)]
    page += [T(70, 100, "Tarief", size=9), T(110, 100, "Bedrag", size=9)]
    page += [T(140, 100, "Btw", size=9), T(190, 100, "Totaal", right=True, size=9)]
    page += [T(70, 105, "21 %", size=9), T(110, 105, "256.04", size=9)]
    page += [T(140, 105, "53.77", size=9), T(190, 105, "309.81", right=True, size=9)]
    invoice = _read(_pdf(page)).invoice

    assert [(i.product_code, i.description, i.total) for i in invoice.line_items] == [
        ("FD-46513", "\n".join(lines).replace("-\n", "-"), Decimal("2.90")),
        ("SV-47548", "Bezorg-\nen handlingkosten", Decimal("253.14")),
    ]


def test_item_price_and_sum_headings_without_a_quantity() -> None:
    """simpleinvoice (LaTeX): "Description  Item price  VAT  Sum", the sum gross."""
    page = [
        T(110, 15, "Tvätteriet Nord DAC", size=12),
        T(110, 25, "Invoice number: FA25-42565"),
        T(15, 50, "Description", size=9),
        T(150, 50, "Item price", right=True, size=9),
        T(160, 50, "VAT", size=9),
        T(192, 50, "Sum", right=True, size=9),
        T(15, 56, "Chef jacket white, embroidered logo", size=9),
        T(150, 56, "€548.80", right=True, size=9),
        T(160, 56, "23 %", size=9),
        T(192, 56, "€675.02", right=True, size=9),
        T(140, 66, "Total:"),
        T(192, 66, "€675.02", right=True),
    ]
    invoice = _read(_pdf(page)).invoice

    assert [(i.unit_price, i.total) for i in invoice.line_items] == [
        (Decimal("548.80"), Decimal("675.02"))
    ]


def test_expenses_under_a_table_of_their_own_in_a_currencys_column() -> None:
    """The LaTeX `invoice` package: expenses after the fees, "Auslage  Währung  Betrag  Faktor
    EUR", the amount under "EUR" (the "Betrag" column holds foreign amounts only)."""
    page = [
        T(15, 15, "Fjord Fisk KG", size=12),
        T(110, 25, "Rechnungsnummer  2025-3713"),
        T(25, 50, "Aktivität", size=9),
        T(130, 50, "Rate/Einheit", right=True, size=9),
        T(150, 50, "Anzahl", right=True, size=9),
        T(185, 50, "Betrag (EUR)", right=True, size=9),
        T(25, 56, "Wartung Spülmaschine", size=9),
        T(130, 56, "87.34", right=True, size=9),
        T(150, 56, "1.75", right=True, size=9),
        T(185, 56, "152,84", right=True, size=9),
        T(25, 66, "Auslage", size=9),
        T(80, 66, "Währung", size=9),
        T(120, 66, "Betrag", size=9),
        T(145, 66, "Faktor", size=9),
        T(185, 66, "EUR", right=True, size=9),
        T(25, 72, "Parkgebühren", size=9),
        T(80, 72, "EUR", size=9),
        T(185, 72, "47,83", right=True, size=9),
        T(25, 82, "Gesamtsumme", size=9),
        T(185, 82, "200,67", right=True, size=9),
    ]
    invoice = _read(_pdf(page)).invoice

    assert [(i.description, i.total) for i in invoice.line_items] == [
        ("Wartung Spülmaschine", Decimal("152.84")),
        ("Parkgebühren", Decimal("47.83")),
    ]


def test_a_name_in_small_capitals_is_written_as_the_page_writes_it_elsewhere() -> None:
    """mrzool's invoice boilerplate (LaTeX): the sender line in small capitals ("FJORD FISK
    V.O.F. • HOOGSTRAAT 110 • ..."), the name in plain type at the foot; "Uw bestelling:"."""
    page = [
        T(15, 15, "FJORD FISK V.O.F. • HOOGSTRAAT 110 • 3011 AD ROTTERDAM", size=8),
        T(15, 25, "Gasthof Adler"),
        T(15, 30, "Damrak 70"),
        T(140, 45, "Rotterdam, 18 juni 2024"),
        T(15, 55, "INVOICE  #R028286", size=12),
        T(15, 70, "Pos.", size=9),
        T(30, 70, "Description", size=9),
        T(190, 70, "Prices in €", right=True, size=9),
        T(17, 76, "1", size=9),
        T(30, 76, "HACCP training personeel", size=9),
        T(190, 76, "512,19", right=True, size=9),
        T(150, 86, "Total:"),
        T(190, 86, "512,19", right=True),
        T(15, 100, "Uw bestelling: ORD-50650."),
        T(15, 106, "BTW-nr.: NL213884086B01"),
        T(15, 112, "Fjord Fisk  V.O.F."),
    ]
    invoice = _read(_pdf(page)).invoice

    assert invoice.supplier_name == "Fjord Fisk V.O.F."
    assert invoice.po_references == ["ORD-50650"]


def test_totals_after_leader_dots_and_a_czech_legal_form() -> None:
    """A word-processor letter: totals after leader dots ("Subtotal.......33 742,59 Kč"), the
    supplier a "spol. s r.o.", a bank named in the footer."""
    page = [
        T(60, 15, "Pradelna Vesely spol. s r.o.", size=12),
        T(15, 30, "Restaurace U Zlateho lva a.s."),
        T(120, 30, "Invoice number:  FV254499"),
        T(15, 50, "Description", size=9),
        T(130, 50, "Quantity", right=True, size=9),
        T(190, 50, "Amount", right=True, size=9),
        T(15, 56, "Chef jackets, laundry", size=9),
        T(130, 56, "289", right=True, size=9),
        T(190, 56, "33 742,59", right=True, size=9),
        T(100, 66, "Subtotal..........................33 742,59 Kč", size=9),
        T(100, 72, "VAT 21 %............................7 085,94 Kč", size=9),
        T(100, 78, "Total due..........................40 828,53 Kč", size=9),
        T(
            50,
            100,
            "Fio banka  ·  IBAN: CZ96 1104 4662 5073 3857 1457  ·  BIC: FIOBCZPPXXX",
            size=8,
        ),
    ]
    invoice = _read(_pdf(page)).invoice

    assert invoice.supplier_name == "Pradelna Vesely spol. s r.o."
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("33742.59"),
        Decimal("7085.94"),
        Decimal("40828.53"),
    )


def test_a_code_column_and_a_discount_column() -> None:
    """A word-processor credit note: "Množství  Kód  Popis  Cena/MJ  Sleva  Celkem", the
    article code under "Kód", a discount's percentage under "Sleva" (no VAT rate), and the
    credit note's own number ("Číslo dobropisu")."""
    page = [
        T(15, 15, "Gastro Svoboda a.s.", size=12),
        T(150, 15, "DOBROPIS", size=12),
        T(130, 25, "Číslo dobropisu   2025903156"),
        T(15, 50, "Množství", size=9),
        T(35, 50, "Kód", size=9),
        T(60, 50, "Popis", size=9),
        T(150, 50, "Cena/MJ", right=True, size=9),
        T(165, 50, "Sleva", right=True, size=9),
        T(192, 50, "Celkem", right=True, size=9),
        T(22, 56, "4", right=True, size=9),
        T(35, 56, "HR3933", size=9),
        T(60, 56, "Kuchařský nůž 24 cm", size=9),
        T(150, 56, "2 854,56", right=True, size=9),
        T(165, 56, "3 %", right=True, size=9),
        T(192, 56, "11 075,69", right=True, size=9),
        T(140, 66, "Celkem dobropis"),
        T(192, 66, "11 075,69 CZK", right=True),
    ]
    invoice = _read(_pdf(page)).invoice

    assert invoice.invoice_number == "2025903156"
    assert [(i.product_code, i.quantity, i.total, i.tax_rate) for i in invoice.line_items] == [
        ("HR3933", Decimal(4), Decimal("11075.69"), None)
    ]


def test_a_corrective_invoice_titled_over_two_rows() -> None:
    """A Spanish "FACTURA" / "RECTIFICATIVA" title over two rows, its own number after
    "Nº rectificativa", the corrected invoice named below ("Rectifica la factura A24/0745")."""
    page = [
        T(15, 15, "Cárnicas Navarro S.L.", size=12),
        T(160, 15, "FACTURA", size=12),
        T(150, 22, "RECTIFICATIVA", size=12),
        T(120, 32, "Nº rectificativa   R24/2464"),
        T(120, 38, "Fecha   26/04/2024"),
        T(120, 44, "Su pedido   BE-9257"),
        T(15, 60, "Rectifica la factura A24/0745 (09/04/2024)"),
        T(15, 70, "Descripción", size=9),
        T(160, 70, "Precio", right=True, size=9),
        T(190, 70, "Importe", right=True, size=9),
        T(15, 76, "Mantequilla sin sal 250 g", size=9),
        T(160, 76, "2,68", right=True, size=9),
        T(190, 76, "64,32", right=True, size=9),
        T(150, 86, "Total abono"),
        T(190, 86, "64,32 €", right=True),
    ]
    invoice = _read(_pdf(page)).invoice

    assert (invoice.document_type, invoice.invoice_number) == ("credit_note", "R24/2464")
    assert invoice.po_references == ["BE-9257"]


def test_a_delivery_date_labelled_before_its_qualifier() -> None:
    """Italian "Data consegna" over its date is the delivery's, not the invoice's."""
    page = [
        T(110, 15, "Esposito Impianti Frigoriferi S.p.A.", size=12),
        T(15, 40, "Fattura FT 2024/2750"),
        T(170, 40, "22/02/2024"),
        T(15, 48, "Data consegna", size=9),
        T(60, 48, "Cod. cliente", size=9),
        T(15, 53, "17/02/2024", size=9),
        T(60, 53, "D79608", size=9),
        T(15, 65, "Descrizione", size=9),
        T(190, 65, "Importo", right=True, size=9),
        T(15, 71, "Manutenzione annuale impianto frigo", size=9),
        T(190, 71, "117,95", right=True, size=9),
        T(150, 81, "Totale"),
        T(190, 81, "117,95", right=True),
    ]
    assert _read(_pdf(page)).invoice.invoice_date == date(2024, 2, 22)


def test_a_deadline_and_your_order_in_italian() -> None:
    """simpleinvoice (LaTeX): "Deadline: September 20, 2025" is the due date; invoice2's
    "Vostro ordine" labels the buyer's order."""
    page = [
        T(110, 15, "Tvätteriet Nord DAC", size=12),
        T(110, 25, "Invoice number: FA25-42565"),
        T(110, 31, "Invoice date: 22/07/2025"),
        T(110, 37, "Deadline: September 20, 2025"),
        T(110, 43, "Vostro ordine   ORD-65872"),
        T(15, 60, "Description", size=9),
        T(190, 60, "Sum", right=True, size=9),
        T(15, 66, "Chef jacket white, embroidered logo", size=9),
        T(190, 66, "€675.02", right=True, size=9),
        T(140, 76, "Total:"),
        T(190, 76, "€675.02", right=True),
    ]
    invoice = _read(_pdf(page)).invoice

    assert invoice.due_date == date(2025, 9, 20)
    assert invoice.po_references == ["ORD-65872"]


def test_bulleted_detail_lines_give_the_code_quantity_and_price() -> None:
    """mrzool's boilerplate (LaTeX): "Pos.  Description  Prices  in EUR" (the currency a
    cell of its own), each item's details in bullets under it: "• Art.nr. 22-7565" its code,
    "• 15 x 3,26" its quantity and price when they make its total."""
    page = [
        T(15, 15, "Fattoria Bianchi N.V.", size=12),
        T(15, 30, "INVOICE #F2024/67916", size=12),
        T(15, 45, "Pos.", size=9),
        T(30, 45, "Description", size=9),
        T(165, 45, "Prices", right=True, size=9),
        T(168, 45, "in EUR", size=9),
        T(17, 51, "1", size=9),
        T(30, 51, "Biologische raapzaadolie 10 l jerrycan", size=9),
        T(180, 51, "48,90", right=True, size=9),
        T(32, 56, "•  Art.nr. 22-7565", size=9),
        T(32, 61, "•  15 x 3,26", size=9),
        T(17, 67, "2", size=9),
        T(30, 67, "Scharreleieren maat M, tray van  30", size=9),
        T(180, 67, "1,86", right=True, size=9),
        T(32, 72, "•  Art.nr. 26-4315", size=9),
        T(140, 82, "Total:"),
        T(180, 82, "50,76", right=True),
    ]
    invoice = _read(_pdf(page)).invoice

    assert [
        (i.description, i.product_code, i.quantity, i.unit_price, i.total)
        for i in invoice.line_items
    ] == [
        (
            "Biologische raapzaadolie 10 l jerrycan",
            "22-7565",
            15,
            Decimal("3.26"),
            Decimal("48.90"),
        ),
        ("Scharreleieren maat M, tray van 30", "26-4315", None, None, Decimal("1.86")),
    ]


def test_a_page_number_under_the_last_row_is_no_detail_of_its_item() -> None:
    """The LaTeX `invoice` package: a page's number centred under the last row of the page,
    left of the right-aligned figures' headings, and a centred footer line: neither is a line
    of the last item's description; the table goes on over the page."""
    first = [
        T(15, 15, "Maison Gourmet SRL", size=12),
        T(110, 25, "Facture n°   20230587749"),
        T(30, 50, "Activité", size=9),
        T(150, 50, "Prix/Unité", right=True, size=9),
        T(165, 50, "Quantité", right=True, size=9),
        T(192, 50, "Montant (EUR)", right=True, size=9),
        T(30, 56, "Veste de cuisinier blanche, logo", size=9),
        T(130, 56, "9.21", right=True, size=9),
        T(160, 56, "4.75", right=True, size=9),
        T(192, 56, "43,74", right=True, size=9),
        T(30, 61, "brodé", size=9),
        T(105, 70, "1", size=9),
    ]
    second = [
        T(30, 20, "Parure de lit king size, lavage et", size=9),
        T(130, 20, "1.60", right=True, size=9),
        T(160, 20, "100", right=True, size=9),
        T(192, 20, "160,00", right=True, size=9),
        T(30, 30, "Total", size=9),
        T(192, 30, "203,74", right=True, size=9),
    ]
    invoice = _read(_pdf(first, second)).invoice

    assert [i.description for i in invoice.line_items] == [
        "Veste de cuisinier blanche, logo\nbrodé",
        "Parure de lit king size, lavage et",
    ]


def test_a_label_ending_a_sentence_labels_nothing_under_it() -> None:
    """ "... en rappelant le numéro de facture." over the page number: the sentence's last words
    are no label of the "2" under them; the number is the one its own label names."""
    page = [
        T(15, 15, "Maison Gourmet SRL", size=12),
        T(110, 25, "Facture n°   20230587749"),
        T(15, 50, "Description", size=9),
        T(190, 50, "Montant", right=True, size=9),
        T(15, 56, "Parure de lit king size", size=9),
        T(190, 56, "160,00", right=True, size=9),
        T(
            15,
            66,
            "Merci de régler le montant avant le 07/06/2023 en rappelant le numéro de facture.",
        ),
        T(120, 72, "2", size=9),
    ]
    assert _read(_pdf(page)).invoice.invoice_number == "20230587749"


def test_spanish_and_portuguese_article_headings_and_a_note_beside_the_subtotal() -> None:
    """Invoice Ninja: "Artículo" (the code) beside "Descripción"; a note left of the
    descriptions beside "Subtotal" in the columns of figures ends the items. sparksuite in
    Portuguese: "Artigo  Preço"."""
    page = [
        T(15, 15, "Cantábrico Limpiezas S.L.U.", size=12),
        T(15, 25, "Número de abono   C5075"),
        T(15, 50, "Artículo", size=9),
        T(45, 50, "Descripción", size=9),
        T(130, 50, "Precio unitario", size=9),
        T(160, 50, "Cantidad", size=9),
        T(190, 50, "Total línea", right=True, size=9),
        T(15, 56, "CL-4639", size=9),
        T(45, 56, "Desinfectante de superficies en spray 750 ml", size=9),
        T(130, 56, "8,76 €", size=9),
        T(160, 56, "40", size=9),
        T(190, 56, "350,40 €", right=True, size=9),
        T(15, 64, "Rectifica la factura INV-2025-5919", size=9),
        T(160, 64, "Subtotal", size=9),
        T(190, 64, "350,40 €", right=True, size=9),
    ]
    invoice = _read(_pdf(page)).invoice
    assert [(i.product_code, i.total) for i in invoice.line_items] == [
        ("CL-4639", Decimal("350.40"))
    ]

    page = [
        T(15, 15, "Ferreira & Filhos Alimentar S.A.", size=12),
        T(120, 25, "Fatura n.º: F2024-46804"),
        T(15, 50, "Artigo", size=9),
        T(190, 50, "Preço", right=True, size=9),
        T(15, 56, "Faca de chef 24 cm", size=9),
        T(190, 56, "1 148,40", right=True, size=9),
        T(15, 62, "Faca de chef 24 cm – 29/09/2024", size=9),
        T(190, 62, "574,72", right=True, size=9),
        T(15, 68, "Filete de salmão com pele", size=9),
        T(190, 68, "49,80", right=True, size=9),
        T(150, 78, "Subtotal: 1 772,92 EUR"),
    ]
    invoice = _read(_pdf(page)).invoice
    assert [(i.description, i.total) for i in invoice.line_items] == [
        ("Faca de chef 24 cm", Decimal("1148.40")),
        ("Faca de chef 24 cm – 29/09/2024", Decimal("574.72")),
        ("Filete de salmão com pele", Decimal("49.80")),
    ]


def test_a_currency_code_before_the_amount_is_not_the_description() -> None:
    """sparksuite: "Item  Price" with the price printed "CHF 73.47" (a no-break space), far right
    of the description: the code is the amount's, not the description's."""
    page = [
        T(15, 15, "Bergmann & Söhne Getränke Sàrl", size=12),
        T(120, 25, "Rechnungsnr.: 71557"),
        T(15, 50, "Artikel", size=9),
        T(190, 50, "Preis", right=True, size=9),
        T(15, 56, "Pils Fass 30 l", size=9),
        T(190, 56, "CHF\u00a073.47", right=True, size=9),
        T(15, 62, "Mineralwasser still 0,5 l, Kasten à 24", size=9),
        T(190, 62, "CHF\u00a011.42", right=True, size=9),
        T(150, 72, "Zwischensumme: CHF 84.89"),
    ]
    invoice = _read(_pdf(page)).invoice
    assert [(i.description, i.total) for i in invoice.line_items] == [
        ("Pils Fass 30 l", Decimal("73.47")),
        ("Mineralwasser still 0,5 l, Kasten à 24", Decimal("11.42")),
    ]


@pytest.mark.parametrize(("buyer", "seller"), [("Pro", "Od"), ("Para", "De"), ("An", "Von")])
def test_a_short_from_heading_over_the_sellers_block(buyer: str, seller: str) -> None:
    """Kimai: "To  From" headings over the two blocks, in Czech, Spanish, German."""
    page = [
        T(15, 15, "Faktura", size=14),
        T(160, 15, "Datum: 3. 8. 2023"),
        T(15, 25, buyer),
        T(110, 25, seller),
        T(15, 31, "Kavárna Slavie"),
        T(110, 31, "Horák Gastro technika a.s."),
        T(15, 37, "Vinohradská 129"),
        T(110, 37, "Masarykova 97"),
        T(110, 43, "137 45 Ostrava"),
        T(110, 49, "DIC: CZ28978865"),
        T(15, 55, "Cislo faktury: INV-2023-0492"),
        T(15, 60, "Popis", size=9),
        T(190, 60, "Celkem", right=True, size=9),
        T(15, 66, "Kuchařský nůž 24 cm", size=9),
        T(190, 66, "1 397,04 CZK", right=True, size=9),
    ]
    # the word recurs in the text ("... od data vystavení"), as a short word does
    page += [T(15, 80, f"Splatnost 14 dni {seller.lower()} data vystaveni, {seller.lower()} 1.8.")]
    page += [T(15, 86, f"Zbozi {seller.lower()} dodavatele, {seller.lower()} skladu.")]
    assert _read(_pdf(page)).invoice.supplier_name == "Horák Gastro technika a.s."


@pytest.mark.parametrize(
    ("number_label", "order_label"),
    [("FACTURA N.º", "PEDIDO N.º"), ("FAKTURA Č.", "OBJEDNÁVKA Č.")],
)
def test_numbers_after_an_abbreviated_numero(number_label: str, order_label: str) -> None:
    """A spreadsheet invoice: "FACTURA N.º" (the ordinal indicator after a dot), "PEDIDO N.º"
    over two order numbers; in Czech "FAKTURA Č." and "OBJEDNÁVKA Č."."""
    page = [
        T(15, 15, "Suministros Hosteleros Martínez S.L.", size=12),
        T(120, 25, number_label),
        T(170, 25, "F-005250"),
        T(120, 31, "FECHA"),
        T(170, 31, "02/09/2024"),
        T(120, 45, order_label),
        T(120, 51, "4500318517, 4500304485"),
        T(15, 70, "DESCRIPCIÓN", size=9),
        T(190, 70, "TOTAL", right=True, size=9),
        T(15, 76, "Toalla de baño 70 x 140 cm, lavandería", size=9),
        T(190, 76, "35,56", right=True, size=9),
    ]
    invoice = _read(_pdf(page)).invoice
    assert invoice.invoice_number == "F-005250"
    assert invoice.po_references == ["4500318517", "4500304485"]


def test_a_quantity_set_close_to_the_next_cell() -> None:
    """A spreadsheet's cells: a right-aligned quantity ends 0.5 mm before the code left-aligned
    in the next cell (a gap under a fifth of the font's size): two words, not "3LN-82167"."""
    page = [
        T(15, 15, "Caseificio Bianchi S.r.l.", size=12),
        T(120, 25, "Fattura n. FT-002434"),
        T(27, 50, "Q.TÀ", right=True, size=8.5),
        T(30, 50, "CODICE", size=8.5),
        T(60, 50, "DESCRIZIONE", size=8.5),
        T(160, 50, "PREZZO UNIT.", right=True, size=8.5),
        T(192, 50, "IMPORTO", right=True, size=8.5),
        T(29.5, 56, "3", right=True, size=8.5),
        T(30, 56, "LN-82167", size=8.5),
        T(60, 56, "Giacca da cuoco bianca, tg. 52", size=8.5),
        T(160, 56, "23,19", right=True, size=8.5),
        T(192, 56, "69,57", right=True, size=8.5),
        T(150, 66, "TOTALE"),
        T(192, 66, "69,57", right=True),
    ]
    text = pdf_pages(_pdf(page))[0].text
    assert "3 LN-82167" in " ".join(text.split())
    # and the quantity, just left of the code's heading, is the quantity column's figure
    items = _read(_pdf(page)).invoice.line_items
    assert [(i.quantity, i.product_code, i.total) for i in items] == [
        (Decimal(3), "LN-82167", Decimal("69.57"))
    ]


def test_a_shipping_row_with_its_own_article_code_is_an_item() -> None:
    """A spreadsheet invoice bills its freight as a row of the table: "VERSAND  Frachtkosten
    1  12,50  12,50" (a summary word, but as an article code, priced like an item)."""
    page = [
        T(15, 15, "Moser Gastrobedarf GmbH", size=12),
        T(120, 25, "Rechnungsnr.: 202502423"),
        T(15, 50, "ART.-NR.", size=8.5),
        T(40, 50, "BESCHREIBUNG", size=8.5),
        T(130, 50, "MENGE", right=True, size=8.5),
        T(160, 50, "EINZELPREIS", right=True, size=8.5),
        T(192, 50, "GESAMT", right=True, size=8.5),
        T(15, 56, "BV-38430", size=8.5),
        T(40, 56, "Hauswein rot, 0,75 l", size=8.5),
        T(130, 56, "35", right=True, size=8.5),
        T(160, 56, "6,16", right=True, size=8.5),
        T(192, 56, "215,60", right=True, size=8.5),
        T(15, 62, "VERSAND", size=8.5),
        T(40, 62, "Frachtkosten", size=8.5),
        T(130, 62, "1", right=True, size=8.5),
        T(160, 62, "12,50", right=True, size=8.5),
        T(192, 62, "12,50", right=True, size=8.5),
        T(140, 72, "Zwischensumme"),
        T(192, 72, "228,10", right=True),
    ]
    items = _read(_pdf(page)).invoice.line_items
    assert [(i.product_code, i.total) for i in items] == [
        ("BV-38430", Decimal("215.60")),
        ("VERSAND", Decimal("12.50")),
    ]


def test_czech_item_and_description_headings_and_subtotal() -> None:
    """Invoice Ninja in Czech: "Položka" (the article) beside "Popis" (its description), and a
    note left of "Mezisoučet" (the subtotal) under the items."""
    page = [
        T(15, 15, "Novak Potraviny v.o.s.", size=12),
        T(15, 25, "Číslo dobropisu   AV239161"),
        T(15, 50, "Položka", size=9),
        T(45, 50, "Popis", size=9),
        T(120, 50, "Cena za jednotku", size=9),
        T(160, 50, "Množství", size=9),
        T(192, 50, "Celkem za řádek", right=True, size=9),
        T(15, 56, "FD94091", size=9),
        T(45, 56, "Máslo 82 %, 10 x 250 g", size=9),
        T(120, 56, "33,34 Kč", size=9),
        T(160, 56, "5", size=9),
        T(192, 56, "166,70 Kč", right=True, size=9),
        T(15, 64, "K faktuře INV-2023-0819", size=9),
        T(150, 64, "Mezisoučet", size=9),
        T(192, 64, "166,70 Kč", right=True, size=9),
    ]
    items = _read(_pdf(page)).invoice.line_items
    assert [(i.product_code, i.description, i.total) for i in items] == [
        ("FD94091", "Máslo 82 %, 10 x 250 g", Decimal("166.70"))
    ]


def _narrow_header(name: tuple[str, str], meta: list[tuple[str, str]]) -> list[T]:
    """An HTML template's header (sparksuite): the seller's name in large type wrapped over two
    rows, beside a narrow right-aligned box whose values wrap at its edge, then the seller's
    block with the whole name, one item and the totals."""
    page = [T(15, 20, name[0], size=18), T(15, 32, name[1], size=18)]
    for n, (first, rest) in enumerate(meta):
        page += [T(195, 14 + 12 * n, first, right=True), T(195, 20 + 12 * n, rest, right=True)]
    page += [
        T(15, 60, " ".join(name)),
        T(15, 65, "Industrieweg 58, 7359 HM Den Haag"),
        T(15, 70, "Btw-nr.: NL670887767B03"),
        T(15, 90, "Artikel"),
        T(195, 90, "Prijs", right=True),
    ]
    for n in range(8):
        page += [
            T(15, 97 + 6 * n, f"Onderhoudsbezoek koelcel {n + 1}"),
            T(195, 97 + 6 * n, "EUR 100,00", right=True),
        ]
    page += [
        T(150, 150, "Subtotaal: EUR 800,00"),
        T(150, 156, "21% btw: EUR 168,00"),
        T(150, 162, "Totaal: EUR 968,00"),
    ]
    return page


def test_values_wrapped_at_the_edge_of_a_narrow_box_go_on_below() -> None:
    """ "Vervaldatum: 29-08-" / "2024", "Bestelnummer: OC-2023-" / "6292": a value cut at its
    box's right edge ends on the next row, right-aligned under it. The seller's name set large
    over two rows, with the box's smaller rows between them, is one name."""
    meta = [
        ("Factuurnummer:", "21460"),
        ("Aangemaakt: 30-06-", "2024"),
        ("Vervaldatum: 29-08-", "2024"),
        ("Bestelnummer: OC-2023-", "6292"),
    ]
    invoice = _read(
        _pdf(_narrow_header(("De Gouden Lepel Facilitaire", "Diensten V.O.F."), meta))
    ).invoice

    assert invoice.invoice_number == "21460"
    assert (invoice.invoice_date, invoice.due_date) == (date(2024, 6, 30), date(2024, 8, 29))
    assert invoice.po_references == ["OC-2023-6292"]
    assert invoice.supplier_name == "De Gouden Lepel Facilitaire Diensten V.O.F."


def test_a_date_wrapped_before_its_year_and_a_bare_faellig() -> None:
    """ "Scadenza: 14 agosto" / "2025": a month name's date whose year wrapped; "Fällig:" alone
    labels the due date."""
    meta = [
        ("Fattura n.:", "FAC-895750"),
        ("Emessa il: 15 luglio", "2025"),
        ("Scadenza: 14 agosto", "2025"),
    ]
    invoice = _read(_pdf(_narrow_header(("Schwarzwald Reinigungstechnik", "SA"), meta))).invoice
    assert (invoice.invoice_date, invoice.due_date) == (date(2025, 7, 15), date(2025, 8, 14))
    assert invoice.supplier_name == "Schwarzwald Reinigungstechnik SA"

    meta = [
        ("Rechnungsnr.:", "71557"),
        ("Erstellt:", "3. November 2023"),
        ("Fällig:", "17. November 2023"),
    ]
    invoice = _read(_pdf(_narrow_header(("Bergmann Getränke", "GmbH"), meta))).invoice
    assert (invoice.invoice_date, invoice.due_date) == (date(2023, 11, 3), date(2023, 11, 17))


def test_a_percentage_in_the_description_of_a_table_without_a_tax_column() -> None:
    """ "Smetana ke šlehání 35 %, 1" / "l" (LaTeX's `invoice` package, a narrow activity column):
    the table has no tax column, so a percentage left of its figures is the product's, not a
    VAT rate, and stays in the description with the number after it."""
    rows = [
        ("Smetana ke šlehání 35 %, 1", "3.84", "2", "7,68"),
        ("Cestovné za km", "0.89", "59", "52,51"),
    ]
    page = [
        T(15, 20, "Gastro Servis Praha s.r.o."),
        T(15, 30, "Faktura č. 2026-0042"),
        T(15, 36, "Datum vystavení: 1. 6. 2026"),
        T(20, 50, "Činnost"),
        T(100, 50, "Cena", right=True),
        T(125, 50, "Počet", right=True),
        T(170, 50, "Cena (CZK)", right=True),
    ]
    for n, (text, price, count, amount) in enumerate(rows):
        y = 57 + 10 * n
        page += [T(20, y, text), T(100, y, price, right=True), T(125, y, count, right=True)]
        page += [T(170, y, amount, right=True)]
    page += [T(20, 61, "l"), T(20, 80, "Celkem k úhradě"), T(170, 80, "60,19", right=True)]
    items = _read(_pdf(page)).invoice.line_items

    assert [
        (" ".join(i.description.split()), i.quantity, i.unit_price, i.tax_rate) for i in items
    ] == [
        ("Smetana ke šlehání 35 %, 1 l", Decimal(2), Decimal("3.84"), None),
        ("Cestovné za km", Decimal(59), Decimal("0.89"), None),
    ]


def test_a_justified_description_runs_up_to_the_next_heading() -> None:
    """LaTeX justifies a long description in its column: its last word ("to") may end just left
    of the price heading, nearer that heading than the description's. Text left of the row's
    first value, after words of the description, is the description's."""
    words = ["Gastronorm", "container", "GN", "1/1", "150", "mm,", "delivered", "to"]
    page = [
        T(15, 20, "Kitchen Equipment Direct Ltd"),
        T(15, 30, "Invoice number: INV-2025-118"),
        T(15, 36, "Invoice date: 12/05/2025"),
        T(15, 50, "Description"),
        T(130, 50, "Item price"),
        T(160, 50, "VAT"),
        T(195, 50, "Sum", right=True),
    ]
    xs = [15, 38, 60, 69, 80, 90, 102, 127.5]
    page += [T(x, 57, w) for x, w in zip(xs, words, strict=True)]
    page += [
        T(150, 57, "€334.72", right=True),
        T(160, 57, "23 %"),
        T(195, 57, "€411.71", right=True),
    ]
    page += [T(15, 62, "the service entrance")]
    page += [T(15, 75, "Chef jacket white"), T(150, 75, "€548.80", right=True), T(160, 75, "23 %")]
    page += [
        T(195, 75, "€675.02", right=True),
        T(150, 90, "Total:"),
        T(195, 90, "€1,086.73", right=True),
    ]
    items = _read(_pdf(page)).invoice.line_items

    assert [" ".join(i.description.split()) for i in items] == [
        "Gastronorm container GN 1/1 150 mm, delivered to the service entrance",
        "Chef jacket white",
    ]


def test_a_one_digit_quantity_run_into_the_article_number_beside_it() -> None:
    """A spreadsheet's quantity column, right-aligned, ends one space before the left-aligned
    article numbers ("5 BV-39436"): a one-digit quantity stands under the code heading, but a
    number followed in its cell by a code is the quantity, not part of the code; and a code of
    digits after a quantity is the code, not a second quantity."""
    rows = [("25", "BV-10159", "Mineralwasser 24 x 0,33 l", "CHF 15.90", "CHF 397.50")]
    rows += [("5", "BV-39436", "Espressobohnen 1 kg", "CHF 29.34", "CHF 146.70")]
    rows += [("26", "238441", "Kochjacke weiss", "CHF 14.58", "CHF 379.08")]
    page = [
        T(15, 20, "Baumann Gastro AG"),
        T(150, 20, "Rechnungsnr. RE-006478"),
        T(150, 26, "Datum 18.09.2025"),
        T(12, 50, "MENGE", size=8),
        T(30, 50, "ART.-NR.", size=8),
        T(62, 50, "BESCHREIBUNG", size=8),
        T(150, 50, "EINZELPREIS", right=True, size=8),
        T(195, 50, "GESAMTPREIS", right=True, size=8),
    ]
    for n, (qty, code, text, price, total) in enumerate(rows):
        y = 57 + 6 * n
        page += [T(29.4, y, qty, right=True), T(30.5, y, code), T(62, y, text)]
        page += [T(150, y, price, right=True), T(195, y, total, right=True)]
    page += [T(120, 80, "Total CHF"), T(195, 80, "923.28", right=True)]
    items = _read(_pdf(page)).invoice.line_items

    assert [(i.product_code, i.quantity, i.description) for i in items] == [
        ("BV-10159", Decimal(25), "Mineralwasser 24 x 0,33 l"),
        ("BV-39436", Decimal(5), "Espressobohnen 1 kg"),
        ("238441", Decimal(26), "Kochjacke weiss"),  # an all-digit code after the quantity
    ]


def test_article_numbers_under_a_bare_n_heading() -> None:
    """invoice-maker (Typst) heads its first column "N." in Italian and prints the article
    numbers there: a bare "N" names a code column as "No." does."""
    page = [
        T(15, 20, "Pulizie Professionali Ferri S.a.s."),
        T(120, 20, "Numero fattura: R420015"),
        T(120, 26, "Data di emissione: 2024-04-27"),
        T(32, 50, "N.", right=True),
        T(40, 50, "Descrizione"),
        T(150, 50, "Quantità", right=True),
        T(170, 50, "Prezzo", right=True),
        T(195, 50, "Totale", right=True),
    ]
    for n, (code, text, qty, price, total) in enumerate(
        [
            ("EQ-50742", "Cartuccia anticalcare", "1", "94.73", "94.73"),
            ("FD-39772", "Uova, vassoio da 30", "1.5", "9.72", "14.58"),
        ]
    ):
        y = 57 + 6 * n
        page += [T(15, y, code), T(40, y, text), T(150, y, qty, right=True)]
        page += [T(170, y, price, right=True), T(195, y, total, right=True)]
    page += [T(150, 75, "Totale:"), T(195, 75, "109.31", right=True)]
    items = _read(_pdf(page)).invoice.line_items

    assert [(i.product_code, i.description) for i in items] == [
        ("EQ-50742", "Cartuccia anticalcare"),
        ("FD-39772", "Uova, vassoio da 30"),
    ]


def test_a_table_goes_on_over_a_page_with_another_grid_of_characters() -> None:
    """Each page is laid out as text on a grid of its own (its characters' average width): the
    second page of a table that does not repeat its heading sets the same columns at other
    character positions. Its columns are carried over where they stand on paper."""

    def row(y: float, code: str, text: str, qty: str, price: str, total: str) -> list[T]:
        return [
            T(15, y, code, size=8),
            T(50, y, text, size=8),
            T(120, y, qty, right=True, size=8),
            T(130, y, "ks", size=8),
            T(160, y, price, right=True, size=8),
            T(195, y, total, right=True, size=8),
        ]

    first = [
        T(15, 20, "Vinotéka Černý a.s."),
        T(120, 20, "Faktura č. 2024-0117"),
        T(120, 26, "Datum vystavení: 1. 3. 2024"),
        T(15, 50, "Kód", size=8),
        T(50, 50, "Popis", size=8),
        T(120, 50, "Množství", right=True, size=8),
        T(130, 50, "MJ", size=8),
        T(160, 50, "Cena/MJ", right=True, size=8),
        T(195, 50, "Celkem", right=True, size=8),
    ]
    first += row(57, "8592593763346", "Ležák, sud 30 l", "26", "2 460,97", "63 985,22")
    first += row(63, "3047013525264", "Záloha prepravka", "8", "72,52", "580,16")
    first += [T(15, 280, "Strana 1 z 2", size=8)]
    second = [T(15, 15, "VINOTÉKA ČERNÝ A.S. — FAKTURA 2024-0117", size=16)]
    second += row(30, "8526071348299", "Prosecco DOC extra dry 0,75 l", "27", "200,63", "5 417,01")
    second += row(36, "8763523814319", "Zrnková káva espresso, 1 kg", "15", "421,44", "6 321,60")
    second += [T(130, 50, "K úhradě", size=8), T(195, 50, "76 303,99", right=True, size=8)]
    items = _read(_pdf(first, second)).invoice.line_items

    assert [(i.description, i.quantity, i.unit_price) for i in items] == [
        ("Ležák, sud 30 l", Decimal(26), Decimal("2460.97")),
        ("Záloha prepravka", Decimal(8), Decimal("72.52")),
        ("Prosecco DOC extra dry 0,75 l", Decimal(27), Decimal("200.63")),
        ("Zrnková káva espresso, 1 kg", Decimal(15), Decimal("421.44")),
    ]


def test_a_one_word_item_name_with_nothing_under_the_description_heading() -> None:
    """InvoicePlane heads an item's name "Artikel" beside a "Beschreibung" column that may be
    empty: "Lieferpauschale" alone in the name column is the item's description, not a code."""
    page = [
        T(15, 20, "Bäckerei Sonnenhof AG"),
        T(130, 20, "Rechnung 97565"),
        T(130, 26, "Datum: 09.04.2025"),
        T(15, 50, "Artikel"),
        T(80, 50, "Beschreibung"),
        T(140, 50, "Menge", right=True),
        T(165, 50, "Preis", right=True),
        T(195, 50, "Gesamt", right=True),
    ]
    rows = [("Orangensaft frisch, 1 l", "Lieferschein 30051", "20.00", "CHF 4.46", "CHF 89.20")]
    rows += [("Lieferpauschale", "", "1.00", "CHF 9.90", "CHF 9.90")]
    for n, (name, text, qty, price, total) in enumerate(rows):
        y = 57 + 6 * n
        page += [T(15, y, name), T(80, y, text), T(140, y, qty, right=True)]
        page += [T(165, y, price, right=True), T(195, y, total, right=True)]
    page += [T(140, 80, "Gesamt"), T(195, 80, "CHF 99.10", right=True)]
    items = _read(_pdf(page)).invoice.line_items

    assert [(i.description, i.product_code, i.total) for i in items] == [
        ("Orangensaft frisch, 1 l Lieferschein 30051", None, Decimal("89.20")),
        ("Lieferpauschale", None, Decimal("9.90")),
    ]
