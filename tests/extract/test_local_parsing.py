"""Unit tests of the local engine's readers: amounts, dates, VAT ids, labels, checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.extract.checks import assess
from bot.extract.dates import find_dates, order_hint
from bot.extract.numbers import decimal_hint, find_amounts, parse_amount
from bot.extract.parse import parse_pages
from bot.extract.schema import ExtractedInvoice, LineItem
from bot.extract.vat import find_vat_ids


@pytest.mark.parametrize(
    ("raw", "hint", "want"),
    [
        ("1,234.56", None, "1234.56"),
        ("1.234,56", None, "1234.56"),
        ("1 234,56", None, "1234.56"),
        ("1'234.56", None, "1234.56"),
        ("12,50", None, "12.50"),
        ("0,025", None, "0.025"),
        ("-7,67", None, "-7.67"),
        ("7,67-", None, "-7.67"),
        ("(12.00)", None, "-12.00"),
        ("1.234", None, "1234"),
        ("1.234", ".", "1.234"),
        ("1,234", ",", "1.234"),
        ("1.234.567,89", None, "1234567.89"),
    ],
)
def test_parse_amount(raw: str, hint: str | None, want: str) -> None:
    assert parse_amount(raw, hint) == Decimal(want)


def test_parse_amount_rejects_words() -> None:
    assert parse_amount("abc") is None
    assert parse_amount("") is None


def test_find_amounts_skips_percentages_and_keeps_columns() -> None:
    line = "Tax 15% on $ 112.90      $ 16.94"
    amounts = find_amounts(line)
    assert [a.value for a in amounts] == [Decimal("112.90"), Decimal("16.94")]
    assert line[amounts[1].start : amounts[1].end] == "16.94"


def test_decimal_hint() -> None:
    assert decimal_hint("Summe 12,50 EUR und 3,20 EUR") == ","
    assert decimal_hint("Total 12.50 USD") == "."


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Invoice date: August 3, 2014", date(2014, 8, 3)),
        ("Date: 3rd March 2024", date(2024, 3, 3)),
        ("Rechnungsdatum 7. Mai 2014", date(2014, 5, 7)),
        ("Datum: 05.03.2013", date(2013, 3, 5)),
        ("Facture du 02 Juillet 2015", date(2015, 7, 2)),
        ("le 1er août 2024", date(2024, 8, 1)),
        ("Factuurdatum: 19 april 2014", date(2014, 4, 19)),
        ("29 maart 2014", date(2014, 3, 29)),
        ("Fecha: 12 de marzo de 2024", date(2024, 3, 12)),
        ("Data fattura: 5 dicembre 2023", date(2023, 12, 5)),
        ("issued at 2019-06-10", date(2019, 6, 10)),
        ("Zahlungsziel 21.05.14", date(2014, 5, 21)),
        ("8-9-2022", date(2022, 9, 8)),
    ],
)
def test_parse_date_languages(text: str, want: date) -> None:
    assert find_dates(text)[0].value == want


def test_day_month_order_comes_from_the_document() -> None:
    text = "Invoice Date: 03/20/2023  Due Date: 04/04/2023"
    order = order_hint(text)
    assert order == "mdy"
    assert [d.value for d in find_dates(text, order)] == [date(2023, 3, 20), date(2023, 4, 4)]
    assert find_dates("04/05/2023")[0].value == date(2023, 5, 4)  # day first without a hint


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("UStId DE 232 446 240   SWIFT HELADEF1GEL", "DE232446240"),
        ("BTW NL810433941B01", "NL810433941B01"),
        ("N° TVA: FR 604 219 388 61", "FR60421938861"),
        ("CIF: ESB12345678", "ESB12345678"),
        ("P. IVA: IT12345678901", "IT12345678901"),
        ("VAT Reg. No. GB 123 4567 89", "GB123456789"),
        ("UID: CHE-123.456.789 MWST", "CHE123456789MWST"),
        ("ATU12345678", "ATU12345678"),
        ("BE 0123.456.789", "BE0123456789"),
    ],
)
def test_vat_ids_by_country(line: str, want: str) -> None:
    assert [v.value for v in find_vat_ids(line)] == [want]


def test_iban_is_not_a_vat_id() -> None:
    assert find_vat_ids("IBAN DE08 7009 0100 1234 5678 90") == []
    assert find_vat_ids("TVA F63530848134") == []


def test_assess_names_missing_key_fields_and_bad_arithmetic() -> None:
    invoice = ExtractedInvoice(
        invoice_number="1",
        currency="EUR",
        total_excl_tax=Decimal("100.00"),
        tax_amount=Decimal("21.00"),
        total_incl_tax=Decimal("125.00"),
    )
    warnings = assess(invoice)
    assert "no invoice date found" in warnings
    assert "no supplier name found" in warnings
    assert any("is not the total" in w for w in warnings)


def test_assess_is_quiet_for_a_consistent_invoice() -> None:
    invoice = ExtractedInvoice(
        invoice_number="INV-1",
        invoice_date=date(2024, 3, 1),
        currency="EUR",
        total_excl_tax=Decimal("100.00"),
        tax_amount=Decimal("21.00"),
        total_incl_tax=Decimal("121.00"),
        supplier_name="Fresh Greens BV",
        line_items=[
            LineItem(description="Tomatoes", total=Decimal("75.00")),
            LineItem(description="Oil", total=Decimal("25.00")),
        ],
    )
    assert assess(invoice) == []
    wrong = invoice.model_copy(update={"line_items": invoice.line_items[:1]})
    assert any("line items add up" in w for w in assess(wrong))


PAGE_DE = """
   Frische Küche GmbH                                             RECHNUNG
   Hauptstraße 1                                    Rechnungsnummer          RE-2024-0042
   10115 Berlin                                     Rechnungsdatum             01.03.2024
                                                    Zahlbar bis                31.03.2024
