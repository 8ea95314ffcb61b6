"""Labels set as headings and values they must not take (issue 12), each as a small PDF read by
the whole local parser."""

from __future__ import annotations

from bot.extract.parse import parse_pages
from tests.extract.test_unseen_layouts import T, _pdf, _read


def _rows(*rows: tuple[float, list[tuple[float, str]]]) -> list[T]:
    return [T(x, y, text) for y, cells in rows for x, text in cells]


def _items_and_totals(y: float) -> list[T]:
    return _rows(
        (y, [(15, "MENGE"), (40, "BESCHREIBUNG"), (120, "EINZELPREIS"), (170, "GESAMTPREIS")]),
        (y + 6, [(15, "10"), (40, "Klarspüler 5 l"), (120, "5,19 €"), (170, "51,90 €")]),
        (y + 12, [(15, "2"), (40, "Wäscheservice"), (120, "24,05 €"), (170, "48,10 €")]),
        (y + 20, [(130, "ZWISCHENSUMME"), (170, "100,00 €")]),
        (y + 26, [(130, "UST. 19 %"), (170, "19,00 €")]),
        (y + 32, [(130, "GESAMT"), (170, "119,00 €")]),
    )


def test_a_salespersons_column_in_a_row_of_field_headings_names_no_seller() -> None:
    """ "VERKÄUFER  AUFTRAG  ZAHLUNGSBEDINGUNGEN  FÄLLIG AM" heads a row of details (a US-style
    template in German: the salesperson, the job, the terms): the cell beside "Verkäufer" is
    the next heading, not the selling company."""
    page = _rows(
        (20, [(15, "Brandt Getränke GmbH & Co. KG"), (160, "RECHNUNG")]),
        (27, [(15, "Viktualienmarkt 3"), (130, "Rechnungsnr."), (165, "RE2511-214")]),
        (33, [(15, "80331 München"), (130, "Datum"), (165, "21.11.2025")]),
        (39, [(15, "USt-ID: DE586327062")]),
        (55, [(15, "AN")]),
        (61, [(20, "Hotel Seeblick GmbH")]),
        (67, [(20, "Großer Grasbrook 16, 20457 Hamburg")]),
        (
            85,
            [(15, "VERKÄUFER"), (70, "AUFTRAG"), (110, "ZAHLUNGSBEDINGUNGEN"), (165, "FÄLLIG AM")],
        ),
        (91, [(17, "J. Carter"), (130, "7 Tage netto"), (165, "28.11.2025")]),
    )
    invoice = _read(_pdf(page + _items_and_totals(110))).invoice

    assert invoice.supplier_name == "Brandt Getränke GmbH & Co. KG"


def test_a_corrective_invoices_number_labelled_rectificativa_n() -> None:
    """ "Rectificativa n.º R/3515/2024" numbers a Spanish corrective invoice; the customer
    number under it is no invoice number."""
    page = _rows(
        (15, [(15, "FACTURA RECTIFICATIVA")]),
        (
            30,
            [
                (15, "Suministros Hosteleros Martínez S.L."),
                (125, "Rectificativa n.º"),
                (160, "R/3515/2024"),
            ],
        ),
        (36, [(15, "Calle de Embajadores 181"), (125, "Fecha de factura"), (160, "20/12/2024")]),
        (42, [(15, "28053 Madrid"), (125, "N.º cliente"), (160, "K-21370")]),
        (48, [(15, "CIF: B69130193")]),
        (70, [(15, "Descripción"), (110, "Cant."), (135, "Precio unit."), (170, "Importe")]),
        (76, [(15, "Vino tinto de la casa, 0,75 l"), (110, "40"), (135, "18,69"), (170, "747,60")]),
        (86, [(135, "Base imponible"), (170, "747,60")]),
        (92, [(135, "IVA 21 %"), (170, "157,00")]),
        (98, [(135, "Total"), (170, "904,60")]),
    )
    invoice = _read(_pdf(page)).invoice

    assert invoice.invoice_number == "R/3515/2024"


