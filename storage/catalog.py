"""Queries for outlets, suppliers and purchase orders: what invoices are linked to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.errors import AlreadyExists
from storage.models import Outlet, PurchaseOrder, PurchaseOrderLine, Supplier


async def get_outlet(session: AsyncSession, outlet_id: str) -> Outlet | None:
    return await session.get(Outlet, outlet_id)


async def add_outlet(session: AsyncSession, name: str, outlet_id: str | None = None) -> Outlet:
    if outlet_id and await session.get(Outlet, outlet_id) is not None:
        raise AlreadyExists(f"outlet {outlet_id} already exists")
    outlet = Outlet(id=outlet_id, name=name) if outlet_id else Outlet(name=name)
    session.add(outlet)
    await session.flush()
    return outlet


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


async def add_supplier(session: AsyncSession, **fields: Any) -> Supplier:
    supplier_id = fields.get("id")
    if supplier_id and await session.get(Supplier, supplier_id) is not None:
        raise AlreadyExists(f"supplier {supplier_id} already exists")
    if not supplier_id:
        fields.pop("id", None)
    supplier = Supplier(**fields)
    session.add(supplier)
    await session.flush()
    return supplier


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
    po_id = fields.get("id")
    if po_id and await session.get(PurchaseOrder, po_id) is not None:
        raise AlreadyExists(f"purchase order {po_id} already exists")
    if not po_id:
        fields.pop("id", None)
    order = PurchaseOrder(**fields)
    order.lines = [PurchaseOrderLine(position=i, **line) for i, line in enumerate(lines)]
    session.add(order)
    await session.flush()
    return order


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


async def _page(
    session: AsyncSession, query: Any, order: Any, offset: int, limit: int | None
) -> tuple[int, list[Any]]:
    count = await session.scalar(select(func.count()).select_from(query.subquery()))
    rows = await session.scalars(query.order_by(order).offset(offset).limit(limit))
    return int(count or 0), list(rows)
