"""Purchase orders from CSV: one row per line, all rows checked, all problems named, all or none."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import pytest

from bot.app import Services, open_services
from bot.errors import InvalidRequest
from tests.conftest import ConfigFactory
from tests.test_linking import order, outlet, supplier

HEADER = (
    "id,order_number,outlet,supplier,status,ordered_on,expected_delivery_date,total,currency,"
    "line_description,line_product_code,line_quantity,line_unit,line_unit_price,line_total\n"
)


@pytest.fixture
async def svc(make_config: ConfigFactory) -> AsyncIterator[Services]:
    async with open_services(make_config()) as services:
        await outlet(services, "olt-1")
        await supplier(services, "sup-1", "Fresh Greens")
        yield services


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "orders.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


async def count(svc: Services) -> int:
    total, _ = await svc.catalog.list_purchase_orders()
    return total


async def test_rows_of_one_order_become_its_lines(svc: Services, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "po-1,PO-0042,olt-1,sup-1,ORDERED,2024-02-20,2024-02-22,31.00,EUR,"
        "Tomatoes,TOM-01,10,kg,2.50,25.00\n"
        ",PO-0042,olt-1,,,,,,,Red onions,,5,kg,1.20,6.00\n"
        ",PO-0043,olt-1,sup-1,DELIVERED,2024-02-21,,,EUR,Leeks,,2,kg,1.50,3.00\n"
        ",PO-0043,olt-1,sup-1,DELIVERED,2024-02-21,,,EUR,Carrots,,4,kg,0.75,3.00\n",
    )
    assert await svc.catalog.import_purchase_orders_csv(path) == 2
    _, rows = await svc.catalog.list_purchase_orders(outlet_id="olt-1")
    by_number = {r["order_number"]: r for r in rows}
    first = by_number["PO-0042"]
    assert first["id"] == "po-1" and first["total"] == "31.00" and first["status"] == "ORDERED"
    assert [line["description"] for line in first["lines"]] == ["Tomatoes", "Red onions"]
    assert first["lines"][1]["unit_price"] == "1.20"
    second = by_number["PO-0043"]
    # no total given: the sum of the line totals
    assert second["total"] == "6.00" and second["status"] == "DELIVERED"
    assert len(second["lines"]) == 2
    async with svc.db.session() as session:
        from storage import linking

        found = await linking.orders_by_number_key(session, "olt-1", ["42"])
        assert [po.order_number for po in found] == ["PO-0042"]


async def test_every_bad_row_is_reported_and_nothing_imported(
    svc: Services, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        ",PO-1,olt-1,sup-1,ORDERED,2024-02-20,,10.00,EUR,Tomatoes,,1,kg,10.00,10.00\n"  # line 2 ok
        ",PO-2,olt-1,sup-1,SHIPPED,2024-02-20,,10.00,EUR,,,,,,\n"  # line 3: status
        ",PO-3,olt-1,sup-1,ORDERED,20/02/2024,,10.00,EUR,,,,,,\n"  # line 4: date
        ",PO-4,olt-1,sup-1,ORDERED,2024-02-20,,ten,EUR,,,,,,\n"  # line 5: total
        ",PO-5,olt-1,sup-1,ORDERED,2024-02-20,,10.00,EUR,Leeks,,two,kg,1.00,2.00\n"  # 6: qty
        ",PO-6,olt-9,sup-1,ORDERED,2024-02-20,,10.00,EUR,,,,,,\n"  # line 7: outlet
        ",PO-7,olt-1,sup-9,ORDERED,2024-02-20,,10.00,EUR,,,,,,\n"  # line 8: supplier
        ",,olt-1,sup-1,ORDERED,2024-02-20,,10.00,EUR,,,,,,\n"  # line 9: no number
        ",PO-1,olt-1,sup-2,ORDERED,2024-02-20,,10.00,EUR,Onions,,1,kg,1.00,1.00\n",  # 10: clash
    )
    with pytest.raises(InvalidRequest) as caught:
        await svc.catalog.import_purchase_orders_csv(path)
    detail = caught.value.detail
    assert "nothing imported" in detail
    for line_no, words in (
        (3, "status"),
        (4, "ordered_on"),
        (5, "total"),
        (6, "line_quantity"),
        (7, "outlet olt-9 does not exist"),
        (8, "supplier sup-9 does not exist"),
        (9, "order_number and outlet are required"),
        (10, "differs from 'sup-1' on line 2"),
    ):
        assert any(
            row.startswith(f"line {line_no}:") and words in row for row in detail.splitlines()
        ), (line_no, words, detail)
    assert "line 2:" not in detail
    assert await count(svc) == 0


async def test_orders_already_there_are_refused(svc: Services, tmp_path: Path) -> None:
    await order(svc, "PO-1", order_id="po-1")
    path = write(
        tmp_path,
        "po-1,PO-100,olt-1,sup-1,ORDERED,2024-02-20,,10.00,EUR,,,,,,\n"
        ",PO-1,olt-1,sup-1,ORDERED,2024-02-20,,10.00,EUR,,,,,,\n"
        "po-x,PO-200,olt-1,sup-1,ORDERED,2024-02-20,,10.00,EUR,,,,,,\n"
        "po-y,PO-200,olt-1,sup-1,ORDERED,2024-02-20,,10.00,EUR,,,,,,\n",
    )
    with pytest.raises(InvalidRequest) as caught:
        await svc.catalog.import_purchase_orders_csv(path)
    detail = caught.value.detail
    assert "line 2: purchase order po-1 already exists" in detail
    assert "line 3: outlet olt-1 already has an order PO-1" in detail
    assert "line 5: id 'po-y' differs from 'po-x' on line 4 of the same order" in detail
    assert await count(svc) == 1


async def test_missing_columns_are_named(svc: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "PO-1,10.00\n", header="order_number,total\n")
    with pytest.raises(InvalidRequest, match="missing column"):
        await svc.catalog.import_purchase_orders_csv(path)


async def test_long_reports_are_cut(svc: Services, tmp_path: Path) -> None:
    body = "".join(f",PO-{i},olt-1,sup-1,BAD,,,,,,,,,,\n" for i in range(80))
    with pytest.raises(InvalidRequest) as caught:
        await svc.catalog.import_purchase_orders_csv(write(tmp_path, body))
    assert "80 problem(s)" in caught.value.detail
    assert "... and 30 more" in caught.value.detail
    assert Decimal(0) == await count(svc)
