"""Queries for bulk importations, invoices, their line items and purchase-order links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Update, func, select, update
from sqlalchemy import insert as insert_into
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import insert_or_skip, integrity_error, is_unique_violation
from storage.errors import AlreadyExists
from storage.models import (
    INVOICE_PURCHASE_ORDERS,
    INVOICES,
    Invoice,
    InvoiceLineItem,
    InvoicePurchaseOrder,
)
from storage.status import LinkKind, ProcessingStatus
from storage.types import utcnow

#: columns a list may be ordered by (the API's ``ordering``)
ORDERABLE = (
    "created_date",
    "modified_date",
    "invoice_date",
    "due_date",
    "invoice_number",
    "total_incl_tax",
    "processing_status",
)


@dataclass(frozen=True)
class InvoiceFilter:
    bulk_importation_id: str | None = None
    outlet_id: str | None = None
    supplier_id: str | None = None
    processing_status: str | None = None
    approval_status: str | None = None
    modified_after: datetime | None = None
    #: limit to these outlets (a client restricted to some); None means all
    outlet_ids: Sequence[str] | None = None


async def add_invoice(session: AsyncSession, **fields: Any) -> Invoice:
    """Insert one invoice; :class:`AlreadyExists` if the outlet already has these bytes.

    A savepoint keeps one duplicate (two uploads racing on PostgreSQL) from undoing the batch.
    """
    invoice = Invoice(**fields)
    try:
        async with session.begin_nested():
            session.add(invoice)
            await session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise integrity_error(exc) from exc
        raise AlreadyExists(f"file {fields.get('file_sha256')} exists for this outlet") from exc
    return invoice


async def add_new_invoices(
    session: AsyncSession, rows: Sequence[dict[str, Any]], purchase_order_ids: Sequence[str] = ()
) -> dict[str, str]:
    """Insert the invoices whose file the outlet does not have yet, each linked to
    ``purchase_order_ids`` (requested links); return the new ids by SHA-256.

    One statement for all (``ON CONFLICT DO NOTHING``): a file the outlet already has,
    committed by another request meanwhile too, is skipped and left out of the answer (find
    it with :func:`find_invoices_by_files`). Rows must hold the same keys; the columns'
    defaults fill the rest. The files of ``rows`` must differ.
    """
    if not rows:
        return {}
    table = INVOICES
    insert = insert_or_skip(session, table, ("outlet_id", "file_sha256"))
    result = await session.execute(insert.returning(table.c.file_sha256, table.c.id), rows)
    created = {sha: invoice_id for sha, invoice_id in result.all()}
    if created and purchase_order_ids:
        links = [
            {"invoice_id": invoice_id, "purchase_order_id": po_id, "link": LinkKind.REQUESTED}
            for invoice_id in created.values()
            for po_id in purchase_order_ids
        ]
        await session.execute(insert_into(INVOICE_PURCHASE_ORDERS), links)
    return created


async def find_invoices_by_files(
    session: AsyncSession, outlet_id: str, sha256s: Sequence[str]
) -> dict[str, str]:
    """The ids of the outlet's invoices of these files, by SHA-256."""
    if not sha256s:
        return {}
    rows = await session.execute(
        select(Invoice.file_sha256, Invoice.id).where(
            Invoice.outlet_id == outlet_id, Invoice.file_sha256.in_(sorted(set(sha256s)))
        )
    )
    return {sha: invoice_id for sha, invoice_id in rows.all()}


async def files_in_use(session: AsyncSession, sha256s: Sequence[str]) -> set[str]:
    """Which of these files some invoice (of any outlet) names."""
    if not sha256s:
        return set()
    rows = await session.scalars(
        select(Invoice.file_sha256).where(Invoice.file_sha256.in_(sorted(set(sha256s)))).distinct()
    )
    return set(rows)


async def link_purchase_orders(
    session: AsyncSession, invoice: Invoice, links: Sequence[InvoicePurchaseOrder]
) -> None:
    """Replace the automatic links of ``invoice`` by ``links`` (requested links are kept)."""
    kept = [link for link in invoice.purchase_order_links if link.link == LinkKind.REQUESTED]
    if not links and len(kept) == len(invoice.purchase_order_links):
        return  # nothing to add or take off: no flush (the caller writes the invoice once)
    kept_ids = {link.purchase_order_id for link in kept}
    invoice.purchase_order_links = kept + [
        link for link in links if link.purchase_order_id not in kept_ids
    ]
    await session.flush()


async def get_invoice(session: AsyncSession, invoice_id: str) -> Invoice | None:
    return await session.get(Invoice, invoice_id)


async def list_invoices(
    session: AsyncSession,
    where: InvoiceFilter,
    offset: int = 0,
    limit: int = 10,
    ordering: str = "-created_date",
) -> tuple[int, list[Invoice]]:
    query = select(Invoice)
    if where.bulk_importation_id is not None:
        query = query.where(Invoice.bulk_importation_id == where.bulk_importation_id)
    if where.outlet_id is not None:
        query = query.where(Invoice.outlet_id == where.outlet_id)
    if where.supplier_id is not None:
        query = query.where(Invoice.supplier_id == where.supplier_id)
    if where.processing_status is not None:
        query = query.where(Invoice.processing_status == where.processing_status)
    if where.approval_status is not None:
        query = query.where(Invoice.approval_status == where.approval_status)
    if where.modified_after is not None:
        query = query.where(Invoice.modified_date > where.modified_after)
    if where.outlet_ids is not None:
        query = query.where(Invoice.outlet_id.in_(where.outlet_ids))
    count = await session.scalar(select(func.count()).select_from(query.subquery()))
    column = getattr(Invoice, ordering.lstrip("-"))
    order = [column.desc(), Invoice.id.desc()] if ordering.startswith("-") else [column, Invoice.id]
    rows = await session.scalars(query.order_by(*order).offset(offset).limit(limit))
    return int(count or 0), list(rows)


def _status_update(invoice_id: str, status: str, **extra: Any) -> Update:
    return (
        update(Invoice)
        .where(Invoice.id == invoice_id)
        .values(processing_status=status, modified_date=utcnow(), **extra)
    )


async def set_processing_status(
    session: AsyncSession, invoice_id: str, status: str, **extra: Any
) -> None:
    await session.execute(_status_update(invoice_id, status, **extra))


async def start_processing(session: AsyncSession, invoice_id: str) -> tuple[str, str] | None:
    """Mark an invoice in progress; its file and batch, or None when it no longer exists."""
    statement = _status_update(invoice_id, ProcessingStatus.IN_PROGRESS).returning(
        Invoice.file_sha256, Invoice.bulk_importation_id
    )
    row = (await session.execute(statement)).first()
    return None if row is None else (row[0], row[1])


def replace_line_items(invoice: Invoice, items: Sequence[dict[str, Any]]) -> None:
    invoice.line_items = [InvoiceLineItem(position=i, **item) for i, item in enumerate(items)]


async def files_of_batch(session: AsyncSession, batch_id: str) -> list[tuple[str, str, str, str]]:
    """(invoice id, file field, file name, processing status) of a batch, in upload order."""
    rows = await session.execute(
        select(Invoice.id, Invoice.file_field, Invoice.file_name, Invoice.processing_status)
        .where(Invoice.bulk_importation_id == batch_id)
        .order_by(Invoice.created_date, Invoice.id)
    )
    return [(i, field or "", name, status) for i, field, name, status in rows.all()]
