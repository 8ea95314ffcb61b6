"""Failures seen on invoices from sources nobody here had seen (issue 12), each as a small PDF.

Every test draws its PDF with fpdf2 at exact positions, so the text layer is what such an invoice
gives (left-aligned headings over right-aligned numbers, no-break spaces, letter spacing, text in
a form XObject), and reads it through the whole local parser (:func:`parse_pdf`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import reportlab
from fpdf import FPDF
from pypdf import PdfReader

from bot.extract.parse import parse_pdf
from bot.extract.schema import ExtractionResult


@dataclass(frozen=True)
class T:
    """Text at ``x`` mm (its right edge when ``right``), ``y`` mm from the top."""

    x: float
    y: float
    text: str
    right: bool = False
    size: float = 10
    spacing: float = 0  # extra space between characters, in points


#: an embedded TrueType font for text beyond Latin-1 (reportlab, a dev dependency, ships it)
_VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


def _pdf(*pages: list[T]) -> bytes:
    pdf = FPDF()
    pdf.add_font("vera", fname=str(_VERA))
    for page in pages:
        pdf.add_page()
        for t in page:
            latin = all(ord(c) < 256 for c in t.text)
            pdf.set_font("helvetica" if latin else "vera", size=t.size)
            pdf.set_char_spacing(t.spacing)
            width = pdf.get_string_width(t.text)
            pdf.text(t.x - width if t.right else t.x, t.y, t.text)
    return bytes(pdf.output())


def _read(pdf: bytes) -> ExtractionResult:
    return ExtractionResult.model_validate(parse_pdf(pdf))


def _lines(y: float, *cells: T) -> list[T]:
    return [T(c.x, y, c.text, c.right, c.size, c.spacing) for c in cells]


def _head(supplier: str = "Fresh Greens BV", number: str = "INV-4471") -> list[T]:
    return [
        T(15, 20, supplier, size=14),
        T(15, 27, "Market Street 4, 1011 AB Amsterdam"),
        T(15, 45, "INVOICE", size=16),
        T(15, 55, f"Invoice number: {number}"),
        T(15, 61, "Invoice date: 14.03.2024"),
    ]


def _left_headed_table(y: float, rows: list[tuple[str, str, str, str]]) -> list[T]:
    """Headings left-aligned at each column's left edge, numbers right-aligned at its right."""
    out = [T(15, y, "Description"), T(100, y, "Qty"), T(125, y, "Unit price"), T(162, y, "Amount")]
    for n, (desc, qty, price, amount) in enumerate(rows, start=1):
        out += _lines(
            y + 7 * n,
            T(15, 0, desc),
            T(120, 0, qty, right=True),
            T(155, 0, price, right=True),
            T(195, 0, amount, right=True),
        )
    return out


def _items(result: ExtractionResult) -> list[tuple[Any, ...]]:
    return [(i.description, i.quantity, i.unit_price, i.total) for i in result.invoice.line_items]


ROWS = [
    ("Tomatoes class I", "12", "2.50", "30.00"),
    ("Butter 250 g", "4", "1.95", "7.80"),
    ("Delivery", "1", "6.20", "6.20"),
]
EXPECTED = [
    ("Tomatoes class I", 12, Decimal("2.50"), Decimal("30.00")),
    ("Butter 250 g", 4, Decimal("1.95"), Decimal("7.80")),
    ("Delivery", 1, Decimal("6.20"), Decimal("6.20")),
]


def _totals(y: float, net: str, tax: str, gross: str) -> list[T]:
    return [
        T(125, y, "Subtotal"),
        T(195, y, f"EUR {net}", right=True),
        T(125, y + 6, "VAT 9%"),
        T(195, y + 6, f"EUR {tax}", right=True),
        T(125, y + 12, "Total"),
        T(195, y + 12, f"EUR {gross}", right=True),
    ]


def test_left_aligned_headings_over_right_aligned_numbers() -> None:
    page = _head() + _left_headed_table(80, ROWS) + _totals(115, "44.00", "3.96", "47.96")
    result = _read(_pdf(page))
    assert _items(result) == EXPECTED
    assert result.invoice.total_incl_tax == Decimal("47.96")


def test_the_heading_row_of_a_vat_summary_under_the_items_is_no_description() -> None:
    summary = [  # no total line between: the summary's own headings follow the last item
        # (English ones are summary words already; "Brutto" names no item column)
        *_lines(
            108, T(15, 0, "Steuersatz"), T(60, 0, "Netto"), T(100, 0, "USt"), T(140, 0, "Brutto")
        ),
        *_lines(114, T(15, 0, "9%"), T(60, 0, "44.00"), T(100, 0, "3.96"), T(140, 0, "47.96")),
    ]
    page = _head() + _left_headed_table(80, ROWS) + summary
    assert _items(_read(_pdf(page))) == EXPECTED


