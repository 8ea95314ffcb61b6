"""Invoices written in a word processor (LibreOffice), each as a small PDF: a meta table whose
headings wrap, the buyer's reference under its national names, a number series printed apart,
credit notes that name the invoice they correct, VAT ids printed without their country."""

from __future__ import annotations

from decimal import Decimal

from bot.extract.vat import find_vat_ids
from tests.extract.test_unseen_layouts import T, _pdf, _read


def _head(*meta: T, seller: str = "Bebidas del Mediterráneo S.L.", vat: str = "") -> list[T]:
    """Letterhead, buyer, title, the given meta cells and one item with its totals."""
    return [
        T(15, 15, seller, size=14),
        T(15, 21, "Polígono Industrial Sur, nave 8 · 46470 Valencia", size=9),
        *([T(15, 26, vat, size=9)] if vat else []),
        T(15, 40, "Mesón del Puerto S.A.", size=10),
        T(15, 45, "Calle Sierpes, 6 · 41004 Sevilla", size=10),
        T(15, 58, "Factura", size=14),
        *meta,
        T(15, 100, "Descripción", size=9),
        T(120, 100, "Cantidad", size=9),
        T(150, 100, "Precio", size=9),
        T(190, 100, "Total", right=True, size=9),
        T(15, 106, "Zumo de manzana 1 l", size=9),
        T(135, 106, "150", right=True, size=9),
        T(165, 106, "1,90", right=True, size=9),
        T(190, 106, "285,00", right=True, size=9),
        T(140, 118, "Base imponible", size=9),
        T(190, 118, "285,00 €", right=True, size=9),
        T(140, 124, "IVA 10%", size=9),
        T(190, 124, "28,50 €", right=True, size=9),
        T(140, 130, "Total factura", size=9),
        T(190, 130, "313,50 €", right=True, size=9),
    ]


def test_an_order_number_two_rows_under_its_heading_in_a_table_whose_headings_wrap() -> None:
    """ "Número de / factura" and "Fecha de / entrega" wrap in their cells: every value of the
    row stands two rows under "Su pedido"."""
    meta = [
        T(15, 68, "Número de", size=9),
        T(55, 68, "Fecha factura", size=9),
        T(95, 68, "Fecha de", size=9),
        T(135, 68, "Su pedido", size=9),
        T(15, 72, "factura", size=9),
        T(95, 72, "entrega", size=9),
        T(15, 77, "A-2026-3270", size=9),
        T(55, 77, "12/05/2026", size=9),
        T(95, 77, "08/05/2026", size=9),
        T(135, 77, "5490/26", size=9),
    ]
    assert _read(_pdf(_head(*meta))).invoice.po_references == ["5490/26"]


def test_the_buyers_reference_is_the_order_only_where_no_order_label_names_one() -> None:
    for label in ("Su referencia:", "Uw kenmerk:", "Ihr Zeichen:"):
        meta = [T(110, 68, label, size=9), T(150, 68, "PO-2025-0563", size=9)]
        assert _read(_pdf(_head(*meta))).invoice.po_references == ["PO-2025-0563"], label
    meta = [
        T(110, 68, "Ihr Zeichen:", size=9),
        T(150, 68, "AB-312", size=9),
        T(110, 74, "Pedido cliente:", size=9),
        T(150, 74, "4500437110", size=9),
    ]
    assert _read(_pdf(_head(*meta))).invoice.po_references == ["4500437110"]


def test_a_number_series_printed_apart_and_a_credit_note_naming_its_invoice() -> None:
    meta = [T(110, 68, "Fattura n.", size=9), T(150, 68, "FT 8685/2025", size=9)]
    assert _read(_pdf(_head(*meta))).invoice.invoice_number == "FT 8685/2025"
    meta = [
        T(15, 64, "NOTA DI CREDITO", size=12),
        T(15, 70, "Nota di credito n.:", size=9),
        T(60, 70, "NC 3689/2026", size=9),
        T(15, 76, "Fattura di riferimento:", size=9),
        T(60, 76, "FT 5074/2026", size=9),
        T(15, 84, "(relativa alla fattura n. FT 5074/2026 del 16/05/2026)", size=9),
    ]
    invoice = _read(_pdf(_head(*meta))).invoice
    assert (invoice.document_type, invoice.invoice_number) == ("credit_note", "NC 3689/2026")


def test_vat_ids_printed_without_their_country_where_a_label_names_them() -> None:
    cases = {
        "CIF: B-69816452": "B69816452",
        "P. IVA: 06756960024": "06756960024",
        "VAT No.: 680 9465 01": "680946501",
        "VAT: 67-6561159": "67-6561159",  # a US EIN under a "VAT" label
    }
    for printed, wanted in cases.items():
        assert _read(_pdf(_head(vat=printed))).invoice.supplier_tax_id == wanted, printed


