"""Pages as renderers of e-invoices lay them out (the KoSIT XRechnung visualization and its like):
label/value boxes in two columns, a type code where a letter has a title, totals in a table."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from tests.extract.test_unseen_layouts import T, _pdf, _read


def _totals_table(y: float, rows: list[tuple[str, str, str]]) -> list[T]:
    """Rows of a renderer's totals table: label, "netto"/"brutto", the amount right-aligned."""
    page: list[T] = []
    for n, (label, kind, amount) in enumerate(rows):
        at = y + 5 * n
        page += [T(20, at, label, size=9), T(140, at, kind, size=9), T(190, at, amount, True, 9)]
    return page


def _head(seller: str = "Frischdienst Nord KG") -> list[T]:
    """An invoice's number, date and seller, in label: value lines above its items."""
    page = [T(20, 20, "Rechnungsnummer: R-2024-311"), T(20, 26, "Rechnungsdatum: 30.06.2024")]
    return page + [T(20, 32, f"Firmenname: {seller}")]


def _overview(seller: list[str], type_code: str, extra: list[T]) -> bytes:
    """The overview page: the seller's box and the invoice data in label/value rows, the right
    column of the page beside them, then the totals table."""
    page = [T(20, 20, "Informationen zum Verkäufer", size=9), T(20, 28, "Firmenname:", size=7)]
    page += [T(48, 28 + 4 * n, part, size=9) for n, part in enumerate(seller)]
    page += [T(110, 28, "Ländercode:", size=7), T(138, 28, "DE", size=9)]
    page += [T(110, 32, "Telefon:", size=7), T(138, 32, "+49 30 1234", size=9)]
    page += [T(20, 40, "Adresszeile 1:", size=7), T(48, 40, "Hauptstraße 4", size=9)]
    page += [T(20, 55, "Rechnungsdaten", size=9)]
    page += [T(20, 62, "Rechnungsnummer:", size=7), T(48, 62, "RE-2024-311", size=9)]
    page += [T(110, 62, "Rechnungsart:", size=7), T(138, 62, type_code, size=9)]
    page += [T(20, 67, "Rechnungsdatum:", size=7), T(48, 67, "4.4.2024", size=9)]
    page += [T(110, 67, "Währung:", size=7), T(138, 67, "EUR", size=9)]
    page += [T(20, 85, "Gesamtbeträge der Rechnung", size=9)]
    page += _totals_table(
        92,
        [
            ("Summe aller Positionen", "netto", "200,00"),
            ("Gesamtsumme", "netto", "200,00"),
            ("Summe Umsatzsteuer", "", "38,00"),
            ("Gesamtsumme", "brutto", "238,00"),
            ("Fälliger Betrag", "brutto", "238,00"),
        ],
    )
    page += [T(20, 130, "Umsatzsteuer-ID:", size=7), T(48, 130, "DE 123456789", size=9)]
    return _pdf(page + extra)


def test_a_credit_notes_type_code_makes_it_a_credit_note() -> None:
    credit = _read(_overview(["Frischdienst Nord KG"], "381", [])).invoice
    invoice = _read(_overview(["Frischdienst Nord KG"], "380", [])).invoice
    assert (credit.document_type, invoice.document_type) == ("credit_note", "invoice")
    assert (credit.invoice_number, credit.total_incl_tax) == ("RE-2024-311", Decimal("238.00"))


def test_a_name_wrapped_in_its_box_keeps_its_legal_form() -> None:
    seller = ["Reinigungsdienst Franke UG", "(haftungsbeschränkt)"]
    result = _read(_overview(seller, "380", [])).invoice
    assert result.supplier_name == "Reinigungsdienst Franke UG (haftungsbeschränkt)"
    assert result.supplier_tax_id == "DE123456789"


def test_a_name_is_not_joined_to_another_party_below_it() -> None:
    page = [T(20, 20, "Alpha Küchen GmbH", size=12), T(20, 25, "Beta Hotels Ltd.")]
    page += [T(20, 30, "Main Road 1")]
    page += [T(20, 45, "Rechnung Nr. 4471"), T(20, 51, "Datum: 14.03.2024")]
    page += [T(20, 70, "Gesamtbetrag"), T(190, 70, "119,00 EUR", right=True)]
    assert _read(_pdf(page)).invoice.supplier_name == "Alpha Küchen GmbH"