def test_items_continue_on_the_next_page_without_a_repeated_heading() -> None:
    first = _head() + _left_headed_table(80, ROWS[:2])
    rest = _head() + [  # the letterhead again, then the rows go on
        T(15, 33, "Phone +31 20 555 0101"),
        T(15, 39, "www.freshgreens.example"),
        T(15, 67, "Customer no: C-0042"),
        T(15, 73, "Delivery address: Hotel Seeblick, Uferweg 1"),
        T(15, 79, "Fresh Greens BV - INV-4471 - page 2"),
        *_lines(90, T(15, 0, "Delivery"), T(120, 0, "1", True), T(155, 0, "6.20", True)),
        T(195, 90, "6.20", right=True),
        *_totals(100, "44.00", "3.96", "47.96"),
    ]
    result = _read(_pdf(first, rest))
    assert _items(result) == EXPECTED


def test_no_break_spaces_join_label_words() -> None:
    nb = "\u00a0"
    page = [
        T(15, 20, "Fresh Greens BV", size=14),
        T(15, 45, "INVOICE", size=16),
        T(15, 55, f"Invoice{nb}number:"),
        T(60, 55, "INV-9902"),
        T(15, 61, f"Invoice{nb}date:"),
        T(60, 61, "14.03.2024"),
        T(15, 67, f"Due{nb}date:"),
        T(60, 67, "13.04.2024"),
        T(125, 100, f"Total{nb}excl.{nb}VAT"),
        T(195, 100, "100.00", right=True),
        T(125, 106, "VAT 21%"),
        T(195, 106, "21.00", right=True),
        T(125, 112, f"Total{nb}due"),
        T(195, 112, "EUR 121.00", right=True),
    ]
    invoice = _read(_pdf(page)).invoice
    assert invoice.invoice_number == "INV-9902"
    assert str(invoice.due_date) == "2024-04-13"
    assert invoice.total_excl_tax == Decimal("100.00")
    assert invoice.total_incl_tax == Decimal("121.00")


def test_letter_spaced_supplier_name() -> None:
    page = _head() + _totals(100, "100.00", "9.00", "109.00")
    page[0] = T(15, 20, "Fresh Greens BV", size=14, spacing=4)
    assert _read(_pdf(page)).invoice.supplier_name == "Fresh Greens BV"


def test_justified_supplier_name_with_runs_of_spaces() -> None:
    page = _head() + _totals(100, "100.00", "9.00", "109.00")
    page[0] = T(15, 20, "Fresh     Greens     BV", size=14)
    assert _read(_pdf(page)).invoice.supplier_name == "Fresh Greens BV"


def test_justified_supplier_name_beside_a_far_column() -> None:
    page = _head() + _totals(100, "100.00", "9.00", "109.00")
    page[0] = T(15, 20, "Fresh     Greens     BV", size=14)
    page.append(T(195, 20, "INVOICE", right=True, size=14))
    assert _read(_pdf(page)).invoice.supplier_name == "Fresh Greens BV"


def test_the_party_named_as_supplier_wins_over_the_buyers_letterhead() -> None:
    """A self-billed invoice is printed by the buyer: its letterhead, footer and VAT id are the
    buyer's; the seller is the party the page names as supplier."""
    for label, vat_label in (
        ("Lieferant/Leistender:", "USt-ID Lieferant/Leistender:"),
        ("Supplied by:", "VAT number supplied by:"),
        ("Leverancier (verkoper):", "BTW-nr. leverancier (verkoper):"),
        ("Vendeur :", "TVA intracom. vendeur :"),
    ):
        page = [
            T(15, 20, "Hotel Zur Post Betriebs GmbH", size=14),
            T(15, 26, "Hauptstraße 46 - 80331 München"),
            T(15, 45, "Hofgut Lindenau"),
            T(15, 50, "Bahnhofstraße 52"),
            T(15, 55, "50667 Köln"),
            T(130, 45, "Beleg-Nr.: AF-2026-404"),
            T(130, 50, "Datum: 22.03.2026"),
            T(15, 70, "Gutschrift (Selbst ausgestellte Rechnung)", size=14),
            T(15, 78, f"{label} Hofgut Lindenau, Bahnhofstraße 52, 50667 Köln"),
            T(15, 84, f"{vat_label} DE 065 170 199"),
            *_totals(100, "100.00", "9.00", "109.00"),
            T(15, 270, "Hotel Zur Post Betriebs GmbH - Hauptstraße 46 - 80331 München"),
            T(15, 275, "USt-ID: DE 417 757 070"),
        ]
        invoice = _read(_pdf(page)).invoice
        assert invoice.supplier_name == "Hofgut Lindenau", label
        assert invoice.supplier_tax_id == "DE065170199", label