def test_an_italian_code_column_and_a_total_tax_after_a_vat_summary() -> None:
    """ "Codice | Articolo | Quantità | Prezzo un. | Totale", then "Riepilogo IVA" per rate and
    "Totale imponibile / Totale imposta / Totale fattura"."""
    cells = [
        T(15, 15, "Ingrosso Alimentari Rossi S.r.l.", size=14),
        T(15, 30, "Fattura n. 7781/2026", size=11),
        T(15, 60, "Codice", size=9),
        T(40, 60, "Articolo", size=9),
        T(120, 60, "Quantità", size=9),
        T(150, 60, "Prezzo un.", size=9),
        T(190, 60, "Totale", right=True, size=9),
        T(15, 66, "2807", size=9),
        T(40, 66, "Prosecco DOC Treviso Extra Dry", size=9),
        T(135, 66, "8", right=True, size=9),
        T(165, 66, "6,43", right=True, size=9),
        T(190, 66, "51,44", right=True, size=9),
        T(15, 72, "2816", size=9),
        T(40, 72, "Parmigiano Reggiano 24 mesi", size=9),
        T(135, 72, "2", right=True, size=9),
        T(165, 72, "19,13", right=True, size=9),
        T(190, 72, "38,26", right=True, size=9),
        T(15, 84, "Riepilogo IVA", size=9),
        T(15, 90, "Aliquota", size=9),
        T(60, 90, "Imponibile", size=9),
        T(100, 90, "Imposta", size=9),
        T(15, 96, "4%", size=9),
        T(75, 96, "38,26", right=True, size=9),
        T(115, 96, "1,53", right=True, size=9),
        T(15, 102, "22%", size=9),
        T(75, 102, "51,44", right=True, size=9),
        T(115, 102, "11,32", right=True, size=9),
        T(120, 112, "Totale imponibile", size=9),
        T(190, 112, "89,70 €", right=True, size=9),
        T(120, 118, "Totale imposta", size=9),
        T(190, 118, "12,85 €", right=True, size=9),
        T(120, 124, "Totale fattura", size=9),
        T(190, 124, "102,55 €", right=True, size=9),
    ]
    invoice = _read(_pdf(cells)).invoice

    assert [(i.product_code, i.description) for i in invoice.line_items] == [
        ("2807", "Prosecco DOC Treviso Extra Dry"),
        ("2816", "Parmigiano Reggiano 24 mesi"),
    ]
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("89.70"),
        Decimal("12.85"),
        Decimal("102.55"),
    )


def test_a_german_tax_number_where_no_vat_id_is_printed() -> None:
    for printed, wanted in {
        "Steuernummer: 729/107/40155": "729/107/40155",
        "Steuer-Nr.: 38/102/79701": "38/102/79701",
    }.items():
        assert _read(_pdf(_head(vat=printed))).invoice.supplier_tax_id == wanted, printed


def test_sender_and_recipient_blocks_side_by_side() -> None:
    """Typst's invoice-maker: "Ontvanger" (the buyer) left, "Afzender" (the seller) right, each
    with its VAT id, the buyer's first."""
    cells = [
        T(80, 15, "Factuur", size=14),
        T(80, 22, "Factuurnummer:   20241006-92", size=9),
        T(80, 27, "Factuurdatum:    2024-10-06", size=9),
        T(15, 40, "Ontvanger", size=9),
        T(110, 40, "Afzender", size=9),
        T(15, 45, "Hotel Ambiorix NV", size=9),
        T(110, 45, "Horeca Distribution Peeters BV", size=9),
        T(15, 50, "Grote Markt 8, 2000 Antwerpen", size=9),
        T(110, 50, "Rue de la Gare 8, 9000 Gent", size=9),
        T(15, 55, "BE0184011070", size=9),
        T(110, 55, "BE0759838675", size=9),
        T(15, 70, "Omschrijving", size=9),
        T(120, 70, "Aantal", size=9),
        T(150, 70, "Prijs", size=9),
        T(190, 70, "Totaal", right=True, size=9),
        T(15, 76, "Zalmfilet met vel", size=9),
        T(130, 76, "2.5", right=True, size=9),
        T(160, 76, "19.26", right=True, size=9),
        T(190, 76, "48.15", right=True, size=9),
        T(150, 86, "Totaal:", size=9),
        T(190, 86, "48.15 €", right=True, size=9),
    ]
    invoice = _read(_pdf(cells)).invoice
    assert (invoice.supplier_name, invoice.supplier_tax_id) == (
        "Horeca Distribution Peeters BV",
        "BE0759838675",
    )


def test_the_cheap_test_before_the_national_id_search_lets_every_label_spelling_through() -> None:
    """The substring test that spares most lines the search must hold for every match: dotted
    "N.I.F." and a lower-case "Steuernr." too."""
    lines = {"N.I.F.: B13074125": "B13074125", "Steuernr.: 38/102/79701": "38/102/79701"}
    for line, wanted in lines.items():
        assert [v.value for v in find_vat_ids(line)] == [wanted], line
