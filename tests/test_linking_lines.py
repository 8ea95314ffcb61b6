"""Invoice lines against the linked orders' lines: variances and FLAGGED."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from bot.app import Services, open_services
from tests.conftest import ConfigFactory
from tests.test_linking import invoice, link, order, outlet, supplier, warnings

D = Decimal
ORDERED: list[dict[str, Any]] = [
    {"description": "Tomatoes vine", "product_code": "TOM-01", "quantity": D("10"),
     "unit": "kg", "unit_price": D("2.50"), "total": D("25.00")},
    {"description": "Red onions", "product_code": None, "quantity": D("5"),
     "unit": "kg", "unit_price": D("1.20"), "total": D("6.00")},
]  # fmt: skip


def line(description: str, quantity: str, price: str, **extra: Any) -> dict[str, Any]:
    return {
        "description": description,
        "quantity": D(quantity),
        "unit": "kg",
        "unit_price": D(price),
        "total": D(quantity) * D(price),
    } | extra


@pytest.fixture
async def svc(make_config: ConfigFactory) -> AsyncIterator[Services]:
    async with open_services(make_config()) as services:
        await outlet(services)
        await supplier(services, "sup-1", "Fresh Greens")
        await order(services, "PO-5", total="31.00", lines=ORDERED)
        yield services


async def test_billed_as_ordered_has_no_variances(svc: Services) -> None:
    lines = [
        line("TOMATOES VINE", "10", "2.50", product_code="TOM01"),
        line("Onions, red", "5.05", "1.21"),  # within 2 %
    ]
    view = await link(svc, await invoice(svc, po_references=["PO-5"], lines=lines))
    assert view["variances"] == []
    assert view["approval_status"] == "RECEIVED"


async def test_price_and_quantity_differences_are_listed_and_flag(svc: Services) -> None:
    lines = [
        line("Tomatoes (vine)", "10", "2.80", product_code="TOM-01"),
        line("Red onions", "7", "1.20"),
    ]
    view = await link(svc, await invoice(svc, po_references=["PO-5"], lines=lines))
    assert view["approval_status"] == "FLAGGED"
    got = {(v["line"], v["field"], v["ordered"], v["invoiced"]) for v in view["variances"]}
    assert got == {(1, "unit_price", "2.50", "2.80"), (2, "quantity", "5", "7")}
    assert all(v["purchase_order"] == "PO-5" for v in view["variances"])
    assert "Flagged for review" in warnings(view)


async def test_code_pairs_lines_even_when_descriptions_differ(svc: Services) -> None:
    lines = [line("Strauchtomaten", "10", "3.00", product_code="tom 01")]
    view = await link(svc, await invoice(svc, po_references=["PO-5"], lines=lines))
    assert [(v["line"], v["field"]) for v in view["variances"]] == [(1, "unit_price")]


async def test_lines_on_no_order_are_named_but_do_not_flag(svc: Services) -> None:
    lines = [line("Tomatoes vine", "10", "2.50"), line("Truffle oil", "1", "45.00")]
    view = await link(svc, await invoice(svc, po_references=["PO-5"], lines=lines))
    assert view["variances"] == []
    assert view["approval_status"] == "RECEIVED"
    assert "2 (Truffle oil) are on none of the linked purchase orders" in warnings(view)


async def test_other_units_are_not_compared(svc: Services) -> None:
    lines = [line("Tomatoes vine", "10000", "0.0025", unit="g")]
    view = await link(svc, await invoice(svc, po_references=["PO-5"], lines=lines))
    assert view["variances"] == []
    assert "billed per g but was ordered per kg" in warnings(view)


async def test_partial_delivery_may_bill_less_but_not_more(svc: Services) -> None:
    # 12.00 of the 31.00 ordered: a partial delivery
    part = [line("Tomatoes vine", "4", "2.50"), line("Red onions", "1", "1.20")]
    first = await link(
        svc,
        await invoice(
            svc, po_references=["PO-5"], lines=part, total_incl_tax=D("11.20"), total_excl_tax=None
        ),
    )
    assert first["variances"] == []
    more = [line("Tomatoes vine", "12", "2.50")]
    second = await link(
        svc,
        await invoice(
            svc, po_references=["PO-5"], lines=more, total_incl_tax=D("30.00"), total_excl_tax=None
        ),
    )
    assert [(v["field"], v["ordered"], v["invoiced"]) for v in second["variances"]] == [
        ("quantity", "10", "12")
    ]


async def test_lines_of_orders_found_by_amount_are_checked_too(svc: Services) -> None:
    lines = [line("Tomatoes vine", "10", "2.50"), line("Red onions", "5", "1.50")]
    view = await link(
        svc, await invoice(svc, lines=lines, total_incl_tax=D("31.00"), total_excl_tax=None)
    )
    assert [po["link"] for po in view["purchase_orders"]] == ["supplier_amount"]
    assert [(v["line"], v["field"]) for v in view["variances"]] == [(2, "unit_price")]