def _form_xobject_pdf() -> bytes:
    """The whole page drawn inside a form XObject: pypdf's layout mode sees no text there."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.beginForm("page")
    lines = [
        "Fresh Greens BV",
        "Invoice number: INV-5120",
        "Invoice date: 14.03.2024",
        "Subtotal  EUR 100.00",
        "VAT 21%  EUR 21.00",
        "Total  EUR 121.00",
    ]
    for n, text in enumerate(lines):
        c.drawString(50, 780 - 20 * n, text)
    c.endForm()
    c.doForm("page")
    c.showPage()
    c.save()
    return out.getvalue()


def test_layout_mode_empty_but_plain_text_fine_is_read_without_ocr() -> None:
    pdf = _form_xobject_pdf()
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert page.extract_text(extraction_mode="layout").strip() == ""  # the failure itself
    invoice = _read(pdf).invoice
    assert invoice.invoice_number == "INV-5120"
    assert invoice.total_incl_tax == Decimal("121.00")


def _summary_page(rows: list[T], number: str = "R-2024-0815") -> bytes:
    return _pdf(
        [
            T(15, 20, "Gemüsehof Brandt GmbH", size=14),
            T(15, 27, "Feldweg 3, 30159 Hannover"),
            T(15, 45, "Rechnung", size=16),
            T(15, 55, f"Rechnungsnummer: {number}"),
            T(15, 61, "Rechnungsdatum: 14.03.2024"),
            *rows,
        ]
    )


def test_multi_rate_vat_summary_totals_in_german() -> None:
    rows = [
        T(15, 90, "USt.-Satz"),
        T(80, 90, "Nettobetrag"),
        T(140, 90, "USt.-Betrag"),
        T(15, 96, "7 %"),
        T(110, 96, "100,00", right=True),
        T(170, 96, "7,00", right=True),
        T(15, 102, "19 %"),
        T(110, 102, "200,00", right=True),
        T(170, 102, "38,00", right=True),
        T(15, 115, "Rechnungssumme ohne USt."),
        T(195, 115, "300,00 EUR", right=True),
        T(15, 121, "Steuerbetrag"),
        T(195, 121, "45,00 EUR", right=True),
        T(15, 127, "Rechnungsbetrag"),
        T(195, 127, "345,00 EUR", right=True),
    ]
    invoice = _read(_summary_page(rows)).invoice
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("300.00"),
        Decimal("45.00"),
        Decimal("345.00"),
    )


def test_multi_rate_vat_table_whose_rows_each_add_up() -> None:
    """Each rate's row (net + VAT = gross) satisfies the arithmetic; the totals are the sums."""
    rows = [T(15, 90, "USt.-Satz"), T(60, 90, "Netto"), T(100, 90, "USt."), T(140, 90, "Brutto")]
    for y, cells in (
        (96, ("7 %", "100,00", "7,00", "107,00")),
        (102, ("19 %", "200,00", "38,00", "238,00")),
    ):
        rows += [T(15, y, cells[0]), T(80, y, cells[1], True), T(120, y, cells[2], True)]
        rows.append(T(160, y, cells[3], True))
    rows += [T(15, 108, "Summe"), T(80, 108, "300,00", True), T(120, 108, "45,00", True)]
    rows.append(T(160, 108, "345,00", True))
    invoice = _read(_summary_page(rows)).invoice
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("300.00"),
        Decimal("45.00"),
        Decimal("345.00"),
    )


def test_one_vat_rate_row_that_adds_up_is_not_the_total() -> None:
    """Without a sum row, the headings' columns are summed: the 19 % row alone adds up too."""
    rows = [T(15, 90, "Steuersatz"), T(60, 90, "Netto"), T(100, 90, "MwSt"), T(140, 90, "Brutto")]
    for y, cells in (
        (96, ("7 %", "100,00", "7,00", "107,00")),
        (102, ("19 %", "200,00", "38,00", "238,00")),
    ):
        rows += [T(15, y, cells[0]), T(80, y, cells[1], True), T(120, y, cells[2], True)]
        rows.append(T(160, y, cells[3], True))
    rows += [T(110, 120, "Warenwert"), T(195, 120, "300,00", True), T(110, 126, "Steuer")]
    rows += [T(195, 126, "45,00", True), T(110, 132, "Endsumme"), T(195, 132, "345,00", True)]
    invoice = _read(_summary_page(rows)).invoice
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("300.00"),
        Decimal("45.00"),
        Decimal("345.00"),
    )


def test_e_invoice_rendering_totals_with_a_prepayment() -> None:
    """The summary of a rendered XRechnung: the amount due is the total less a prepayment."""
    rows = []
    for n, (label, amount) in enumerate(
        (
            ("Summe Positionen netto", "300,00"),
            ("Gesamtbetrag ohne Umsatzsteuer", "300,00"),
            ("Summe Umsatzsteuer", "45,00"),
            ("Gesamtbetrag einschließlich Umsatzsteuer", "345,00"),
            ("Gezahlter Betrag", "100,00"),
            ("Fälliger Betrag", "245,00"),
        )
    ):
        rows += [T(15, 100 + 6 * n, label), T(195, 100 + 6 * n, f"{amount} EUR", right=True)]
    invoice = _read(_summary_page(rows)).invoice
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("300.00"),
        Decimal("45.00"),
        Decimal("345.00"),
    )


