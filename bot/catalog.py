"""Outlets, suppliers and purchase orders: what invoices are linked to.

Input is validated with pydantic models (also the API's request schemas) and turned into our
errors; CSV imports check every row first and write nothing unless all rows are good.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.errors import Conflict, InvalidRequest, NotFound
from bot.views import iso, money, number
from storage import catalog
from storage.db import Database
from storage.errors import AlreadyExists
from storage.models import Outlet, PurchaseOrder, Supplier

PO_STATUSES = ("IN_PROGRESS", "ORDERED", "DELIVERED")


class OutletIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str | None = Field(default=None, min_length=1, max_length=100)
    name: str = Field(min_length=1, max_length=300)


class SupplierIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str | None = Field(default=None, min_length=1, max_length=100)
    name: str = Field(min_length=1, max_length=300)
    tax_id: str | None = Field(default=None, max_length=50)
    aliases: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)


class PurchaseOrderLineIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    description: str | None = None
    product_code: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None
    total: Decimal | None = None


class PurchaseOrderIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str | None = Field(default=None, min_length=1, max_length=100)
    order_number: str = Field(min_length=1, max_length=100)
    outlet: str = Field(min_length=1)
    supplier: str | None = None
    status: Literal["IN_PROGRESS", "ORDERED", "DELIVERED"] = "ORDERED"
    ordered_on: date | None = None
    expected_delivery_date: date | None = None
    total: Decimal | None = None
    currency: str | None = Field(default=None, min_length=3, max_length=3)
    lines: list[PurchaseOrderLineIn] = Field(default_factory=list)

    @field_validator("supplier", "id", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if value == "" else value


def outlet_view(outlet: Outlet) -> dict[str, Any]:
    return {"id": outlet.id, "name": outlet.name, "created_date": iso(outlet.created_date)}


def supplier_view(supplier: Supplier) -> dict[str, Any]:
    return {
        "id": supplier.id,
        "name": supplier.name,
        "tax_id": supplier.tax_id,
        "aliases": supplier.aliases,
        "emails": supplier.emails,
    }


def purchase_order_view(po: PurchaseOrder) -> dict[str, Any]:
    return {
        "id": po.id,
        "order_number": po.order_number,
        "outlet": po.outlet_id,
        "supplier": po.supplier_id,
        "status": po.status,
        "ordered_on": iso(po.ordered_on),
        "expected_delivery_date": iso(po.expected_delivery_date),
        "total": money(po.total),
        "currency": po.currency,
        "lines": [
            {
                "description": line.description,
                "product_code": line.product_code,
                "quantity": number(line.quantity),
                "unit": line.unit,
                "unit_price": money(line.unit_price),
                "total": money(line.total),
            }
            for line in po.lines
        ],
    }


def parse(model: type[BaseModel], data: Any) -> Any:
    """Validate ``data`` into ``model`` or raise :class:`InvalidRequest` naming the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or None
        raise InvalidRequest(
            f"{where}: {first['msg']}" if where else first["msg"], field=where
        ) from None


def order_number_key(order_number: str) -> str:
    """The comparable core of an order number: ``PO-0042``, ``PO 42`` and ``#42`` give ``42``."""
    digits = "".join(ch for ch in order_number if ch.isdigit())
    if digits:
        return digits.lstrip("0") or "0"
    return "".join(ch for ch in order_number.upper() if ch.isalnum())


