"""Outlets, suppliers and purchase orders: what invoices are linked to.

Input is validated with pydantic models (also the API's request schemas) and turned into our
errors; CSV imports check every row first and write nothing unless all rows are good.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.bounds import AMOUNT_SCHEMA, NO_NUL, VISIBLE, parse_amount, storable_text
from bot.errors import AlreadyExists, Conflict, InvalidRequest, NotFound
from bot.views import iso, money, number
from storage import catalog
from storage import linking as linking_queries
from storage.bounds import (
    CURRENCY_LENGTH,
    EMAIL_LENGTH,
    ID_LENGTH,
    LIST_LENGTH,
    NAME_LENGTH,
    ORDER_NUMBER_LENGTH,
    PRODUCT_CODE_LENGTH,
    TAX_ID_LENGTH,
    TEXT_LENGTH,
    UNIT_LENGTH,
)
from storage.db import Database
from storage.models import Outlet, PurchaseOrder, Supplier
from storage.status import PurchaseOrderStatus

PO_STATUSES = tuple(PurchaseOrderStatus)


_storable = AfterValidator(storable_text)
#: ids chosen by the caller; texts each as long as their column (storage/bounds.py)
Id = Annotated[str, Field(min_length=1, max_length=ID_LENGTH, pattern=VISIBLE), _storable]
#: an optional id where "" means none (the validator below), and the document says so
OptionalId = Annotated[
    Id | None,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1, "maxLength": ID_LENGTH, "pattern": VISIBLE},
                {"const": ""},
                {"type": "null"},
            ]
        }
    ),
]
Name = Annotated[str, Field(min_length=1, max_length=NAME_LENGTH, pattern=VISIBLE), _storable]
Alias = Annotated[str, Field(max_length=NAME_LENGTH, pattern=NO_NUL), _storable]
TaxId = Annotated[str, Field(max_length=TAX_ID_LENGTH, pattern=NO_NUL), _storable]
Email = Annotated[str, Field(max_length=EMAIL_LENGTH, pattern=NO_NUL), _storable]
OrderNumber = Annotated[
    str, Field(min_length=1, max_length=ORDER_NUMBER_LENGTH, pattern=VISIBLE), _storable
]
Currency = Annotated[
    str, Field(min_length=CURRENCY_LENGTH, max_length=CURRENCY_LENGTH, pattern="^[A-Za-z]{3}$")
]
Description = Annotated[str, Field(max_length=TEXT_LENGTH, pattern=NO_NUL), _storable]
ProductCode = Annotated[str, Field(max_length=PRODUCT_CODE_LENGTH, pattern=NO_NUL), _storable]
Unit = Annotated[str, Field(max_length=UNIT_LENGTH, pattern=NO_NUL), _storable]


def _iso_date(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` (pydantic would also take 0 as 1970-01-01, or a date-time)."""
    if isinstance(value, str) and not ISO_DATE.fullmatch(value):
        raise ValueError("must be a date as YYYY-MM-DD")
    if not isinstance(value, str | date):
        raise ValueError("must be a date as YYYY-MM-DD")
    return value


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
#: a finite amount that fits NUMERIC(18, 4), as the OpenAPI document describes it
Money = Annotated[Decimal, BeforeValidator(parse_amount), WithJsonSchema(AMOUNT_SCHEMA)]


class OutletIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: Id | None = None
    name: Name


class SupplierIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: Id | None = None
    name: Name
    tax_id: TaxId | None = None
    aliases: list[Alias] = Field(default_factory=list, max_length=LIST_LENGTH)
    emails: list[Email] = Field(default_factory=list, max_length=LIST_LENGTH)


class PurchaseOrderLineIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    description: Description | None = None
    product_code: ProductCode | None = None
    quantity: Money | None = None
    unit: Unit | None = None
    unit_price: Money | None = None
    total: Money | None = None


class PurchaseOrderIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: OptionalId = None
    order_number: OrderNumber
    outlet: Id
    supplier: OptionalId = None
    status: PurchaseOrderStatus = PurchaseOrderStatus.ORDERED
    ordered_on: IsoDate | None = None
    expected_delivery_date: IsoDate | None = None
    total: Money | None = None
    currency: Currency | None = None
    lines: list[PurchaseOrderLineIn] = Field(default_factory=list, max_length=1000)

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
        async with self.db.read() as session:
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
        async with self.db.read() as session:
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
        async with self.db.read() as session:
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

    async def supplier_for_email(self, address: str) -> str | None:
        """The supplier whose ``emails`` hold this address, else the only one holding its
        domain; None when none does, or several share the domain and none the address."""
        async with self.db.read() as session:
            found = await catalog.suppliers_with_email(session, address)
        exact = [s for s in found if address.strip().lower() in _lower(s.emails)]
        if exact:
            return exact[0].id
        return found[0].id if len(found) == 1 else None

    async def purchase_orders_numbered(self, outlet_id: str, numbers: Iterable[str]) -> list[str]:
        """Ids of the outlet's purchase orders with these numbers (``PO-42``, ``po 42``, ``#42``
        all name order 42); numbers that name no order are left out."""
        keys = list(dict.fromkeys(order_number_key(n) for n in numbers if n.strip()))
        async with self.db.read() as session:
            orders = await linking_queries.orders_by_number_key(session, outlet_id, keys)
        return list(dict.fromkeys(po.id for po in orders))

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
        """One row per order line; rows with the same outlet and order number form one order.

        Every row is checked before anything is written; all problems are reported together,
        each with its line number, and then nothing is imported. See docs/purchase-orders-csv.md.
        """
        rows = _read_csv(path, required=("order_number", "outlet"))
        problems: list[str] = []
        orders: dict[tuple[str, str], _CsvOrder] = {}
        for line_no, row in rows:
            header = {k: row.get(k) or None for k in ORDER_COLUMNS}
            if not header["order_number"] or not header["outlet"]:
                problems.append(f"line {line_no}: order_number and outlet are required")
                continue
            key = (header["outlet"], header["order_number"])
            order = orders.get(key)
            if order is None:
                order = orders[key] = _CsvOrder(line_no, header)
            else:
                for name, value in header.items():
                    first = order.header.get(name)
                    if value and first and value != first:
                        problems.append(
                            f"line {line_no}: {name} {value!r} differs from {first!r} on line "
                            f"{order.first_line} of the same order"
                        )
                    elif value and not first:
                        order.header[name] = value
            line = {k: row.get(f"line_{k}") or None for k in LINE_COLUMNS}
            if any(line.values()):
                order.lines.append((line_no, line))
        parsed: list[tuple[int, PurchaseOrderIn]] = []
        for order in orders.values():
            checked = _validate_order(order, problems)
            if checked is not None:
                parsed.append((order.first_line, checked))
        async with self.db.session() as session:
            await _check_references(session, parsed, problems)
            if problems:
                raise InvalidRequest(_problem_report(path, problems))
            for _, data in parsed:
                fields = data.model_dump(exclude={"lines", "outlet", "supplier"})
                await catalog.add_purchase_order(
                    session,
                    lines=[line.model_dump() for line in data.lines],
                    outlet_id=data.outlet,
                    supplier_id=data.supplier,
                    order_number_key=order_number_key(data.order_number),
                    **fields,
                )
        return len(parsed)