def test_a_purchase_order_reference_in_german() -> None:
    extra = [T(20, 72, "Bestellreferenz:", size=7), T(48, 72, "PO-88213", size=9)]
    assert _read(_overview(["Frischdienst Nord KG"], "380", extra)).invoice.po_references == [
        "PO-88213"
    ]


def test_a_compound_title_with_its_type_code_before_the_number() -> None:
    page = [T(20, 20, "Lieferant GmbH", size=12), T(20, 26, "Lieferantenstraße 20, 80333 München")]
    page += [T(20, 45, "Handelsrechnung (380) Nr. 471102 vom 05.03.2018", size=14)]
    page += [T(20, 70, "Gesamtbetrag brutto"), T(190, 70, "529,87", right=True)]
    result = _read(_pdf(page)).invoice
    assert (result.invoice_number, str(result.invoice_date)) == ("471102", "2018-03-05")
    assert result.document_type == "invoice"


def test_a_seller_heading_over_its_block_in_a_two_column_head() -> None:
    """A "Provider" heading over the seller's block, the dates column beside both (a line with a
    date holds no name, but a heading's block under it does); amounts glued to "Kč"; a VAT
    breakdown under the items, its last row sharing its line with the total."""
    page = [T(15, 15, "Taxable invoice num.: FV-966/20", size=8)]
    page += [T(15, 22, "Provider", size=12), T(110, 22, "Date of exposure: Mar 11, 2026", size=8)]
    page += [
        T(15, 28, "Brno Beverages s.r.o.", size=8),
        T(110, 28, "Due date: Mar 25, 2026", size=8),
    ]
    page += [T(15, 32, "Industrial park 7", size=8), T(15, 36, "60200 Brno", size=8)]
    page += [T(110, 45, "Customer", size=12), T(110, 51, "Restaurant U Fleku", size=8)]
    page += [T(15, 60, "Payment information", size=8), T(110, 60, "11000 Praha", size=8)]
    heads = [(15, "Description"), (88, "Units"), (103, "Price per one"), (130, "Total price")]
    page += [T(x, 80, h, size=7) for x, h in heads]
    rows = [
        ("Dish soap 10 l", "1 pcs", "Kč374.56", "Kč374.56"),
        ("Beef fillet", "5 kg", "Kč182.15", "Kč910.75"),
    ]
    for n, (desc, units, price, total) in enumerate(rows):
        y = 86 + 5 * n
        page += [T(15, y, desc, size=7), T(100, y, units, True, 7), T(125, y, price, True, 7)]
        page += [T(149, y, total, True, 7)]
    page += [
        T(15, 100, "Breakdown VAT", size=6),
        T(15, 104, "VAT rate   Tax   Without VAT", size=6),
    ]
    page += [T(15, 108, "0.00%   Kč0.00   Kč1,285.31", size=6)]
    page += [T(110, 108, "Total with tax: Kč1,285.31", size=11)]
    result = _read(_pdf(page)).invoice
    assert result.supplier_name == "Brno Beverages s.r.o."
    assert result.total_incl_tax == Decimal("1285.31")
    assert [(i.description, i.total) for i in result.line_items] == [
        ("Dish soap 10 l", Decimal("374.56")),
        ("Beef fillet", Decimal("910.75")),
    ]


def test_the_vat_id_in_a_rechnung_an_block_is_the_buyers() -> None:
    """Buyer and seller blocks side by side, each with its VAT id under the same label."""
    page = [T(110, 15, "Rechnung", size=16), T(110, 22, "Rechnungsnummer: R90227")]
    page += [T(110, 28, "Datum: 03.09.2024")]
    blocks = [
        ("Rechnung an:", "Rechnungssteller:"),
        ("The Red Lion", "Sunrise Bakery Ltd"),
        ("12 Quay Street", "4 Market Road"),
        ("USt-IdNr.:", "USt-IdNr.:"),
        ("IE7445240A", "GB560513749"),
    ]
    for n, (left, right) in enumerate(blocks):
        page += [T(15, 45 + 5 * n, left), T(110, 45 + 5 * n, right)]
    page += [T(110, 90, "Gesamtbetrag"), T(190, 90, "2217.66 EUR", right=True)]
    result = _read(_pdf(page)).invoice
    assert (result.supplier_tax_id, result.supplier_name) == ("GB560513749", "Sunrise Bakery Ltd")


