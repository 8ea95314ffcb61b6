"""Line items of lists without a heading row, kept only when they add up to the totals."""

from __future__ import annotations

from decimal import Decimal

from bot.extract.parse import parse_pages
from bot.extract.schema import LineItem


def _items(page: str) -> list[LineItem]:
    return parse_pages([page]).invoice.line_items


def test_charges_listed_above_the_net_total() -> None:
    page = (
        "Musterversicherung AG\n"
        "Rechnung Nr. 2024-0815                                          11.03.2024\n"
        "Folgende Risiken sind versichert:\n"
        "Privathaftpflicht                                           50,00 €\n"
        "Lebensgefährte/in zur Privathaftpflicht                      0,00 €\n"
        "Gesamtbeitrag                                               50,00 €\n"
        "Versicherungsteuer 19 %                                      9,50 €\n"
        "Rechnungsbetrag                                             59,50 €\n"
    )
    items = _items(page)
    assert [(i.description, i.quantity, i.unit_price, i.total) for i in items] == [
        ("Privathaftpflicht", 1, Decimal("50.00"), Decimal("50.00")),
        ("Lebensgefährte/in zur Privathaftpflicht", 1, Decimal("0.00"), Decimal("0.00")),
    ]


def test_headerless_table_with_quantity_unit_and_price() -> None:
    page = (
        "Boulangerie Martin SARL\n"
        "Facture n° F-2024-311                                 Date : 14/03/2024\n"
        "\n"
        "Baguette tradition            120  pce      0,95     114,00     5,5 %\n"
        "Croissant au beurre            60  pce      1,10      66,00     5,5 %\n"
        "Pain de campagne 1 kg          10  pce      4,20      42,00     5,5 %\n"
        "tranché, sans sel\n"
        "Total HT                                             222,00\n"
        "TVA 5,5 %                                             12,21\n"
        "Total TTC                                            234,21\n"
    )
    items = _items(page)
    assert [i.description for i in items] == [
        "Baguette tradition",
        "Croissant au beurre",
        "Pain de campagne 1 kg\ntranché, sans sel",
    ]
    first = items[0]
    assert (first.description, first.quantity, first.unit, first.unit_price, first.total) == (
        "Baguette tradition",
        120,
        "pce",
        Decimal("0.95"),
        Decimal("114.00"),
    )
    assert first.tax_rate == Decimal("5.5")


def test_breakdown_lines_under_an_item_are_not_items() -> None:
    page = (
        "Cloud Services Inc.\n"
        "Invoice Number: 1234-5678                       Invoice Date: August 3, 2024\n"
        "Total for this invoice                                              $4.11\n"
        "Detail\n"
        "    Data Transfer                                                   $0.01\n"
        "        Charges                                                     $0.01\n"
        "        VAT **                                                      $0.00\n"
        "    Compute                                                         $1.87\n"
        "        Charges                                                     $1.87\n"
        "        VAT **                                                      $0.00\n"
        "    Storage                                                         $2.23\n"
        "        Charges                                                     $2.23\n"
        "        VAT **                                                      $0.00\n"
    )
    items = _items(page)
    assert [(i.description, i.total) for i in items] == [
        ("Data Transfer", Decimal("0.01")),
        ("Compute", Decimal("1.87")),
        ("Storage", Decimal("2.23")),
    ]


def test_lines_that_do_not_add_up_are_not_taken_for_items() -> None:
    page = (
        "Fresh Greens BV\n"
        "Factuurnummer: 2024-118                          Factuurdatum: 12-03-2024\n"
        "Statiegeld kratten retour                                  12,00\n"
        "Vorige levering                                            80,00\n"
        "Totaal excl. BTW                                          100,00\n"
        "BTW 9%                                                      9,00\n"
        "Totaal incl. BTW                                          109,00\n"
    )
    assert _items(page) == []
