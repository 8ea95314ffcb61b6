"""The review inbox: invoices that need a person, filtered and counted by the reason why.

The reasons are the SQL form of ``bot.report.attention`` (which words them for people); a test
checks both agree on every kind of invoice. An invoice leaves the inbox once a person approved,
rejected or paid it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Text, and_, case, cast, exists, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import lazyload

from storage.models import Invoice, InvoicePurchaseOrder, PurchaseOrder, Supplier
from storage.status import PENDING, ApprovalStatus, ProcessingStatus

#: approval statuses of invoices still waiting for a person
OPEN = (ApprovalStatus.RECEIVED, ApprovalStatus.PENDING_APPROVAL, ApprovalStatus.FLAGGED)


def _not_error() -> ColumnElement[bool]:
    return Invoice.processing_status != ProcessingStatus.ERROR


def _has_variance() -> ColumnElement[bool]:
    listed = func.coalesce(cast(Invoice.variances, Text), "[]").not_in(["[]", "null"])
    return or_(listed, Invoice.approval_status == ApprovalStatus.FLAGGED)


def _duplicate() -> ColumnElement[bool]:
    duplicate_of = Invoice.extraction["duplicate_of"].as_string()
    return and_(duplicate_of.is_not(None), duplicate_of != "")


def _no_po() -> ColumnElement[bool]:
    linked = exists().where(InvoicePurchaseOrder.invoice_id == Invoice.id)
    return and_(_not_error(), ~linked)


#: each reason by its key (bot.review gives the words), as a condition on an invoice
REASONS: dict[str, Callable[[], ColumnElement[bool]]] = {
    "error": lambda: Invoice.processing_status == ProcessingStatus.ERROR,
    "missing": lambda: Invoice.processing_status == ProcessingStatus.INCOMPLETE,
    "variance": _has_variance,
    "duplicate": _duplicate,
    "no_supplier": lambda: and_(_not_error(), Invoice.supplier_id.is_(None)),
    "no_po": _no_po,
}


@dataclass(frozen=True)
class InboxFilter:
    #: the outlets the person may see; None means all
    outlet_ids: Sequence[str] | None = None
    outlet_id: str | None = None
    supplier_id: str | None = None
    bulk_importation_id: str | None = None
    #: a key of :data:`REASONS`
    reason: str | None = None
    created_from: datetime | None = None
    created_before: datetime | None = None


def _where(where: InboxFilter, with_reason: bool = True) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        Invoice.processing_status.not_in(sorted(PENDING)),
        Invoice.approval_status.in_(OPEN),
        or_(*(condition() for condition in REASONS.values())),
    ]
    if where.outlet_ids is not None:
        conditions.append(Invoice.outlet_id.in_(where.outlet_ids) if where.outlet_ids else false())
    if where.outlet_id is not None:
        conditions.append(Invoice.outlet_id == where.outlet_id)
    if where.supplier_id is not None:
        conditions.append(Invoice.supplier_id == where.supplier_id)
    if where.bulk_importation_id is not None:
        conditions.append(Invoice.bulk_importation_id == where.bulk_importation_id)
    if where.created_from is not None:
        conditions.append(Invoice.created_date >= where.created_from)
    if where.created_before is not None:
        conditions.append(Invoice.created_date < where.created_before)
    if with_reason and where.reason is not None:
        conditions.append(REASONS[where.reason]())
    return conditions


def _order(ordering: str) -> list[Any]:
    column = getattr(Invoice, ordering.lstrip("-"))
    if ordering.startswith("-"):
        return [column.desc(), Invoice.id.desc()]
    return [column, Invoice.id]


async def inbox(
    session: AsyncSession, where: InboxFilter, offset: int, limit: int, ordering: str
) -> tuple[int, list[Invoice]]:
    """One page of the inbox and how many invoices it has in all."""
    conditions = _where(where)
    count = await session.scalar(select(func.count(Invoice.id)).where(*conditions))
    rows = await session.scalars(
        select(Invoice).where(*conditions).order_by(*_order(ordering)).offset(offset).limit(limit)
    )
    return int(count or 0), list(rows)


async def reason_counts(session: AsyncSession, where: InboxFilter) -> dict[str, int]:
    """How many invoices of the inbox (without its reason filter) have each reason."""
    columns = [
        func.coalesce(func.sum(case((condition(), 1), else_=0)), 0).label(key)
        for key, condition in REASONS.items()
    ]
    row = (await session.execute(select(*columns).where(*_where(where, False)))).one()
    return {key: int(value) for key, value in zip(REASONS, row, strict=True)}


async def reasons_of(session: AsyncSession, invoice_id: str) -> set[str]:
    """The reason keys that hold for one invoice (the inbox's view of it)."""
    columns = [condition().label(key) for key, condition in REASONS.items()]
    row = (await session.execute(select(*columns).where(Invoice.id == invoice_id))).one()
    return {key for key, value in zip(REASONS, row, strict=True) if value}


async def neighbours(
    session: AsyncSession, where: InboxFilter, invoice_id: str, ordering: str
) -> tuple[str | None, str | None]:
    """The ids before and after an invoice in the inbox's order (None at either end)."""
    ids = list(
        await session.scalars(select(Invoice.id).where(*_where(where)).order_by(*_order(ordering)))
    )
    if invoice_id not in ids:
        return None, ids[0] if ids else None
    at = ids.index(invoice_id)
    return (ids[at - 1] if at > 0 else None), (ids[at + 1] if at + 1 < len(ids) else None)


async def search_suppliers(session: AsyncSession, text: str, limit: int = 20) -> list[Supplier]:
    """Suppliers whose name, an alias or VAT id holds ``text`` (any case)."""
    pattern = f"%{text.strip().lower()}%"
    rows = await session.scalars(
        select(Supplier)
        .where(
            or_(
                func.lower(Supplier.name).like(pattern),
                func.lower(cast(Supplier.aliases, Text)).like(pattern),
                func.lower(func.coalesce(Supplier.tax_id, "")).like(pattern),
            )
        )
        .order_by(Supplier.name, Supplier.id)
        .limit(limit)
    )
    return list(rows)


async def orders_to_link(
    session: AsyncSession,
    outlet_id: str,
    supplier_id: str | None,
    statuses: Sequence[str],
    limit: int = 30,
) -> list[PurchaseOrder]:
    """The outlet's orders in ``statuses``, the supplier's first, newest first."""
    theirs = case((PurchaseOrder.supplier_id == (supplier_id or ""), 0), else_=1)
    rows = await session.scalars(
        select(PurchaseOrder)
        .where(PurchaseOrder.outlet_id == outlet_id, PurchaseOrder.status.in_(statuses))
        .order_by(theirs, PurchaseOrder.ordered_on.desc(), PurchaseOrder.id)
        .limit(limit)
        .options(lazyload(PurchaseOrder.lines))
    )
    return list(rows)