def _item_table(
    heads: list[T], cells: Sequence[tuple[float, bool]], rows: Sequence[tuple[str, ...]]
) -> bytes:
    """A short invoice whose item table has ``heads`` and a row per entry of ``rows``, each
    value at the (x, right-aligned) of ``cells``, and its total under it."""
    page = [T(15, 20, "Bean There Coffee Co.", size=14), T(15, 30, "Invoice id: 48354")]
    page += [T(15, 36, "Invoice date: 2024-03-05")]
    page += [T(h.x, 60, h.text) for h in heads]
    for n, values in enumerate(rows):
        page += [T(x, 67 + 6 * n, v, right) for (x, right), v in zip(cells, values, strict=True)]
    total = sum(Decimal(r[-1]) for r in rows)
    page += [T(150, 90, "Total"), T(190, 90, str(total), right=True)]
    return _pdf(page)


def test_a_name_column_beside_a_description_column_names_the_item() -> None:
    heads = [T(20, 0, "Name"), T(50, 0, "Description"), T(110, 0, "Units")]
    heads += [T(140, 0, "Unit Price"), T(175, 0, "Amount")]
    cells = [(20, False), (50, False), (115, True), (160, True), (190, True)]
    rows = [
        ("Salmon fillet", "Fresh, per kg", "2", "3.22", "6.44"),
        ("Delivery", "Same-day", "1", "91.47", "91.47"),
    ]
    items = _read(_item_table(heads, cells, rows)).invoice.line_items
    assert [(i.description, i.total) for i in items] == [
        ("Salmon fillet Fresh, per kg", Decimal("6.44")),
        ("Delivery Same-day", Decimal("91.47")),
    ]


def test_the_totals_that_add_up_exactly_beat_a_breakdown_row_within_rounding() -> None:
    """A VAT breakdown under the totals: one rate's base and a tax of 0,02 add up to a gross
    equal to the net by tolerance only; another rate's tax is two cents off the total tax."""
    page = _head()
    rows = [
        ("Summe aller Positionen", "netto", "183,68"),
        ("Summe Nachlässe", "netto", "5,51"),
        ("Gesamtsumme", "netto", "178,17"),
        ("Summe Umsatzsteuer", "", "33,81"),
        ("Gesamtsumme", "brutto", "211,98"),
        ("Fälliger Betrag", "brutto", "211,98"),
        ("Gesamtsumme", "netto", "0,32"),
        ("Umsatzsteuersatz", "", "7"),
        ("Umsatzsteuerbetrag", "", "0,02"),
        ("Gesamtsumme", "netto", "177,85"),
        ("Umsatzsteuersatz", "", "19"),
        ("Umsatzsteuerbetrag", "", "33,79"),
    ]
    page += _totals_table(50, rows[:6]) + _totals_table(86, rows[6:])
    result = _read(_pdf(page)).invoice
    totals = (result.total_excl_tax, result.tax_amount, result.total_incl_tax)
    assert totals == (Decimal("178.17"), Decimal("33.81"), Decimal("211.98"))


def test_a_card_with_a_line_allowance_and_a_list_price_equal_to_the_net_price() -> None:
    """One unit at 258,55, less a 12,93 allowance: the line's sum is 245,62, not the price."""
    page = _head() + [T(20, 45, "Position 1", size=12)]
    rows = [
        ("Menge", "1"),
        ("Einheit", "XPP"),
        ("Preis pro Einheit (netto)", "258,55"),
        ("Listenpreis (netto)", "258,55"),
        ("Zeilensumme (netto)", "245,62"),
        ("Nachlässe", ""),
        ("Grundbetrag (netto)", "258,55"),
        ("Nachlass (netto)", "12,93"),
    ]
    for n, (label, value) in enumerate(rows):
        page += [T(20, 52 + 5 * n, label, size=9), T(120, 52 + 5 * n, value, True, 9)]
    page += [T(20, 95, "Bezeichnung:", size=7), T(50, 95, "Zeitschrift Gastro aktuell", size=9)]
    page += [T(20, 110, "Gesamtbetrag brutto"), T(190, 110, "262,81", right=True)]
    items = _read(_pdf(page)).invoice.line_items
    assert [
        (" ".join(i.description.split()), i.quantity, i.unit_price, i.total) for i in items
    ] == [("Zeitschrift Gastro aktuell", Decimal("1"), Decimal("258.55"), Decimal("245.62"))]