def test_an_italian_order_reference_with_an_elided_article() -> None:
    """ "Vostro ordine d'acquisto: ORD35589" (the article elided before a vowel) names the PO."""
    page = _rows(
        (20, [(15, "Caseificio Bianchi S.n.c."), (130, "Numero fattura: F2024/6733")]),
        (26, [(15, "Via Garibaldi 123, Bologna"), (130, "Data: 14/08/2024")]),
        (50, [(15, "Descrizione"), (110, "Quantità"), (140, "Prezzo"), (170, "Totale")]),
        (56, [(15, "Riso basmati"), (110, "4"), (140, "3,81"), (170, "15,24")]),
        (66, [(140, "Imponibile"), (170, "15,24")]),
        (72, [(140, "IVA 22%"), (170, "3,35")]),
        (78, [(140, "Totale"), (170, "18,59")]),
        (95, [(15, "Vostro ordine d'acquisto: ORD35589")]),
    )
    invoice = _read(_pdf(page)).invoice

    assert invoice.po_references == ["ORD35589"]


def test_the_vat_id_under_a_return_address_wrapped_over_two_rows_is_the_addressees() -> None:
    """A letter's return address too long for its line wraps ("... • 81558" / "München"); the
    address block after the gap under it is still the addressee's, and so is its VAT id."""
    page = _rows(
        (20, [(15, "Obst & Gemüse Weber UG (haftungsbeschränkt) • Am Großmarkt 114 • 81558")]),
        (25, [(15, "München")]),
        (37, [(15, "Grand Hotel Bellevue")]),
        (43, [(15, "Industriestraße 36")]),
        (49, [(15, "72071 Tübingen")]),
        (55, [(15, "USt-IdNr: DE305662528")]),
        (75, [(15, "Rechnung Nr. R429521"), (150, "München, 24.09.2024")]),
        (85, [(15, "Pos."), (30, "Beschreibung"), (170, "Preis")]),
        (91, [(15, "1."), (30, "Frottiertuch 70 x 140 cm"), (170, "337,68 €")]),
        (101, [(140, "Summe:"), (170, "337,68 €")]),
        (107, [(140, "19% MwSt.:"), (170, "64,16 €")]),
        (113, [(140, "Gesamt:"), (170, "401,84 €")]),
        (140, [(15, "Steuernummer: 65/321/15554")]),
        (146, [(15, "USt-IdNr: DE301847449")]),
    )
    invoice = _read(_pdf(page)).invoice

    assert invoice.supplier_tax_id == "DE301847449"


def test_a_czech_buyers_vat_id_labelled_in_the_genitive() -> None:
    """ "DIČ odběratele" (the buyer's VAT id: "odběratel" declined) is no seller's id."""
    page = _rows(
        (15, [(15, "Gastro Novák s.r.o. · Nádražní 133 · 170 00 Praha 7")]),
        (25, [(15, "Restaurace U Zlatého lva a.s."), (110, "Číslo faktury"), (165, "2025001227")]),
        (31, [(15, "Průmyslová 36"), (110, "Datum vystavení"), (165, "6. 8. 2025")]),
        (37, [(15, "702 00 Ostrava"), (110, "DIČ kupujícího"), (165, "CZ50032712")]),
        (55, [(15, "Popis"), (110, "Množství"), (140, "Cena"), (170, "Celkem")]),
        (61, [(15, "Kuchařský nůž 24 cm"), (110, "4"), (140, "1 504,15"), (170, "6 016,60")]),
        (71, [(130, "Základ daně"), (170, "6 016,60")]),
        (77, [(130, "DPH 21 %"), (170, "1 263,49")]),
        (83, [(130, "K úhradě"), (170, "7 280,09")]),
        (120, [(15, "Gastro Novák s.r.o."), (140, "DIČ: CZ65835000")]),
    )
    invoice = _read(_pdf(page)).invoice

    assert invoice.supplier_tax_id == "CZ65835000"


