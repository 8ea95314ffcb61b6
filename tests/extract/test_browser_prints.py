"""Invoices printed by browsers from HTML templates (InvoicePlane's): each row's figures centred
on its text ("vertical-align: middle"), so an item's first lines stand above its figures, set
apart from the item before by the row's padding (a blank row); a tax total under a translated
label of its own ("Positionssteuer", "Imposto artigos")."""

from __future__ import annotations

from decimal import Decimal

from bot.extract.parse import parse_pages

_CENTRED = """Invoice no. 2025-117                                        Date 12.05.2025

Item                                                  Qty        Price         Total

Lager beer keg 30 L                                    24        73.78      1,770.72

Kitchen exhaust hood deep cleaning incl.
grease filters and duct inspection report –             1       446.71        446.71
19 September 2025

Eggs from free-range hens, 30 pcs – 21-11-               4         9.37         37.48
2023

                                                  Subtotal                  2,254.91
                                                  VAT 20%                     450.98
                                                  Total                     2,705.89
"""


def _descriptions(page: str) -> list[str]:
    items = parse_pages([page]).invoice.line_items
    return [" ".join((item.description or "").split()) for item in items]


def test_an_items_first_line_above_its_centred_figures_is_its_own() -> None:
    """Three lines of text with the figures on the middle one: the first line opens this item,
    it does not end the one before; a date broken after its separator is one date."""
    assert _descriptions(_CENTRED) == [
        "Lager beer keg 30 L",
        "Kitchen exhaust hood deep cleaning incl. grease filters and duct inspection report –"
        " 19 September 2025",
        "Eggs from free-range hens, 30 pcs – 21-11-2023",
    ]


def test_a_group_heading_over_its_items_is_no_items_text() -> None:
    """A line set apart above an item with nothing under the item (a delivery note's heading
    over its rows) is not the item's first line: its figures are not centred on it."""
    first = "Lager beer keg 30 L  "
    page = _CENTRED.replace(first, f"Delivery note 4711 of 10.05.2025\n{first}")
    assert _descriptions(page)[0] == "Lager beer keg 30 L"


def test_a_tax_total_under_a_translated_item_tax_label() -> None:
    """ "Item Tax" as InvoicePlane's German and Portuguese print it: a compound of "Steuer", and
    Portuguese "imposto" in the singular."""
    for label in ("Positionssteuer", "Imposto artigos"):
        page = _CENTRED.replace("VAT 20%", label.ljust(7))
        assert parse_pages([page]).invoice.tax_amount == Decimal("450.98")


def test_an_iso_date_broken_after_its_year_is_one_date() -> None:
    """An InvoicePlane description ending in an ISO date broken after the year ("2024-" /
    "11-13") reads the date whole, as one broken after its month does ("21-11-" / "2023")."""
    page = """Invoice no. 2025-117                                        Date 12.05.2025
Item                                                  Qty        Price         Total
GN container 1/1, 65 mm, stainless – 2024-              8        12.64        101.12
11-13

Lager beer keg 30 L                                    24        73.78      1,770.72
                                                  Subtotal                  1,871.84
"""
    assert _descriptions(page) == [
        "GN container 1/1, 65 mm, stainless – 2024-11-13",
        "Lager beer keg 30 L",
    ]