def test_amounts_printed_with_one_decimal_count_where_the_row_multiplies_out() -> None:
    heads = [T(20, 0, "Name"), T(110, 0, "Units"), T(140, 0, "Unit Price"), T(175, 0, "Amount")]
    cells = [(20, False), (115, True), (160, True), (190, True)]
    rows = [("Table linen", "2", "19.9", "39.8"), ("Espresso beans", "10", "240.59", "2405.90")]
    items = _read(_item_table(heads, cells, rows)).invoice.line_items
    assert [(i.description, i.total) for i in items] == [
        ("Table linen", Decimal("39.8")),
        ("Espresso beans", Decimal("2405.90")),
    ]


def _parties(buyer: T, seller: T, more: list[T]) -> bytes:
    """The buyer's and the seller's boxes, each under a heading ("Informationen zum Käufer"),
    their names after a name label; the invoice data and total under them."""
    page = [T(buyer.x, buyer.y, "Informationen zum Käufer", size=9)]
    page += [T(buyer.x, buyer.y + 6, "Name:", size=7), T(buyer.x + 28, buyer.y + 6, buyer.text)]
    page += [T(buyer.x, buyer.y + 10, "PLZ:", size=7), T(buyer.x + 28, buyer.y + 10, "10115")]
    page += [T(seller.x, seller.y, "Informationen zum Verkäufer", size=9)]
    x, y = seller.x, seller.y
    page += [T(x, y + 6, "Firmenname:", size=7), T(x + 28, y + 6, seller.text)]
    page += [T(x, y + 14, "Ländercode:", size=7), T(x + 28, y + 14, "DE")]
    page += [T(20, 70, "Rechnungsnummer:", size=7), T(48, 70, "RE-77", size=9)]
    page += [T(20, 75, "Rechnungsdatum:", size=7), T(48, 75, "4.4.2024", size=9)]
    page += [T(20, 85, "Gesamtsumme brutto", size=9), T(190, 85, "238,00", True, 9)]
    return _pdf(page + more)


def test_a_seller_section_heading_names_the_seller_under_the_buyers_box() -> None:
    """Section headings that end in the party word ("Informationen zum Verkäufer") head each
    party's box; the buyer's box above, in the same column, ends where the seller's begins (the
    seller's name, with no legal form, was taken for the buyer's and lost to "DE")."""
    pdf = _parties(T(20, 20, "Gasthaus Linde"), T(20, 40, "Stadtwerke Musterstadt"), [])
    assert _read(pdf).invoice.supplier_name == "Stadtwerke Musterstadt"


def test_a_sellers_name_wrapped_beside_the_buyers_box_keeps_its_legal_form() -> None:
    """The boxes side by side, as printed from HTML: the seller's name wraps in its narrow
    column, the legal form alone on the next row, the buyer's wrapped name left of it."""
    more = [T(48, 30, "Hotel Linde"), T(148, 30, "GmbH")]
    pdf = _parties(T(20, 20, "Betriebsgesellschaft"), T(120, 20, "Mustermann"), more)
    assert _read(pdf).invoice.supplier_name == "Mustermann GmbH"


def test_a_cards_second_column_on_a_line_of_its_own_goes_on_with_the_card() -> None:
    """A card split by a page break: on the next page its tax rate sits in the card's right
    column (where its tax category stood) on a line of its own, the price and sum under it (the
    card had been closed there, and the item lost or misread)."""
    first = _head()
    first += [T(20, 250, "Position:", size=9), T(50, 250, "Seminarunterlagen", size=9)]
    first += [T(20, 256, "Preiseinzelheiten", size=9), T(120, 285, "Seite 1 / 2", size=8)]
    second = [T(20, 12, "Bereiche ohne Inhalte werden nicht dargestellt!", size=8)]
    second += [T(20, 20, "Menge", size=9), T(90, 20, "11", True, 9)]
    second += [T(120, 20, "Umsatzsteuer:", size=9), T(160, 20, "S", size=9)]
    second += [T(20, 25, "Einheit", size=9), T(90, 25, "XPP", True, 9)]
    rows = [(120, "Umsatzsteuersatz:", 170, "19,00%")]
    rows += [
        (20, "Preis pro Einheit (netto)", 90, "20,00"),
        (20, "Gesamtpreis (netto)", 90, "220,00"),
    ]
    for n, (x, label, right, value) in enumerate(rows):
        second += [T(x, 30 + 5 * n, label, size=9), T(right, 30 + 5 * n, value, True, 9)]
    second += [T(20, 50, "Bezeichnung:", size=9), T(50, 50, "Seminarunterlagen", size=9)]
    second += [T(20, 60, "Gesamtbetrag brutto"), T(190, 60, "261,80", right=True)]
    items = _read(_pdf(first, second)).invoice.line_items
    assert [
        (" ".join(i.description.split()), i.quantity, i.unit_price, i.total) for i in items
    ] == [("Seminarunterlagen", Decimal("11"), Decimal("20.00"), Decimal("220.00"))]