def test_per_rate_vat_lines_without_a_total_tax_line_are_summed() -> None:
    for with_net in (True, False):
        page = _head("Weinhandlung Keller AG") + [
            T(100, 106, "MWST 2.6 % auf 1'272.94"),
            T(195, 106, "CHF 33.10", right=True),
            T(100, 112, "MWST 8.1 % auf 100.00"),
            T(195, 112, "CHF 8.10", right=True),
            T(100, 118, "Total inkl. MWST"),
            T(195, 118, "CHF 1'414.14", right=True),
        ]
        if with_net:
            page += [T(100, 100, "Total exkl. MWST"), T(195, 100, "CHF 1'372.94", right=True)]
        invoice = _read(_pdf(page)).invoice
        assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
            Decimal("1372.94"),
            Decimal("41.20"),
            Decimal("1414.14"),
        ), with_net


def test_multi_rate_vat_summary_totals_in_french() -> None:
    rows = [
        T(15, 90, "Taux"),
        T(60, 90, "Base HT"),
        T(110, 90, "Montant TVA"),
        T(15, 96, "TVA 5,5 %"),
        T(80, 96, "200,00", right=True),
        T(130, 96, "11,00", right=True),
        T(15, 102, "TVA 20 %"),
        T(80, 102, "50,00", right=True),
        T(130, 102, "10,00", right=True),
        T(140, 115, "Total HT"),
        T(195, 115, "250,00 EUR", right=True),
        T(140, 121, "Total TVA"),
        T(195, 121, "21,00 EUR", right=True),
        T(140, 127, "Total TTC"),
        T(195, 127, "271,00 EUR", right=True),
    ]
    page = _summary_page(rows)
    invoice = _read(page).invoice
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("250.00"),
        Decimal("21.00"),
        Decimal("271.00"),
    )


def test_amount_to_pay_with_an_earlier_balance_is_not_the_total() -> None:
    page = _head("Northern Power Ltd") + [
        T(15, 90, "Balance from your last bill"),
        T(195, 90, "£80.00", right=True),
        T(15, 100, "Energy charges"),
        T(195, 100, "£100.00", right=True),
        T(15, 106, "VAT 20%"),
        T(195, 106, "£20.00", right=True),
        T(15, 112, "Charges this period"),
        T(195, 112, "£120.00", right=True),
        T(15, 124, "Amount to pay"),
        T(195, 124, "£200.00", right=True),
    ]
    invoice = _read(_pdf(page)).invoice
    assert invoice.total_incl_tax == Decimal("120.00")
    assert invoice.tax_amount == Decimal("20.00")


def _us_page(extra: list[T]) -> bytes:
    return _pdf(
        [
            T(15, 20, "Harbor Linen Supply Inc.", size=14),
            T(15, 27, "250 Pier Avenue, Boston"),
            T(15, 45, "INVOICE", size=16),
            T(15, 55, "Invoice #: 30418"),
            T(15, 61, "Date: 03/04/2024"),
            T(15, 67, "Due date: 04/05/2024"),
            T(125, 100, "Subtotal"),
            T(195, 100, "$200.00", right=True),
            T(125, 106, "Sales tax 6.25%"),
            T(195, 106, "$12.50", right=True),
            T(125, 112, "Total"),
            T(195, 112, "$212.50", right=True),
            *extra,
        ]
    )


def test_month_first_dates_on_a_dollar_invoice_when_every_date_is_ambiguous() -> None:
    invoice = _read(_us_page([])).invoice
    assert (str(invoice.invoice_date), str(invoice.due_date)) == ("2024-03-04", "2024-04-05")


def test_us_ein_is_the_supplier_tax_id() -> None:
    for label in ("EIN:", "Federal ID #", "Tax ID No.", "FEIN", "Tax ID (EIN):"):
        invoice = _read(_us_page([T(15, 33, f"{label} 04-3456789")])).invoice
        assert invoice.supplier_tax_id == "04-3456789", label


def test_po_after_your_reference_votre_reference_bestellung() -> None:
    for label, po in (
        ("Your reference:", "PO-77812"),
        ("Votre référence :", "BC-2024-118"),
        ("Bestellung:", "4500012345"),
    ):
        invoice = _read(_us_page([T(15, 73, f"{label} {po}")])).invoice
        assert invoice.po_references == [po], label


def test_self_billed_invoices_are_invoices_not_credit_notes() -> None:
    for title in (
        "Gutschrift (Selbst ausgestellte Rechnung)",
        "Facture - autofacturation",
        "Gutschrift im Gutschriftsverfahren",
    ):
        page = _head("Weingut Kessler") + _totals(100, "100.00", "9.00", "109.00")
        page[2] = T(15, 45, title, size=16)
        invoice = _read(_pdf(page)).invoice
        assert invoice.document_type == "invoice", title
        assert invoice.total_incl_tax == Decimal("109.00")