class Catalog:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add_outlet(self, data: OutletIn) -> dict[str, Any]:
        try:
            async with self.db.session() as session:
                outlet = await catalog.add_outlet(session, data.name, data.id)
                return outlet_view(outlet)
        except AlreadyExists as exc:
            raise Conflict(exc.detail) from None

    async def list_outlets(
        self, offset: int = 0, limit: int | None = None, ids: Iterable[str] | None = None
    ) -> tuple[int, list[dict[str, Any]]]:
        async with self.db.session() as session:
            count, rows = await catalog.list_outlets(
                session, offset, limit, None if ids is None else list(ids)
            )
            return count, [outlet_view(o) for o in rows]

    async def add_supplier(self, data: SupplierIn) -> dict[str, Any]:
        try:
            async with self.db.session() as session:
                supplier = await catalog.add_supplier(session, **data.model_dump())
                return supplier_view(supplier)
        except AlreadyExists as exc:
            raise Conflict(exc.detail) from None

    async def list_suppliers(
        self, offset: int = 0, limit: int | None = None
    ) -> tuple[int, list[dict[str, Any]]]:
        async with self.db.session() as session:
            count, rows = await catalog.list_suppliers(session, offset, limit)
            return count, [supplier_view(s) for s in rows]

    async def add_purchase_orders(self, orders: list[PurchaseOrderIn]) -> list[dict[str, Any]]:
        """Create all of ``orders`` or none of them."""
        out = []
        try:
            async with self.db.session() as session:
                for i, data in enumerate(orders):
                    where = f"[{i}] " if len(orders) > 1 else ""
                    if await catalog.get_outlet(session, data.outlet) is None:
                        raise NotFound(f"{where}outlet {data.outlet} does not exist")
                    if data.supplier and await catalog.get_supplier(session, data.supplier) is None:
                        raise NotFound(f"{where}supplier {data.supplier} does not exist")
                    fields = data.model_dump(exclude={"lines", "outlet", "supplier"})
                    po = await catalog.add_purchase_order(
                        session,
                        lines=[line.model_dump() for line in data.lines],
                        outlet_id=data.outlet,
                        supplier_id=data.supplier,
                        order_number_key=order_number_key(data.order_number),
                        **fields,
                    )
                    out.append(purchase_order_view(po))
        except AlreadyExists as exc:
            raise Conflict(exc.detail) from None
        return out

    async def list_purchase_orders(
        self,
        offset: int = 0,
        limit: int | None = None,
        outlet_id: str | None = None,
        supplier_id: str | None = None,
        status: str | None = None,
        outlet_ids: Iterable[str] | None = None,
    ) -> tuple[int, list[dict[str, Any]]]:
        async with self.db.session() as session:
            count, rows = await catalog.list_purchase_orders(
                session,
                offset,
                limit,
                outlet_id,
                supplier_id,
                status,
                None if outlet_ids is None else list(outlet_ids),
            )
            return count, [purchase_order_view(po) for po in rows]

    async def import_suppliers_csv(self, path: Path) -> int:
        """Columns: id, name, tax_id, aliases and emails (``;``-separated). All rows or none."""
        rows = _read_csv(path, required=("name",))
        items = []
        for line_no, row in rows:
            data = {
                "id": row.get("id") or None,
                "name": row.get("name", ""),
                "tax_id": row.get("tax_id") or None,
                "aliases": _split(row.get("aliases")),
                "emails": _split(row.get("emails")),
            }
            items.append(_row(SupplierIn, data, line_no))
        try:
            async with self.db.session() as session:
                for data in items:
                    await catalog.add_supplier(session, **data.model_dump())
        except AlreadyExists as exc:
            raise Conflict(exc.detail) from None
        return len(items)

    async def import_purchase_orders_csv(self, path: Path) -> int:
        """One row per order line; rows with the same order (id or number) form one order."""
        rows = _read_csv(path, required=("order_number", "outlet"))
        orders: dict[tuple[str, str], dict[str, Any]] = {}
        first_line: dict[tuple[str, str], int] = {}
        for line_no, row in rows:
            key = (row.get("outlet", ""), row.get("id") or row.get("order_number", ""))
            order = orders.setdefault(
                key,
                {
                    k: row.get(k) or None
                    for k in (
                        "id",
                        "order_number",
                        "outlet",
                        "supplier",
                        "ordered_on",
                        "expected_delivery_date",
                        "total",
                        "currency",
                    )
                }
                | {"status": row.get("status") or "ORDERED", "lines": []},
            )
            first_line.setdefault(key, line_no)
            line = {
                k: row.get(f"line_{k}") or None
                for k in ("description", "product_code", "quantity", "unit", "unit_price", "total")
            }
            if any(line.values()):
                order["lines"].append(line)
        parsed = [_row(PurchaseOrderIn, data, first_line[key]) for key, data in orders.items()]
        await self.add_purchase_orders(parsed)
        return len(parsed)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _read_csv(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidRequest(f"{path}: cannot read: {exc}") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise InvalidRequest(f"{path}: missing column(s) {', '.join(missing)}")
    return [
        (line_no, {k.strip(): (v or "").strip() for k, v in row.items() if k})
        for line_no, row in enumerate(reader, start=2)
    ]


def _row(model: type[BaseModel], data: dict[str, Any], line_no: int) -> Any:
    try:
        return parse(model, data)
    except InvalidRequest as exc:
        raise InvalidRequest(f"line {line_no}: {exc.detail}", field=exc.field) from None