def test_a_value_right_of_its_own_label_is_not_read_under_another() -> None:
    """The test suite's placeholder number ("Rechnungsnummer:  Rechnungsnummer") is itself a
    label hit, whose value column holds the type code under it: that is "Rechnungsart"'s value,
    no invoice number (the engine answered '380')."""
    page = [T(20, 20, "Informationen zum Verkäufer", size=9)]
    page += [T(20, 26, "Firmenname:", size=7), T(48, 26, "Frischdienst Nord KG")]
    rows = [("Rechnungsnummer:", "Rechnungsnummer"), ("Rechnungsdatum:", "4.4.2024")]
    rows += [("Rechnungsart:", "380")]
    for n, (label, value) in enumerate(rows):
        page += [T(20, 40 + 5 * n, label, size=7), T(48, 40 + 5 * n, value, size=9)]
    page += [T(20, 70, "Gesamtsumme brutto", size=9), T(190, 70, "238,00", True, 9)]
    assert _read(_pdf(page)).invoice.invoice_number is None


def test_a_card_printed_by_a_browser_two_columns_and_a_centred_wrapped_name() -> None:
    """The KoSIT HTML's item as Chromium prints it: free text wrapping in the card's left column
    beside the prices in its right one ("Abonnements   Preis pro Einheit (netto)   288,79"), an
    empty "Freitext:" beside "Menge", and the name wrapped around its label ("Huawei E5573" /
    "Bezeichnung:  Mobiler 4G Hotspot" / "sw")."""
    page = _head()
    page += [T(20, 45, "Position: Hotspot", size=9), T(110, 45, "Preiseinzelheiten", size=9)]
    left = [(50, "Freitext:", ""), (54, "", "Lieferung im Rahmen"), (58, "", "des Abonnements")]
    right = [(50, "Menge", "3"), (54, "Einheit", "XPP"), (58, "Preis pro Einheit (netto)", "71,42")]
    right += [(62, "Gesamtpreis (netto)", "214,26")]
    for y, label, value in left:
        page += [T(20, y, label, size=8), T(50, y, value, size=8)]
    for y, label, value in right:
        page += [T(110, y, label, size=8), T(190, y, value, True, 8)]
    page += [T(50, 76, "Huawei E5573", size=8), T(20, 80, "Bezeichnung:", size=8)]
    page += [T(50, 80, "Mobiler 4G Hotspot", size=8), T(50, 84, "sw", size=8)]
    page += [T(20, 100, "Gesamtbetrag brutto"), T(190, 100, "254,97", right=True)]
    items = _read(_pdf(page)).invoice.line_items
    assert [
        (" ".join(i.description.split()), i.quantity, i.unit_price, i.total) for i in items
    ] == [("Huawei E5573 Mobiler 4G Hotspot sw", Decimal("3"), Decimal("71.42"), Decimal("214.26"))]


def test_a_label_wrapped_under_a_seller_heading_names_no_one() -> None:
    """A seller's heading over a label wrapped in two rows ("Abweichender" / "Handelsname:"): its
    first row is no name (the engine answered "Abweichender" over the letterhead's name)."""
    page = [T(20, 15, "Frischdienst Nord GmbH", size=14)]
    page += [T(20, 30, "Rechnungsnummer:", size=7), T(48, 30, "RE-77", size=9)]
    page += [T(20, 35, "Rechnungsdatum:", size=7), T(48, 35, "4.4.2024", size=9)]
    page += [T(20, 45, "Gesamtsumme brutto", size=9), T(190, 45, "238,00", True, 9)]
    page += [T(20, 60, "Informationen zum Verkäufer", size=9)]
    page += [T(20, 66, "Abweichender", size=7), T(48, 66, "Frischdienst")]
    page += [T(20, 69, "Handelsname:", size=7), T(48, 69, "Nord")]
    assert _read(_pdf(page)).invoice.supplier_name == "Frischdienst Nord GmbH"