def test_a_credit_note_stays_a_credit_note_with_positive_amounts() -> None:
    page = _head() + _totals(100, "-100.00", "-9.00", "-109.00")
    page[2] = T(15, 45, "CREDIT NOTE", size=16)
    invoice = _read(_pdf(page)).invoice
    assert invoice.document_type == "credit_note"
    assert invoice.total_incl_tax == Decimal("109.00")


def test_each_field_keeps_the_page_and_box_it_was_read_from() -> None:
    page = _head() + _left_headed_table(80, ROWS) + _totals(115, "44.00", "3.96", "47.96")
    positions = _read(_pdf(page)).positions
    mm = 72 / 25.4  # the test draws in mm from the top, boxes are in points from the top

    def near(name: str, x: float, y: float) -> bool:
        x0, y0, x1, y1 = positions[name].box
        return positions[name].page == 1 and x0 - 2 <= x * mm <= x1 + 2 and y0 <= y * mm <= y1 + 2

    assert near("invoice_number", 50, 55)  # "Invoice number: INV-4471", the value's part
    assert near("supplier_name", 16, 20)
    assert near("total_incl_tax", 194, 127)
    assert near("line_items.1", 16, 94)
    assert not near("line_items.1", 16, 87)
    assert positions["invoice_number"].box[0] > 40 * mm  # the value, not its label


def test_ocr_words_keep_their_boxes_in_points() -> None:
    from bot.extract.ocr import layout

    header = "\t".join(
        "level page_num block_num par_num line_num word_num left top width height conf text".split()
    )
    rows = [
        "5\t1\t1\t1\t1\t1\t100\t200\t150\t40\t96\tInvoice",
        "5\t1\t1\t1\t1\t2\t1000\t205\t200\t40\t96\tINV-7",
    ]
    page = layout("\n".join([header, *rows]))
    start = page.text.index("INV-7")
    box = page.box(0, start, start + 5)
    assert box is not None
    assert [round(v, 1) for v in box] == [240.0, 49.2, 288.0, 58.8]  # 300 dpi pixels in points


def test_swiss_amounts_grouped_with_a_right_single_quote() -> None:
    page = _head("Käserei Moser AG") + [
        T(125, 100, "Total exkl. MWST"),
        T(195, 100, "CHF 1\u2019200.00", right=True),
        T(125, 106, "MWST 8.1 %"),
        T(195, 106, "CHF 97.20", right=True),
        T(125, 112, "Total inkl. MWST"),
        T(195, 112, "CHF 1\u2019297.20", right=True),
    ]
    invoice = _read(_pdf(page)).invoice
    assert (invoice.total_excl_tax, invoice.total_incl_tax) == (
        Decimal("1200.00"),
        Decimal("1297.20"),
    )


def test_party_blocks_of_label_value_lines_name_the_seller() -> None:
    """A rendered e-invoice: 'Verkäufer' and 'Käufer' blocks of 'Name: ...' lines, either side."""
    blocks = [
        ("Verkäufer", "Name: Gemüsehof Brandt GmbH", "Straße: Feldweg 3"),
        ("Käufer", "Name: Hotel Seeblick KG", "Straße: Uferweg 1"),
    ]
    for left, right in (blocks, blocks[::-1]):
        page = [T(15, 20, "Rechnung", size=16), T(15, 75, "Rechnungsnummer: R-77")]
        page += [T(15, 81, "Rechnungsdatum: 14.03.2024"), T(15, 59, "USt-IdNr.: DE123456788")]
        for n in range(3):
            page += [T(15, 35 + 6 * n, left[n]), T(110, 35 + 6 * n, right[n])]
        page += [T(15, 100, "Gesamtbetrag einschließlich Umsatzsteuer")]
        page += [T(195, 100, "119,00 EUR", right=True)]
        assert _read(_pdf(page)).invoice.supplier_name == "Gemüsehof Brandt GmbH", left[0]


def test_items_printed_as_cards_of_label_value_lines() -> None:
    """A rendered e-invoice prints each item as 'Position N' and its labelled values."""
    rows, y = [], 80.0
    for n, (desc, qty, price, total) in enumerate(
        (
            ("Trennblätter A4", "20 Stück", "9,90", "198,00"),
            ("Heftklammern", "5 Pack", "2,00", "10,00"),
        ),
        start=1,
    ):
        rows.append(T(15, y, f"Position {n}"))
        for label, value in (
            ("Bezeichnung", desc),
            ("Menge", qty),
            ("Preis pro Einheit (netto)", price),
            ("Umsatzsteuersatz", "19 %"),
            ("Gesamtpreis (netto)", total),
        ):
            y += 6
            rows += [T(20, y, f"{label}:"), T(90, y, value)]
        y += 10
    for k, (label, amount) in enumerate(
        (("Gesamtbetrag ohne Umsatzsteuer", "208,00"), ("Summe Umsatzsteuer", "39,52"))
    ):
        rows += [T(15, y + 6 * k, label), T(195, y + 6 * k, f"{amount} EUR", right=True)]
    invoice = _read(_summary_page(rows)).invoice
    assert [
        (i.description, i.quantity, i.unit, i.unit_price, i.total, i.tax_rate)
        for i in invoice.line_items
    ] == [
        ("Trennblätter A4", 20, "Stück", Decimal("9.90"), Decimal("198.00"), 19),
        ("Heftklammern", 5, "Pack", Decimal("2.00"), Decimal("10.00"), 19),
    ]
    assert invoice.total_excl_tax == Decimal("208.00")