Rechnungsempfänger                                  Ihre Bestellung            PO-1001
   Hotel Adler
   Marktplatz 2, 80331 München
Bezeichnung                          Menge      Einzelpreis        Gesamtpreis
Tomaten                              10 kg             2,50              25,00
Olivenöl nativ extra                  3               25,00              75,00
                                                  Nettobetrag              100,00 EUR
                                                  MwSt. 19%                 19,00 EUR
                                                  Gesamtbetrag             119,00 EUR
Frische Küche GmbH · USt-IdNr. DE123456789 · IBAN DE08 7009 0100 1234 5678 90
"""


def test_parse_pages_reads_a_german_invoice() -> None:
    result = parse_pages([PAGE_DE])
    inv = result.invoice
    assert inv.invoice_number == "RE-2024-0042"
    assert inv.invoice_date == date(2024, 3, 1)
    assert inv.due_date == date(2024, 3, 31)
    assert inv.currency == "EUR"
    assert (inv.total_excl_tax, inv.tax_amount, inv.total_incl_tax) == (
        Decimal("100.00"),
        Decimal("19.00"),
        Decimal("119.00"),
    )
    assert inv.supplier_name == "Frische Küche GmbH"
    assert inv.supplier_tax_id == "DE123456789"
    assert inv.po_references == ["PO-1001"]
    assert [(i.description, i.quantity, i.total) for i in inv.line_items] == [
        ("Tomaten", Decimal("10"), Decimal("25.00")),
        ("Olivenöl nativ extra", Decimal("3"), Decimal("75.00")),
    ]
    assert result.warnings == []
    assert result.confidence["total_incl_tax"] >= 0.9


def test_parse_pages_warns_when_the_total_is_missing() -> None:
    result = parse_pages(["Rechnung Nr. 7\nDatum 01.02.2024\nFrische Küche GmbH\n"])
    assert result.invoice.invoice_number == "7"
    assert "no total including tax found" in result.warnings


def test_credit_note_is_recognised() -> None:
    page = "Acme Ltd\nCREDIT NOTE\nCredit note no.: CN-77\nDate: 2024-02-01\nTotal: 10.00 GBP\n"
    inv = parse_pages([page]).invoice
    assert inv.document_type == "credit_note"
    assert inv.invoice_number == "CN-77"


@pytest.mark.parametrize(
    ("page", "want"),
    [
        ("ACME Ltd\nInvoice address: High Street 5\nInvoice INV-77\nTotal: 10.00 GBP", "INV-77"),
        ("Sol S.L.\nFactura rectificativa FA-4625309\nTotal factura: 10,00 EUR", "FA-4625309"),
        ("Rossi S.r.l.\nNota di credito\nNota n.:   NC-12\nTotale: 10,00 EUR", "NC-12"),
        ("Klant    Factuur       Vervaldatum\n123      VF1005193039  22-9-2022", "VF1005193039"),
        ("INVOICE\n# invoice_number_1\nTotal: $1.00", "invoice_number_1"),
    ],
)
def test_invoice_number_layouts(page: str, want: str) -> None:
    assert parse_pages([page]).invoice.invoice_number == want


def test_tax_table_with_headings_over_values() -> None:
    page = (
        "Omschrijving            Aantal     Prijs per stuk      Bedrag\n"
        "Kipfilet                     2              10,00       20,00\n"
        "\n"
        "                 Totaal excl. BTW        BTW        Totaal incl. BTW\n"
        "                        20,00 EUR    1,80 EUR           21,80 EUR\n"
    )
    inv = parse_pages([page]).invoice
    assert (inv.total_excl_tax, inv.tax_amount, inv.total_incl_tax) == (
        Decimal("20.00"),
        Decimal("1.80"),
        Decimal("21.80"),
    )
    assert [(i.description, i.total) for i in inv.line_items] == [("Kipfilet", Decimal("20.00"))]


def test_a_bare_number_label_under_the_title() -> None:
    page = (
        "Mulder Food Service V.O.F.\n"
        "FACTUUR\n"
        "Datum:          22-04-2025          Klantnr.:        K-63106\n"
        "Nummer:         F2025-221           Te betalen voor: 21-06-2025\n"
    )
    assert parse_pages([page]).invoice.invoice_number == "F2025-221"


def test_the_number_of_a_referenced_invoice_is_not_the_document_number() -> None:
    page = (
        "KassenWerk GmbH\n"
        "Rechnungskorrektur\n"
        "Belegnummer:       4900403          Rechnungsdatum: 15.02.2025\n"
        "zu Rechnung Nr. 47942834\n"
    )
    assert parse_pages([page]).invoice.invoice_number == "4900403"


def test_a_credit_note_number_beats_the_invoice_it_credits() -> None:
    page = (
        "Gasthaus Lieferdienst GmbH\n"
        "GUTSCHRIFT\n"
        "Rechnung Nr.       241120-22\n"
        "Gutschrift Nr.     241120-30        Datum: 20.11.2024\n"
    )
    invoice = parse_pages([page]).invoice
    assert (invoice.invoice_number, invoice.document_type) == ("241120-30", "credit_note")


def test_credit_note_amounts_are_positive_whatever_sign_is_printed() -> None:
    page = (
        "Fresh Greens BV\n"
        "CREDITNOTA\n"
        "Creditnota nr.     CN-2024-07        Datum: 12-03-2024\n"
        "Omschrijving                 Aantal     Prijs      Bedrag\n"
        "Tomaten retour                  -10      2,50      -25,00\n"
        "Totaal excl. BTW                                   -25,00\n"
        "BTW 9%                                              -2,25\n"
        "Totaal incl. BTW                                   -27,25\n"
    )
    invoice = parse_pages([page]).invoice
    assert invoice.document_type == "credit_note"
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("25.00"),
        Decimal("2.25"),
        Decimal("27.25"),
    )
    item = invoice.line_items[0]
    assert (item.quantity, item.unit_price, item.total) == (10, Decimal("2.50"), Decimal("25.00"))


def test_abbreviated_headings_and_any_unit_under_a_unit_heading() -> None:
    page = (
        "Getränke Huber GmbH\n"
        "Rechnung Nr. RE-10023                                   Datum: 05.03.2024\n"
        "Bezeichnung                        Anz.    ME        EP          Summe\n"
        "Apfelschorle 0,5 l                   12    Kiste     9,80        117,60\n"
        "Schlagsahne 30 % 1 l                  4    Flasche   3,15         12,60\n"
        "Nettobetrag                                                      130,20\n"
    )
    items = parse_pages([page]).invoice.line_items
    assert [(i.description, i.quantity, i.unit, i.unit_price, i.total) for i in items] == [
        ("Apfelschorle 0,5 l", 12, "Kiste", Decimal("9.80"), Decimal("117.60")),
        ("Schlagsahne 30 % 1 l", 4, "Flasche", Decimal("3.15"), Decimal("12.60")),
    ]
    assert items[1].tax_rate is None


def test_purchase_order_lists_and_french_order_references() -> None:
    page = (
        "Getränke Huber GmbH\n"
        "Rechnung Nr. RE-10023                                   Datum: 05.03.2024\n"
        "Ihre Bestellnummer      PO-49621, PO-49622\n"
        "Réf. commande           CMD16221\n"
    )
    assert parse_pages([page]).invoice.po_references == ["PO-49621", "PO-49622", "CMD16221"]


def test_a_po_number_that_starts_with_po_is_not_a_label() -> None:
    page = (
        "Garnier Distribution SARL\n"
        "Facture N°     Date             N° client       Réf. commande\n"
        "250117-15      17/01/2025       037926          PO-44689\n"
    )
    assert parse_pages([page]).invoice.po_references == ["PO-44689"]


def test_swiss_vat_number_keeps_its_suffix_and_beats_the_register_number() -> None:
    page = (
        "Basler Feinkost AG\n"
        "Rechnung Nr. RE-10023                                   Datum: 05.03.2024\n"
        "Total                                                    119.00 CHF\n"
        "Handelsregister CHE-254.555.566\n"
        "MWST-Nr. CHE-528.163.510 MWST\n"
    )
    assert parse_pages([page]).invoice.supplier_tax_id == "CHE528163510MWST"


def test_austrian_uid_is_a_vat_number() -> None:
    page = (
        "Innsbrucker Feinkost GmbH\n"
        "Rechnung Nr. RE-10023                                   Datum: 05.03.2024\n"
        "Gesamtbetrag                                             119,00 €\n"
        "UID-Nr. ATU56704246\n"
    )
    assert parse_pages([page]).invoice.supplier_tax_id == "ATU56704246"


def test_an_american_invoice_reads_dates_month_first() -> None:
    page = (
        "O'Connell Quality Meats LLC\n"
        "146 Commerce Drive, San Francisco, CA 94107\n"
        "Invoice No.          Date          Order Date\n"
        "INV-2023-47590       11/10/23      11/08/23\n"
        "Total                                   $276.65\n"
    )
    assert parse_pages([page]).invoice.invoice_date == date(2023, 11, 10)


def test_a_uk_tax_point_is_the_invoice_date() -> None:
    page = (
        "London Catering Supplies Limited\n"
        "Inv. No:      I2024-670             Order Date:     22 April 2024\n"
        "Tax Point:    27 April 2024         Ship Date:      27 April 2024\n"
        "Total                                   £276.65\n"
    )
    assert parse_pages([page]).invoice.invoice_date == date(2024, 4, 27)


@pytest.mark.parametrize(
    ("label", "title"),
    [("Gutschriftsnummer:", "GUTSCHRIFT"), ("Credit No.", "Credit Memo"), ("Creditnota-nr.", "")],
)
def test_credit_note_number_labels(label: str, title: str) -> None:
    page = f"Acme Supplies Ltd\n{title}\n{label}      C2024-030        Date: 05.03.2024\n"
    assert parse_pages([page]).invoice.invoice_number == "C2024-030"


def test_a_heading_row_indented_by_one_space() -> None:
    page = (
        "Garnier Distribution SARL\n"
        " Numéro                Date d'émission        Code client\n"
        " F2024-983             24/03/2024             C5861\n"
    )
    assert parse_pages([page]).invoice.invoice_number == "F2024-983"


def test_the_customers_vat_id_in_the_address_block_is_not_the_suppliers() -> None:
    page = (
        "Koeltechniek Dijkstra B.V. | Havenstraat 36 | 1012 AB Amsterdam\n"
        "Factuur aan\n"
        "Brauhaus am Markt GmbH                          Factuurnummer        2023-6111\n"
        "Hauptstraße 38                                  Factuurdatum         23-09-2023\n"
        "BTW-nr. DE712587861                             Bestelnr.            4500209684\n"
        "Totaal incl. btw                                                   EUR 1.105,00\n"
        "Btw verlegd\n"
        "Havenstraat 36        IBAN NL50 RABO 9585 3639 78       Btw-nummer NL6134.39.974.B01\n"
    )
    assert parse_pages([page]).invoice.supplier_tax_id == "NL613439974B01"


def test_a_country_code_printed_twice_before_the_vat_id() -> None:
    assert [v.value for v in find_vat_ids("BTW BE BE0766691958")] == ["BE0766691958"]


def test_a_french_document_number_label() -> None:
    page = (
        "Primeurs Rochat Sàrl\n"
        " N° de pièce              Date de facture            Date comptable\n"
        " INV-043770               07.07.2024                 09.07.2024\n"
    )
    assert parse_pages([page]).invoice.invoice_number == "INV-043770"
