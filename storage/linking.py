"""Queries the linker needs: suppliers by VAT id and by outlet, orders by number and by date,
what has already been invoiced against orders, and earlier invoices with the same number.

Each query is served by an index of migration 0002, so linking one invoice costs the same with
five thousand orders as with five million.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, inspect, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import lazyload, raiseload, selectinload

from storage.models import Invoice, InvoicePurchaseOrder, PurchaseOrder, Supplier, tax_id_key
from storage.status import ProcessingStatus

#: invoices that count as received (not failed): their numbers and amounts are real
READ_STATUSES = (ProcessingStatus.PROCESSED, ProcessingStatus.INCOMPLETE, ProcessingStatus.MANUAL)


@dataclass
class Invoiced:
    """What other invoices already set against one order."""

    amount: Decimal = Decimal(0)
    invoice_numbers: list[str] = field(default_factory=list)
    #: an invoice is linked whose amount is not known yet (not read, or no total)
    unknown: bool = False


async def suppliers_by_tax_id(session: AsyncSession, tax_id: str) -> list[Supplier]:
    key = tax_id_key(tax_id)
    if key is None:
        return []
    rows = await session.scalars(
        select(Supplier).where(Supplier.tax_id_key == key).order_by(Supplier.id)
    )
    return list(rows)


async def outlet_suppliers(session: AsyncSession, outlet_id: str) -> list[Supplier]:
    """Suppliers with a purchase order or an invoice at the outlet.

    Written as EXISTS probes per supplier (index on supplier_id, outlet_id) rather than a
    DISTINCT over the outlet's orders, which would grow with the outlet's history.
    """
    has_order = (
        select(PurchaseOrder.id)
        .where(PurchaseOrder.supplier_id == Supplier.id, PurchaseOrder.outlet_id == outlet_id)
        .exists()
    )
    has_invoice = (
        select(Invoice.id)
        .where(Invoice.supplier_id == Supplier.id, Invoice.outlet_id == outlet_id)
        .exists()
    )
    rows = await session.scalars(
        select(Supplier).where(or_(has_order, has_invoice)).order_by(Supplier.id)
    )
    return list(rows)


async def all_suppliers(session: AsyncSession) -> list[Supplier]:
    return list(await session.scalars(select(Supplier).order_by(Supplier.id)))


async def orders_by_number_key(
    session: AsyncSession, outlet_id: str, keys: Sequence[str]
) -> list[PurchaseOrder]:
    if not keys:
        return []
    rows = await session.scalars(
        select(PurchaseOrder)
        .where(PurchaseOrder.outlet_id == outlet_id, PurchaseOrder.order_number_key.in_(keys))
        .order_by(PurchaseOrder.order_number, PurchaseOrder.id)
    )
    return list(rows)


async def open_orders(
    session: AsyncSession,
    outlet_id: str,
    supplier_id: str,
    statuses: Sequence[str],
    ordered_from: date,
    ordered_to: date,
) -> list[PurchaseOrder]:
    """The supplier's orders at the outlet in ``statuses`` ordered within the date range."""
    rows = await session.scalars(
        select(PurchaseOrder)
        .where(
            PurchaseOrder.supplier_id == supplier_id,
            PurchaseOrder.outlet_id == outlet_id,
            PurchaseOrder.status.in_(statuses),
            PurchaseOrder.ordered_on.between(ordered_from, ordered_to),
            PurchaseOrder.total.is_not(None),
        )
        .order_by(PurchaseOrder.ordered_on, PurchaseOrder.id)
        # lines only for the orders that get linked (see with_lines)
        .options(lazyload(PurchaseOrder.lines))
    )
    return list(rows)


async def with_lines(session: AsyncSession, orders: Sequence[PurchaseOrder]) -> None:
    """Make sure the lines of ``orders`` are loaded (``open_orders`` leaves them out)."""
    missing = [o.id for o in orders if "lines" in inspect(o).unloaded]
    if missing:
        await session.execute(
            select(PurchaseOrder)
            .where(PurchaseOrder.id.in_(missing))
            .options(selectinload(PurchaseOrder.lines))
        )


async def invoiced_amounts(
    session: AsyncSession, order_ids: Sequence[str], exclude_invoice_id: str
) -> dict[str, Invoiced]:
    """Per order, the amounts of other invoices linked to it (failed invoices do not count).

    A link made before its invoice was read has no amount; the invoice's total stands in, and
    if that is unknown too the order is marked ``unknown``.
    """
    out: dict[str, Invoiced] = {order_id: Invoiced() for order_id in order_ids}
    if not order_ids:
        return out
    rows = await session.execute(
        select(
            InvoicePurchaseOrder.purchase_order_id,
            func.coalesce(InvoicePurchaseOrder.amount, Invoice.total_incl_tax),
            Invoice.invoice_number,
            Invoice.id,
        )
        .join(Invoice, Invoice.id == InvoicePurchaseOrder.invoice_id)
        .where(
            InvoicePurchaseOrder.purchase_order_id.in_(order_ids),
            InvoicePurchaseOrder.invoice_id != exclude_invoice_id,
            Invoice.processing_status != ProcessingStatus.ERROR,
        )
    )
    for order_id, amount, number, invoice_id in rows.all():
        entry = out[order_id]
        entry.invoice_numbers.append(number or invoice_id)
        if amount is None:
            entry.unknown = True
        else:
            entry.amount += Decimal(amount)
    return out


async def invoices_with_number(
    session: AsyncSession, outlet_id: str, invoice_number: str, exclude_invoice_id: str
) -> list[Invoice]:
    """Other invoices of the outlet, already read, that carry ``invoice_number``.

    Only their own columns are read: the duplicate check compares numbers, suppliers and totals,
    and loading each one's lines and order links (two more queries) was a third of linking.
    """
    rows = await session.scalars(
        select(Invoice)
        .options(raiseload(Invoice.line_items), raiseload(Invoice.purchase_order_links))
        .where(
            Invoice.outlet_id == outlet_id,
            Invoice.invoice_number == invoice_number,
            Invoice.id != exclude_invoice_id,
            Invoice.processing_status.in_(READ_STATUSES),
        )
        .order_by(Invoice.created_date, Invoice.id)
    )
    return list(rows)


async def add_supplier_alias(session: AsyncSession, supplier: Supplier, alias: str) -> bool:
    """Add ``alias`` to the supplier unless it is there already (any case); True if added."""
    known = {supplier.name.casefold(), *(a.casefold() for a in supplier.aliases or [])}
    if alias.casefold() in known:
        return False
    # a new list, so the JSON column is seen as changed
    supplier.aliases = [*(supplier.aliases or []), alias]
    await session.flush()
    return True


async def orders_with_numbers(
    session: AsyncSession, outlet_id: str, order_numbers: Sequence[str]
) -> list[PurchaseOrder]:
    """The outlet's orders with one of these exact numbers (an import must not repeat them)."""
    if not order_numbers:
        return []
    rows = await session.scalars(
        select(PurchaseOrder).where(
            PurchaseOrder.outlet_id == outlet_id, PurchaseOrder.order_number.in_(order_numbers)
        )
    )
    return list(rows)
