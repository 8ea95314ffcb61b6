"""Queries for outlets, suppliers and purchase orders: what invoices are linked to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import String, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.errors import AlreadyExists
from storage.models import Outlet, PurchaseOrder, PurchaseOrderLine, Supplier, new_id

#: an outlet, supplier or purchase order: rows whose id the caller may choose
RowT = TypeVar("RowT", Outlet, Supplier, PurchaseOrder)


async def get_outlet(session: AsyncSession, outlet_id: str) -> Outlet | None:
    return await session.get(Outlet, outlet_id)


async def add_outlet(session: AsyncSession, name: str, outlet_id: str | None = None) -> Outlet:
    return await _add(session, Outlet(id=outlet_id or new_id(), name=name), "outlet")


async def list_outlets(
    session: AsyncSession,
    offset: int = 0,
    limit: int | None = None,
    ids: Sequence[str] | None = None,
) -> tuple[int, list[Outlet]]:
    query = select(Outlet)
    if ids is not None:
        query = query.where(Outlet.id.in_(ids))
    return await _page(session, query, Outlet.id, offset, limit)


async def get_supplier(session: AsyncSession, supplier_id: str) -> Supplier | None:
    return await session.get(Supplier, supplier_id)


async def get_suppliers(session: AsyncSession, ids: Sequence[str]) -> list[Supplier]:
    if not ids:
        return []
    return list(await session.scalars(select(Supplier).where(Supplier.id.in_(list(ids)))))


async def suppliers_with_email(session: AsyncSession, address: str) -> list[Supplier]:
    """Suppliers whose ``emails`` hold this address, its domain (``example.com``,
    ``@example.com`` or ``*@example.com``), best first: exact addresses before domains.

    The JSON list is searched as text for the domain, then each entry is compared exactly.
    """
    address = address.strip().lower()
    domain = address.rpartition("@")[2]
    if not domain:
        return []
    escaped = domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = await session.scalars(
        select(Supplier)
        .where(func.lower(cast(Supplier.emails, String)).like(f"%{escaped}%", escape="\\"))
        .order_by(Supplier.id)
    )
    exact: list[Supplier] = []
    by_domain: list[Supplier] = []
    for supplier in rows:
        entries = {e.strip().lower() for e in supplier.emails or []}
        if address in entries:
            exact.append(supplier)
        elif entries & {domain, f"@{domain}", f"*@{domain}"}:
            by_domain.append(supplier)
    return exact + by_domain


async def add_supplier(session: AsyncSession, **fields: Any) -> Supplier:
    fields["id"] = fields.get("id") or new_id()
    return await _add(session, Supplier(**fields), "supplier")


async def list_suppliers(
    session: AsyncSession, offset: int = 0, limit: int | None = None
) -> tuple[int, list[Supplier]]:
    return await _page(session, select(Supplier), Supplier.name, offset, limit)


async def get_purchase_orders(session: AsyncSession, ids: Sequence[str]) -> list[PurchaseOrder]:
    if not ids:
        return []
    rows = await session.scalars(select(PurchaseOrder).where(PurchaseOrder.id.in_(ids)))
    return list(rows)


async def add_purchase_order(
    session: AsyncSession, lines: Sequence[dict[str, Any]] = (), **fields: Any
) -> PurchaseOrder:
    fields["id"] = fields.get("id") or new_id()
    order = PurchaseOrder(**fields)
    order.lines = [PurchaseOrderLine(position=i, **line) for i, line in enumerate(lines)]
    return await _add(session, order, "purchase order")


async def list_purchase_orders(
    session: AsyncSession,
    offset: int = 0,
    limit: int | None = None,
    outlet_id: str | None = None,
    supplier_id: str | None = None,
    status: str | None = None,
    outlet_ids: Sequence[str] | None = None,
) -> tuple[int, list[PurchaseOrder]]:
    query = select(PurchaseOrder)
    if outlet_id is not None:
        query = query.where(PurchaseOrder.outlet_id == outlet_id)
    if outlet_ids is not None:
        query = query.where(PurchaseOrder.outlet_id.in_(outlet_ids))
    if supplier_id is not None:
        query = query.where(PurchaseOrder.supplier_id == supplier_id)
    if status is not None:
        query = query.where(PurchaseOrder.status == status)
    return await _page(session, query, PurchaseOrder.order_number, offset, limit)


async def _add(session: AsyncSession, row: RowT, what: str) -> RowT:
    """Insert ``row`` whose id the caller may have chosen; :class:`AlreadyExists` if taken."""
    if await session.get(type(row), row.id) is not None:
        raise AlreadyExists(f"{what} {row.id} already exists")
    session.add(row)
    await session.flush()
    return row


async def _page(
    session: AsyncSession, query: Any, order: Any, offset: int, limit: int | None
) -> tuple[int, list[Any]]:
    count = await session.scalar(select(func.count()).select_from(query.subquery()))
    rows = await session.scalars(query.order_by(order).offset(offset).limit(limit))
    return int(count or 0), list(rows)