def _card(y: float, name: str, prices: list[tuple[str, str]]) -> tuple[list[T], float]:
    """An item card as the XRechnung visualization prints it: the item's name, sub-headings, label
    and value rows without colons (values right-aligned), then two label: value pairs a line."""
    out = [T(20, y, name, size=12), T(20, y + 8, "Freitext:"), T(60, y + 8, "direkt vom Lager")]
    out += [T(20, y + 16, "Preiseinzelheiten", size=11)]
    for label, value in prices:
        y += 6
        out += [T(20, y + 16, label), T(150, y + 16, value, right=True)]
    out += [T(20, y + 26, "Umsatzsteuerinformationen", size=11)]
    return out, y + 34


def test_items_printed_as_cards_under_their_names_across_a_page_break() -> None:
    """XRechnung's visualization: no position line, sub-headings inside each card, the item's
    'Bezeichnung' at its end, a card going on over the next page's head; a list price beside the
    net price, before or after the total; after the total the price's base quantity and an
    allowance's lines."""
    net, total, listed = [
        ("Preis pro Einheit (netto)", "23,55"),
        ("Gesamtpreis (netto)", "261,41"),
        ("Listenpreis (netto)", "25,00"),
    ]
    for order in ([net, total, listed], [listed, net, total]):
        head = T(15, 12, "Bereiche ohne Inhalte werden nicht dargestellt!      R-77", size=8)
        page1 = [head, T(15, 20, "Gemüsehof Brandt GmbH", size=14), T(15, 45, "Rechnung", size=16)]
        page1 += [T(15, 55, "Rechnungsnummer:"), T(60, 55, "R-77")]
        page1 += [T(15, 61, "Rechnungsdatum:"), T(60, 61, "14.03.2024")]
        for k, (label, value) in enumerate(
            (("Umsatzsteuersatz", "19"), ("Umsatzsteuerbetrag", "48,02"), ("Zahlungsdaten", ""))
        ):
            page1 += [T(20, 72 + 6 * k, label), T(150, 72 + 6 * k, value, right=True)]
        prices = [("Menge", "11,1"), ("Einheit", "KGM"), *order, ("Anzahl der Einheit", "1")]
        prices += [("Grundbetrag (netto)", "270,00"), ("Prozentsatz", "3,18")]  # an allowance's
        prices += [("Nachlass (netto)", "8,59"), ("Grund", "Treue"), ("Code für den Grund", "95")]
        card, y = _card(95, "Rinderfilet", prices)
        page1 += card + [T(20, y, "Umsatzsteuercode:"), T(60, y, "S")]
        page1 += [T(100, y, "Umsatzsteuersatz (%):"), T(150, y, "7")]
        page1 += [T(20, y + 8, "Artikelinformationen", size=11)]
        page1 += [T(20, y + 16, "Bezeichnung:"), T(60, y + 16, "Rinderfilet")]
        page1 += [T(100, y + 16, "Artikelnummer:"), T(150, y + 16, "90762")]
        prices = [("Menge", "12"), ("Einheit", "H87"), ("Preis pro Einheit (netto)", "21,06")]
        card, y = _card(y + 30, "Spülmittel 10 l", [*prices, ("Zeilensumme (netto)", "252,72")])
        page1 += card + [T(100, 285, "Seite 1 / 2", size=8)]
        page2 = [head, T(20, 30, "Umsatzsteuercode:"), T(60, 30, "S")]
        page2 += [T(100, 30, "Umsatzsteuersatz (%):"), T(150, 30, "19")]
        page2 += [T(20, 40, "Artikelinformationen", size=11)]
        page2 += [T(20, 48, "Bezeichnung:"), T(60, 48, "Spülmittel 10 l")]
        page2 += [T(20, 60, "Gesamtbetrag ohne Umsatzsteuer"), T(150, 60, "514,13", right=True)]
        page2 += [T(100, 285, "Seite 2 / 2", size=8)]
        invoice = _read(_pdf(page1, page2)).invoice
        assert [
            (i.description, i.quantity, i.unit_price, i.total, i.tax_rate)
            for i in invoice.line_items
        ] == [
            ("Rinderfilet", Decimal("11.1"), Decimal("23.55"), Decimal("261.41"), 7),
            ("Spülmittel 10 l", 12, Decimal("21.06"), Decimal("252.72"), 19),
        ], order