def test_a_cards_empty_labelled_rows_keep_it_open() -> None:
    """A card's fields the invoice leaves empty still print their labels ("Rabatt (netto):",
    "Listenpreis (netto):", ...): ten such rows between the amounts and "Bezeichnung:" are the
    card's, not the end of it (the item was lost)."""
    page = _head() + [T(20, 45, "Preiseinzelheiten")]
    rows = [
        ("Menge", "1"),
        ("Preis pro Einheit (netto)", "38,00"),
        ("Gesamtpreis (netto)", "38,00"),
    ]
    for n, (label, value) in enumerate(rows):
        page += [T(20, 52 + 5 * n, label, size=9), T(120, 52 + 5 * n, value, True, 9)]
    empty = ["Rabatt (netto):", "Listenpreis (netto):", "Objektkennung:", "Auftragsposition:"]
    empty += ["Kontierungshinweis:", "Abrechnungszeitraum:", "Von:", "Bis:", "Artikelnummer:"]
    empty += ["Code der Maßeinheit:"]
    page += [T(20, 70 + 5 * n, label, size=9) for n, label in enumerate(empty)]
    page += [T(20, 125, "Bezeichnung:", size=9), T(60, 125, "Miete X", size=9)]
    page += [T(20, 140, "Gesamtbetrag brutto"), T(190, 140, "45,22", right=True)]
    items = _read(_pdf(page)).invoice.line_items
    assert [(i.description, i.quantity, i.total) for i in items] == [
        ("Miete X", Decimal("1"), Decimal("38.00"))
    ]


def test_a_cards_name_that_reads_like_a_price_label_is_its_description() -> None:
    """ "Bezeichnung:  Arbeitspreis Strom  Artikelkennung:": the name holds a price word, and no
    amount follows it, so it is the label's value, not a label of its own (the item was lost)."""
    page = _head("Stadtwerke Nord GmbH") + [T(20, 45, "Preiseinzelheiten")]
    page += [T(20, 50, "Freitext:", size=9), T(50, 50, "Arbeitspreis Strom", size=9)]
    page += [T(110, 50, "Menge", size=9), T(190, 50, "935", True, 9)]
    page += [T(110, 55, "Preis pro Einheit (netto)", size=9), T(190, 55, "0,2185", True, 9)]
    page += [T(110, 60, "Gesamtpreis (netto)", size=9), T(190, 60, "204,30", True, 9)]
    page += [T(20, 75, "Bezeichnung:", size=9), T(50, 75, "Arbeitspreis Strom", size=9)]
    page += [T(110, 75, "Artikelkennung:", size=9)]
    page += [T(20, 90, "Gesamtbetrag brutto"), T(190, 90, "243,12", right=True)]
    items = _read(_pdf(page)).invoice.line_items
    assert [(i.description, i.quantity, i.total) for i in items] == [
        ("Arbeitspreis Strom", Decimal("935"), Decimal("204.30"))
    ]


def test_a_label_value_wrapped_onto_a_row_that_ends_in_the_legal_form() -> None:
    """ "Firmenname:  M. Meier" / "Handwerk GbR": a label's value wraps whole in its column, the
    legal form at the end of the next row (the engine answered "M. Meier")."""
    pdf = _parties(
        T(20, 20, "Gasthaus Linde"), T(120, 20, "M. Meier"), [T(148, 30, "Handwerk GbR")]
    )
    assert _read(pdf).invoice.supplier_name == "M. Meier Handwerk GbR"


