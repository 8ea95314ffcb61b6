"""A US distributor's invoice as web apps print it (React-PDF's flex rows): quantities right-aligned
under left-aligned headings, "Ordered" / "Shipped" columns, "Extension" as the line total, and the
totals box beside the terms' note."""

from __future__ import annotations

from decimal import Decimal

from tests.extract.test_unseen_layouts import T, _pdf, _read


def _head() -> list[T]:
    return [
        T(15, 15, "Carver Linen Co., Inc.", size=14),
        T(140, 22, "Invoice #:  INV-046933"),
        T(140, 28, "Invoice Date:  Mar 30, 2024"),
    ]


def test_a_quantity_right_aligned_under_a_left_aligned_heading_before_the_item_number() -> None:
    """Headings "Qty  Item No.  Description  Price  Extension": each quantity ends just before
    "Item No." starts, nearer that heading than its own, and "Extension" is the line's total."""
    page = _head() + [
        T(15, 60, "Qty", size=9),
        T(40, 60, "Item No.", size=9),
        T(70, 60, "Description", size=9),
        T(150, 60, "Price", size=9),
        T(175, 60, "Extension", size=9),
    ]
    rows = [("0.1", "SV317-L", "Maintenance of combi steamer", "111.52", "11.15")]
    rows += [("21", "486946", "Gastronorm container GN 1/1, 100 mm", "18.64", "391.44")]
    for n, (qty, code, text, price, amount) in enumerate(rows):
        y = 66 + 6 * n
        page += [T(37, y, qty, right=True, size=9), T(40, y, code, size=9)]
        page += [T(70, y, text, size=9), T(165, y, price, right=True, size=9)]
        page += [T(195, y, amount, right=True, size=9)]
    page += [T(140, 84, "Subtotal", size=9), T(195, 84, "$402.59", right=True, size=9)]
    page += [T(140, 90, "Total due", size=9), T(195, 90, "$402.59", right=True, size=9)]
    items = _read(_pdf(page)).invoice.line_items

    assert [(i.quantity, i.product_code, i.unit_price, i.total) for i in items] == [
        (Decimal("0.1"), "SV317-L", Decimal("111.52"), Decimal("11.15")),
        (Decimal(21), "486946", Decimal("18.64"), Decimal("391.44")),
    ]


def test_ordered_and_shipped_columns_bill_the_shipped_quantity() -> None:
    """Headings "Ordered  Shipped  Item #  ...": two quantities, the shipped one billed (a back
    order leaves them apart); a subtotal beside the terms' note ("Net 60. Please include ...")
    that holds a number of its own ends the table."""
    page = _head() + [
        T(15, 60, "Ordered", size=9),
        T(35, 60, "Shipped", size=9),
        T(55, 60, "Item #", size=9),
        T(75, 60, "Description", size=9),
        T(150, 60, "Price", size=9),
        T(175, 60, "Extension", size=9),
    ]
    rows = [("41", "36", "CL-14401", "Rinse aid 5 l", "19.29", "694.44")]
    rows += [("0.1", "0.1", "738015", "HACCP staff training", "79.79", "7.98")]
    for n, (ordered, shipped, code, text, price, amount) in enumerate(rows):
        y = 66 + 6 * n
        page += [T(30, y, ordered, right=True, size=9), T(52, y, shipped, right=True, size=9)]
        page += [T(55, y, code, size=9), T(75, y, text, size=9)]
        page += [T(165, y, price, right=True, size=9), T(195, y, amount, right=True, size=9)]
    page += [T(15, 84, "Net 60. Please include the invoice number with your payment.", size=8)]
    page += [T(110, 84, "Subtotal", size=9), T(195, 84, "$702.42", right=True, size=9)]
    page += [T(110, 90, "Delivery", size=9), T(195, 90, "$8.10", right=True, size=9)]
    page += [T(110, 96, "Total due", size=9), T(195, 96, "$710.52", right=True, size=9)]
    items = _read(_pdf(page)).invoice.line_items

    assert [(i.quantity, i.product_code, i.unit_price, i.total) for i in items] == [
        (Decimal(36), "CL-14401", Decimal("19.29"), Decimal("694.44")),
        (Decimal("0.1"), "738015", Decimal("79.79"), Decimal("7.98")),
    ]