ORDER_COLUMNS = (
    "id",
    "order_number",
    "outlet",
    "supplier",
    "status",
    "ordered_on",
    "expected_delivery_date",
    "total",
    "currency",
)
LINE_COLUMNS = ("description", "product_code", "quantity", "unit", "unit_price", "total")
#: problems listed in one error before "and N more"
MAX_PROBLEMS = 50


@dataclass
class _CsvOrder:
    first_line: int
    header: dict[str, str | None]
    lines: list[tuple[int, dict[str, str | None]]] = field(default_factory=list)


def _validate_order(order: _CsvOrder, problems: list[str]) -> PurchaseOrderIn | None:
    """The order as the API's model, or None with its problems added (each with its line)."""
    ok = True
    lines = []
    for line_no, line in order.lines:
        try:
            lines.append(PurchaseOrderLineIn.model_validate(line))
        except ValidationError as exc:
            ok = False
            problems.extend(f"line {line_no}: {msg}" for msg in _messages(exc, "line_"))
    header = {k: v for k, v in order.header.items() if v is not None}
    header.setdefault("status", "ORDERED")
    try:
        data = PurchaseOrderIn.model_validate(header)
    except ValidationError as exc:
        problems.extend(f"line {order.first_line}: {msg}" for msg in _messages(exc, ""))
        return None
    if not ok:
        return None
    if data.total is None and lines and all(line.total is not None for line in lines):
        # the order total is what amount matching compares; the lines' sum is that total
        data.total = sum((line.total for line in lines if line.total is not None), Decimal(0))
    data.lines = lines
    return data


def _messages(exc: ValidationError, prefix: str) -> list[str]:
    out = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"])
        value = error.get("input")
        shown = f" (got {value!r})" if isinstance(value, str) else ""
        out.append(f"{prefix}{where}: {error['msg']}{shown}")
    return out


async def _check_references(
    session: AsyncSession, parsed: list[tuple[int, PurchaseOrderIn]], problems: list[str]
) -> None:
    """Unknown outlets or suppliers, ids already taken, numbers the outlet already has."""
    outlets = {data.outlet for _, data in parsed}
    suppliers = {data.supplier for _, data in parsed if data.supplier}
    known_outlets = {o for o in outlets if await catalog.get_outlet(session, o) is not None}
    known_suppliers = {s for s in suppliers if await catalog.get_supplier(session, s) is not None}
    ids = [data.id for _, data in parsed if data.id]
    taken_ids = {po.id for po in await catalog.get_purchase_orders(session, ids)}
    taken_numbers: set[tuple[str, str]] = set()
    for outlet in known_outlets:
        numbers = [data.order_number for _, data in parsed if data.outlet == outlet]
        for po in await linking_queries.orders_with_numbers(session, outlet, numbers):
            taken_numbers.add((outlet, po.order_number))
    seen_ids: dict[str, int] = {}
    for line_no, data in parsed:
        if data.id and seen_ids.setdefault(data.id, line_no) != line_no:
            problems.append(
                f"line {line_no}: purchase order id {data.id} is used on line "
                f"{seen_ids[data.id]} already, for another order"
            )
        if data.outlet not in known_outlets:
            problems.append(f"line {line_no}: outlet {data.outlet} does not exist")
        if data.supplier and data.supplier not in known_suppliers:
            problems.append(f"line {line_no}: supplier {data.supplier} does not exist")
        if data.id in taken_ids:
            problems.append(f"line {line_no}: purchase order {data.id} already exists")
        elif (data.outlet, data.order_number) in taken_numbers:
            problems.append(
                f"line {line_no}: outlet {data.outlet} already has an order {data.order_number}"
            )


def _problem_report(path: Path, problems: list[str]) -> str:
    def line_of(problem: str) -> int:
        return int(problem.split(":", 1)[0].removeprefix("line "))

    ordered = sorted(problems, key=line_of)
    shown = ordered[:MAX_PROBLEMS]
    more = len(ordered) - len(shown)
    tail = f"\n... and {more} more" if more else ""
    return f"{path}: {len(ordered)} problem(s), nothing imported:\n" + "\n".join(shown) + tail


def _lower(values: Iterable[str] | None) -> set[str]:
    return {v.strip().lower() for v in values or ()}


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