def test_a_label_and_its_value_are_no_table_heading() -> None:
    """ "Bezeichnung:  Arbeitspreis Strom" names a description and a price, as a heading row
    would: but a label and its value are no heading (the next card's lines became junk items,
    "Preis pro Einheit (netto)" at 0,22). The price is printed rounded, as FOP prints it."""
    page = _head("Stadtwerke Nord GmbH")
    for n in range(2):
        y = 45 + 40 * n
        page += [T(20, y, "Preiseinzelheiten", size=9)]
        page += [T(20, y + 5, "Menge", size=9), T(120, y + 5, "935", True, 9)]
        page += [
            T(20, y + 10, "Preis pro Einheit (netto)", size=9),
            T(120, y + 10, "0,22", True, 9),
        ]
        page += [T(20, y + 15, "Gesamtpreis (netto)", size=9), T(120, y + 15, "204,30", True, 9)]
        page += [T(20, y + 25, "Bezeichnung:", size=9), T(60, y + 25, "Arbeitspreis Strom", size=9)]
    page += [T(20, 140, "Gesamtbetrag brutto"), T(190, 140, "486,23", right=True)]
    items = _read(_pdf(page)).invoice.line_items
    assert [(i.description, i.quantity, i.total) for i in items] == [
        ("Arbeitspreis Strom", Decimal("935"), Decimal("204.30"))
    ] * 2


def test_a_corrections_title_over_its_number_and_the_invoice_it_refers_to() -> None:
    """A corrected invoice's renderer prints its title, its own number under it, and the invoice
    it corrects after "Bezug:": that number is another document's; the credit's amount is the
    gross."""
    page = [T(15, 15, "Rechnungskorrektur (Gutschrift)", size=14), T(15, 22, "GS2598909")]
    page += [T(15, 32, "Rechnungssteller"), T(110, 32, "Rechnungsempfänger")]
    page += [T(15, 37, "Kessler Frischdienst GmbH"), T(110, 37, "Brauhaus am Markt GmbH")]
    page += [
        T(15, 42, "USt-IdNr.: DE572890297"),
        T(15, 50, "Bezug: Rechnung RE-075187 vom 22.10.2025"),
    ]
    page += [T(15, 55, "Rechnungsdatum: 10.11.2025"), T(15, 70, "Nettobetrag")]
    page += [T(195, 70, "100.00 EUR", True), T(15, 75, "Umsatzsteuer 19.00% auf 100.00 EUR")]
    page += [
        T(195, 75, "19.00 EUR", True),
        T(15, 80, "Gutschriftbetrag"),
        T(195, 80, "119.00 EUR", True),
    ]
    result = _read(_pdf(page))
    assert (result.invoice.invoice_number, result.invoice.document_type) == (
        "GS2598909",
        "credit_note",
    )
    assert result.invoice.total_incl_tax == Decimal("119.00")
    assert result.confidence["total_incl_tax"] == 0.95


def test_italian_party_headings_cedente_and_cessionario() -> None:
    """ "CEDENTE" over the seller, "CESSIONARIO" over the buyer (FatturaPA's words): the buyer's
    name and VAT id under its heading are not the seller's."""
    page = [T(15, 15, "Fattura", size=14), T(15, 21, "FT-2024-4917")]
    page += [T(15, 30, "CEDENTE"), T(110, 30, "CESSIONARIO")]
    page += [T(15, 35, "Caseificio Esposito S.r.l."), T(110, 35, "HOTEL BELLAVISTA")]
    page += [T(15, 40, "Via Ripamonti 88"), T(110, 40, "Via Stalingrado 70")]
    page += [T(15, 45, "20139 Milano"), T(110, 45, "P. IVA IT04153470085")]
    page += [T(15, 55, "Data fattura: 23.10.2024"), T(15, 70, "Totale documento")]
    page += [T(195, 70, "122,00 EUR", True), T(60, 280, "Partita IVA: IT68390470034")]
    invoice = _read(_pdf(page)).invoice
    assert invoice.supplier_name == "Caseificio Esposito S.r.l."
    assert invoice.supplier_tax_id == "IT68390470034"


def _xrechnung_head(number: str, date: str) -> list[T]:
    """django-xrechnung's page head and its item table's headings (at 45 mm)."""
    page = [T(15, 15, f"Rechnung {number}", size=14), T(15, 22, f"Rechnungsdatum: {date}")]
    page += [T(15, 30, "Kessler Frischdienst GmbH")]
    heads = ((15, "Pos."), (25, "Leistung"), (105, "Menge"), (120, "Einzelpreis EUR"))
    heads += ((160, "USt."), (180, "Netto EUR"))
    return [*page, *(T(x, 45, text) for x, text in heads)]