def test_a_letterhead_drawn_in_a_form_xobject_is_read_with_the_page() -> None:
    """Page templates draw the letterhead once as a form; the body is the page's own text."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.beginForm("letterhead")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, 790, "Kessler Weinhandel GmbH")
    c.setFont("Helvetica", 9)
    c.drawString(50, 776, "Rebenweg 2, 55116 Mainz - USt-IdNr. DE123456788")
    c.endForm()
    c.doForm("letterhead")
    c.setFont("Helvetica", 10)
    for y, left, right in (
        (700, "Rechnung Nr. RE-2024-311", "Datum: 14.03.2024"),
        (640, "Summe netto", "100,00 EUR"),
        (625, "MwSt 19 %", "19,00 EUR"),
        (610, "Rechnungsbetrag", "119,00 EUR"),
    ):
        c.drawString(50, y, left)
        c.drawRightString(545, y, right)
    c.showPage()
    c.save()
    invoice = _read(out.getvalue()).invoice
    assert (invoice.supplier_name, invoice.supplier_tax_id) == (
        "Kessler Weinhandel GmbH",
        "DE123456788",
    )
    assert invoice.total_incl_tax == Decimal("119.00")


def test_business_term_ids_beside_labels_are_not_values() -> None:
    """EN 16931 renderings print each label with its term: 'Rechnungsnummer (BT-1)'."""
    for suffix in (" (BT-1):", " BT-1"):
        page = [
            T(15, 20, "Gemüsehof Brandt GmbH", size=14),
            T(15, 45, f"Rechnungsnummer{suffix}"),
            T(75, 45, "R-2024-77"),
            T(15, 51, "Rechnungsdatum (BT-2):"),
            T(75, 51, "14.03.2024"),
            T(15, 100, "Gesamtbetrag einschließlich Umsatzsteuer (BT-112):"),
            T(195, 100, "119,00 EUR", right=True),
        ]
        invoice = _read(_pdf(page)).invoice
        assert (invoice.invoice_number, str(invoice.invoice_date)) == ("R-2024-77", "2024-03-14")


def test_article_numbers_under_their_heading_are_product_codes() -> None:
    """'Art.-Nr.' / 'Réf.' columns hold codes, numeric or not; a position number is none."""
    for heads in (
        ("Pos", "Art.-Nr.", "Bezeichnung", "Menge", "Einzelpreis", "Betrag"),
        ("Pos", "Réf.", "Désignation", "Qté", "P.U. HT", "Montant HT"),
    ):
        page = _head() + [
            T(x, 80, h) for x, h in zip((15, 25, 50, 110, 135, 170), heads, strict=True)
        ]
        for n, (code, desc, qty, price, amount) in enumerate(
            (
                ("48057", "Tomaten", "12", "2,50", "30,00"),
                ("PF-641", "Butter 250 g", "4", "1,95", "7,80"),
            ),
            start=1,
        ):
            page += _lines(80 + 7 * n, T(15, 0, str(n)), T(25, 0, code), T(50, 0, desc))
            page += _lines(80 + 7 * n, T(125, 0, qty, True), T(160, 0, price, True))
            page.append(T(195, 80 + 7 * n, amount, right=True))
        page += _totals(110, "37,80", "2,65", "40,45")
        items = _read(_pdf(page)).invoice.line_items
        assert [(i.product_code, i.description, i.total) for i in items] == [
            ("48057", "Tomaten", Decimal("30.00")),
            ("PF-641", "Butter 250 g", Decimal("7.80")),
        ], heads[1]


def _glued_heading(page: list[T], x: float, y: float, first: str, second: str) -> None:
    """Two headings with no room for a space between them: the text layer runs them together."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    page += [T(x, y, first), T(x + pdf.get_string_width(first), y, second)]


def test_headings_run_together_are_two_columns() -> None:
    """'Unit priceVAT', 'StukprijsTarief': each side names a column (a rate named after a price
    is the VAT rate); the table reads as if they were apart."""
    for price, rate in (("Unit price", "VAT"), ("Stukprijs", "Tarief"), ("Einzelpreis", "USt-%")):
        page = _head() + [T(15, 80, "Description"), T(100, 80, "Qty"), T(170, 80, "Amount")]
        _glued_heading(page, 120, 80, price, rate)
        for n, (desc, qty, unit_price, total) in enumerate(ROWS, start=1):
            page += _lines(80 + 7 * n, T(15, 0, desc), T(110, 0, qty, True))
            page += _lines(80 + 7 * n, T(128, 0, unit_price, True), T(145, 0, "9.00", True))
            page.append(T(195, 80 + 7 * n, total, right=True))
        page += _totals(115, "44.00", "3.96", "47.96")
        items = _read(_pdf(page)).invoice.line_items
        want = [(d, q, p, t, Decimal("9.00")) for d, q, p, t in EXPECTED]
        assert [(i.description, i.quantity, i.unit_price, i.total, i.tax_rate) for i in items] == (
            want
        ), price