def test_an_italian_buyers_vat_id_labelled_vs_p_iva() -> None:
    """ "Vs. P.IVA" (vostra: yours) labels the buyer's id, its value across a wide gap."""
    page = _rows(
        (20, [(15, "Torrefazione Colombo S.r.l.s."), (110, "Fattura n."), (165, "F-2025-118")]),
        (26, [(15, "Trattoria da Mario"), (110, "Data"), (165, "03/06/2025")]),
        (32, [(15, "Via Roma 12, Torino"), (110, "Vs. P.IVA"), (165, "IT69470430963")]),
        (55, [(15, "Descrizione"), (110, "Quantità"), (140, "Prezzo"), (170, "Importo")]),
        (61, [(15, "Caffè in grani 1 kg"), (110, "6"), (140, "12,28"), (170, "73,68")]),
        (71, [(130, "Imponibile"), (170, "73,68")]),
        (77, [(130, "IVA 22%"), (170, "16,21")]),
        (83, [(130, "Totale"), (170, "89,89")]),
        (120, [(15, "Torrefazione Colombo S.r.l.s."), (140, "P.IVA IT34037650107")]),
    )
    invoice = _read(_pdf(page)).invoice

    assert invoice.supplier_tax_id == "IT34037650107"


def test_a_right_aligned_letterhead_name_over_two_rows() -> None:
    """The seller's block set flush right, its name wrapped ("Lombardi Attrezzature" /
    "Ristorazione S.n.c."): the two rows end together on paper, not in the same column of
    characters (the grid is of average widths)."""
    right = [
        (20, "Lombardi Attrezzature"),
        (25, "Ristorazione S.n.c."),
        (30, "P.IVA: IT54279269416"),
        (35, "Via Roma, 153"),
        (40, "24709 Bologna"),
    ]
    page = [T(195, y, text, right=True) for y, text in right] + _rows(
        (20, [(15, "Albergo Centrale")]),
        (25, [(15, "Viale dell'Industria, 92")]),
        (30, [(15, "34533 Bologna")]),
        (60, [(15, "Fattura 34899"), (140, "Data fattura: 14/02/2023")]),
        (75, [(15, "Descrizione"), (110, "Q.tà"), (140, "Prezzo"), (170, "Totale")]),
        (81, [(15, "Coltello da chef 24 cm"), (110, "1,00"), (140, "72,75"), (170, "72,75")]),
        (91, [(140, "Subtotale"), (170, "72,75")]),
        (97, [(140, "IVA (22%)"), (170, "16,01")]),
        (103, [(140, "Totale"), (170, "88,76")]),
    )
    invoice = _read(_pdf(page)).invoice

    assert invoice.supplier_name == "Lombardi Attrezzature Ristorazione S.n.c."


def test_an_article_code_wrapped_at_its_hyphen_in_a_narrow_column() -> None:
    """A browser breaks "EQ-370-F" after its hyphen in a narrow code column: the "F" alone on
    the next line, under the code, ends the code."""
    page = _rows(
        (20, [(15, "Fresh Greens BV"), (130, "Invoice number: INV-4471")]),
        (26, [(15, "Market Street 4, Amsterdam"), (130, "Invoice date: 14.03.2024")]),
        (50, [(15, "Item"), (35, "Description"), (120, "Qty"), (145, "Price"), (175, "Total")]),
        (
            56,
            [
                (15, "EQ25721"),
                (35, "Chef's knife 20 cm"),
                (120, "1.00"),
                (145, "72.75"),
                (175, "72.75"),
            ],
        ),
        (
            62,
            [
                (15, "EQ-370-"),
                (35, "Chef's knife 24 cm"),
                (120, "2.00"),
                (145, "48.00"),
                (175, "96.00"),
            ],
        ),
        (66, [(15, "F")]),
        (
            72,
            [
                (15, "SV60524"),
                (35, "Technician labour"),
                (120, "2.00"),
                (145, "75.50"),
                (175, "151.00"),
            ],
        ),
        (82, [(145, "Subtotal"), (175, "319.75")]),
        (88, [(145, "VAT 21%"), (175, "67.15")]),
        (94, [(145, "Total"), (175, "386.90")]),
    )
    items = _read(_pdf(page)).invoice.line_items

    assert [i.product_code for i in items] == ["EQ25721", "EQ-370-F", "SV60524"]
    assert [i.description for i in items][1:] == ["Chef's knife 24 cm", "Technician labour"]


def test_a_return_address_on_the_second_last_line_breaks_nothing() -> None:
    """The addressee block looked for under a return address may run past the last line."""
    result = parse_pages(
        ["Rechnung 123\n\nACME GmbH • Hauptstr. 1 • 12345 Köln\nHotel Post" + "\n" * 20]
    )

    assert result.invoice.invoice_number == "123"