def test_a_renderers_item_table_with_currency_headings_and_units_wrapped_under_quantities() -> None:
    """ "Netto EUR" heads the line totals (the code qualifies the heading); each unit is printed
    under its quantity, on the description's second line ("pauschal" is no description); the
    row number 9 times the quantity 0.500 makes 4.50, but the columns say 0.500 x 8.99; "Sum of
    lines" under the rows is no item."""
    page = _xrechnung_head("RE-2025-4309", "10.11.2025")
    rows = (
        ("8", "Schädlingsbekämpfung Kontrolle,", "2.000", "374.89", "749.78", "pauschal"),
        ("9", "Parmesan, 24 Monate gereift", "0.500", "8.99", "4.50", "kg"),
    )
    y = 52.0
    for pos, text, qty, price, total, unit in rows:
        page += [T(15, y, pos), T(25, y, text), T(115, y, qty, True), T(150, y, price, True)]
        page += [T(160, y, "19.00%"), T(195, y, total, True), T(115, y + 5, unit, True)]
        if unit == "pauschal":
            page.append(T(25, y + 5, "gemäß Rahmenvertrag"))
        y += 12
    page += [T(25, y, "Sum of lines"), T(195, y, "754.28", True), T(25, y + 6, "Nettobetrag")]
    page += [T(195, y + 6, "754.28", True), T(25, y + 12, "Umsatzsteuer 19.00%")]
    page += [T(195, y + 12, "143.31", True), T(25, y + 18, "Rechnungsbetrag")]
    page += [T(195, y + 18, "897.59", True)]
    items = _read(_pdf(page)).invoice.line_items
    assert [
        (" ".join(i.description.split()), i.quantity, i.unit_price, i.total) for i in items
    ] == [
        (
            "Schädlingsbekämpfung Kontrolle, gemäß Rahmenvertrag",
            Decimal("2.000"),
            Decimal("374.89"),
            Decimal("749.78"),
        ),
        ("Parmesan, 24 Monate gereift", Decimal("0.500"), Decimal("8.99"), Decimal("4.50")),
    ]
    assert items[0].unit == "pauschal"


def test_a_line_allowance_already_in_the_line_total_and_a_unit_under_the_quantity() -> None:
    """django-xrechnung prints each unit under its quantity on the description's second line
    ("Wäscheservice  Stk." reads like a heading: Leistung, Menge) and a line's allowance under
    it, "im Positionsbetrag enthalten": 26 x 1.20 = 31.20 less 0.94 is the 30.26 printed, so the
    allowance is no item and no part of the description."""
    page = _xrechnung_head("202562412", "03.02.2025")
    rows = (
        ("1", ("Badetuch 70 x 140 cm,", "Wäscheservice"), "33.000", "1.22", "40.26", None),
        ("2", ("Bettwäsche-Set gewaschen und", "gemangelt"), "26.000", "1.2", "30.26", "-0.94"),
        ("3", ("Nitrilhandschuhe Gr. L", ""), "30.000", "3.59", "107.70", None),
    )
    y = 52.0
    for pos, (text, more), qty, price, total, allowance in rows:
        page += [T(15, y, pos), T(25, y, text), T(115, y, qty, True), T(150, y, price, True)]
        page += [T(160, y, "19.00%"), T(195, y, total, True), T(115, y + 5, "Stk.", True)]
        if more:
            page.append(T(25, y + 5, more))
        y += 12
        if allowance:
            page += [T(28, y, "Abschlag: Mengenrabatt (im"), T(195, y, allowance, True)]
            page += [T(28, y + 5, "Positionsbetrag enthalten)")]
            y += 12
    page += [T(25, y, "Nettobetrag"), T(195, y, "178.22 EUR", True)]
    page += [T(25, y + 6, "Umsatzsteuer 19.00%"), T(195, y + 6, "33.86 EUR", True)]
    page += [T(25, y + 12, "Zahlbetrag"), T(195, y + 12, "212.08 EUR", True)]
    items = _read(_pdf(page)).invoice.line_items
    assert [(" ".join((i.description or "").split()), i.total) for i in items] == [
        ("Badetuch 70 x 140 cm, Wäscheservice", Decimal("40.26")),
        ("Bettwäsche-Set gewaschen und gemangelt", Decimal("30.26")),
        ("Nitrilhandschuhe Gr. L", Decimal("107.70")),
    ]