def test_a_line_opening_with_a_totals_label_ends_the_items() -> None:
    """Whatever its indent: 'Warenwert netto', 'Subtotaal' then '9% btw over ...', 'Sales Tax'
    are the summary, not items."""
    for lines in (
        [("Warenwert netto", "44.00"), ("zzgl. 9 % USt. auf 44.00", "3.96")],
        [("Subtotaal", "44.00"), ("9% btw over 44.00", "3.96")],
        [("Subtotal", "44.00"), ("Sales Tax (9%)", "3.96")],
        [("Subtotal", "44.00"), ("Texas State Tax 9%", "3.96")],
    ):
        page = _head() + _left_headed_table(80, ROWS)
        for n, (label, amount) in enumerate(lines):
            page += [T(18, 110 + 6 * n, label), T(195, 110 + 6 * n, amount, right=True)]
        page += [T(18, 122, "Total"), T(195, 122, "47.96", right=True)]
        result = _read(_pdf(page))
        assert _items(result) == EXPECTED, lines[0][0]
        assert result.invoice.tax_amount == Decimal("3.96"), lines[0][0]


def test_a_net_heading_names_the_line_total() -> None:
    page = _head() + _left_headed_table(80, ROWS) + _totals(115, "44.00", "3.96", "47.96")
    page[8] = T(162, 80, "Net")
    assert _items(_read(_pdf(page))) == EXPECTED


def test_a_qualifier_in_brackets_between_label_and_value() -> None:
    page = _head() + _totals(100, "100.00", "9.00", "109.00")
    page[3] = T(15, 55, "Factuurnr. (zelffacturering):   AF-2026-820")
    assert _read(_pdf(page)).invoice.invoice_number == "AF-2026-820"


def test_a_bare_due_label_and_pay_by_sentences_give_the_due_date() -> None:
    for text in (
        "Due:      09.07.2025",
        "Le montant vous sera versé au plus tard le 9 juillet 2025.",
        "Wij maken het bedrag vóór 09.07.2025 aan u over.",
        "Der Betrag wird Ihnen bis 9. Juli 2025 überwiesen.",
    ):
        page = _head() + _totals(100, "100.00", "9.00", "109.00") + [T(15, 140, text)]
        assert str(_read(_pdf(page)).invoice.due_date) == "2025-07-09", text


def test_a_correction_invoice_is_a_credit_note_but_a_self_billed_one_is_not() -> None:
    for title, number_label, kind in (
        ("Rechnungskorrektur", "Korrektur-Nr.:", "credit_note"),
        ("Gutschrift (Selbst ausgestellte Rechnung)", "Gutschrift-Nr.:", "invoice"),
    ):
        page = _head() + _totals(100, "-100.00", "-9.00", "-109.00")
        page[2] = T(15, 45, title, size=16)
        page[3] = T(15, 55, f"{number_label} RK-2511-4984")
        invoice = _read(_pdf(page)).invoice
        assert (invoice.document_type, invoice.invoice_number) == (kind, "RK-2511-4984"), title
        assert invoice.total_incl_tax == Decimal("109.00" if kind == "credit_note" else "-109.00")


def test_a_position_heading_run_into_the_description_heading() -> None:
    """'RegelProduct': the position's heading and the description's, with no room between."""
    page = _head() + [T(100, 80, "Aant."), T(130, 80, "Stukprijs"), T(168, 80, "Regeltotaal")]
    _glued_heading(page, 12, 80, "Regel", "Product")
    for n, (desc, qty, price, total) in enumerate(ROWS, start=1):
        page += _lines(80 + 7 * n, T(16, 0, str(n), True), T(30, 0, desc))
        page += _lines(80 + 7 * n, T(112, 0, f"{qty} pot", True), T(150, 0, price, True))
        page.append(T(195, 80 + 7 * n, total, right=True))
    page += _totals(115, "44.00", "3.96", "47.96")
    items = _read(_pdf(page)).invoice.line_items
    assert [(i.description, i.quantity, i.unit, i.total) for i in items] == [
        (d, q, "pot", t) for d, q, _, t in EXPECTED
    ]


def test_a_po_label_ending_a_sentence_labels_nothing() -> None:
    extra = [
        T(15, 73, "Inkoopnummer:   K-1242/25"),
        T(15, 140, "Nous vous remercions de votre commande."),
        T(15, 145, "Brasserie Delacroix SARL - 91 boulevard Victor Hugo - 69002 Lyon"),
    ]
    assert _read(_us_page(extra)).invoice.po_references == ["K-1242/25"]


def test_a_date_of_supply_is_not_the_issue_date() -> None:
    page = _head() + _totals(100, "100.00", "9.00", "109.00")
    page[3] = T(15, 55, "Credit note no.:  GS-25/7530          Date of supply:  12 October 2025")
    page[4] = T(15, 61, "Date:  14 October 2025")
    assert str(_read(_pdf(page)).invoice.invoice_date) == "2025-10-14"
