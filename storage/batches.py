"""Queries for bulk importations: creating, finding by source, finishing, listing, replies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import jobs
from storage.db import insert_or_skip
from storage.errors import AlreadyExists
from storage.models import BULK_IMPORTATIONS, BulkImportation, Invoice
from storage.status import PENDING, ReplyStatus


@dataclass(frozen=True)
class BatchFilter:
    outlet_id: str | None = None
    channel: str | None = None
    created_after: datetime | None = None
    #: references that start with this (a Slack channel's batches: ``C123:``)
    reference_prefix: str | None = None
    #: limit to these outlets (a client restricted to some); None means all
    outlet_ids: Sequence[str] | None = None


async def insert_bulk_importation(session: AsyncSession, **fields: Any) -> str:
    """Insert a batch in one statement and return its id; :class:`AlreadyExists` when its
    (channel, reference) is taken. Nothing fails in the caller's transaction, so no savepoint
    is needed to keep it usable."""
    table = BULK_IMPORTATIONS
    insert = insert_or_skip(session, table, ("channel", "reference"))
    batch_id = await session.scalar(insert.returning(table.c.id), fields)
    if batch_id is None:
        raise AlreadyExists(
            f"a batch from {fields.get('channel')} {fields.get('reference')!r} exists"
        )
    return str(batch_id)


async def set_errors(session: AsyncSession, batch_id: str, errors: list[dict[str, Any]]) -> None:
    """The per-file errors of a batch, as answered."""
    await session.execute(
        update(BulkImportation).where(BulkImportation.id == batch_id).values(errors=errors)
    )


async def get_bulk_importation(session: AsyncSession, batch_id: str) -> BulkImportation | None:
    return await session.get(BulkImportation, batch_id)


async def find_by_source(
    session: AsyncSession, channel: str, reference: str
) -> BulkImportation | None:
    return await session.scalar(
        select(BulkImportation).where(
            BulkImportation.channel == channel, BulkImportation.reference == reference
        )
    )


async def finish_if_done(session: AsyncSession, batch_id: str, now: datetime) -> bool:
    """In the caller's transaction: if no invoice of the batch is pending, mark the batch done
    and queue its one ``batch_done`` job. True when this call did it.

    The batch row is locked (SQLite serialises writers anyway) before the pending invoices are
    counted, so of two transactions finishing the last two invoices at once, the second waits
    for the first and then sees its commit: exactly one finds the batch done. The invoice's own
    change must be flushed first (autoflush does it).

    The lock is ``FOR NO KEY UPDATE``, not ``FOR UPDATE``: a transaction that updated its
    invoice twice holds a ``KEY SHARE`` lock on the batch row (PostgreSQL checks the foreign
    key again), and two such holders both asking ``FOR UPDATE`` deadlock.
    """
    batch = await session.scalar(
        select(BulkImportation)
        .where(BulkImportation.id == batch_id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    if batch is None or batch.done_date is not None:
        return False
    pending = await session.scalar(
        select(func.count())
        .select_from(Invoice)
        .where(Invoice.bulk_importation_id == batch_id, Invoice.processing_status.in_(PENDING))
    )
    if pending:
        return False
    batch.done_date = now
    # due since the batch came in: the queue is ordered by due time, so the reply goes ahead
    # of the extraction of batches that came later instead of waiting for the whole backlog
    await jobs.enqueue_batch_done(session, batch_id, min(batch.created_date, now))
    return True


async def list_bulk_importations(
    session: AsyncSession, where: BatchFilter, offset: int = 0, limit: int = 10
) -> tuple[int, list[BulkImportation]]:
    """Newest first."""
    query = select(BulkImportation)
    if where.outlet_id is not None:
        query = query.where(BulkImportation.outlet_id == where.outlet_id)
    if where.channel is not None:
        query = query.where(BulkImportation.channel == where.channel)
    if where.created_after is not None:
        query = query.where(BulkImportation.created_date > where.created_after)
    if where.reference_prefix is not None:
        escaped = (
            where.reference_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        )
        query = query.where(BulkImportation.reference.like(f"{escaped}%", escape="\\"))
    if where.outlet_ids is not None:
        query = query.where(BulkImportation.outlet_id.in_(where.outlet_ids))
    count = await session.scalar(select(func.count()).select_from(query.subquery()))
    rows = await session.scalars(
        query.order_by(BulkImportation.created_date.desc(), BulkImportation.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return int(count or 0), list(rows)


async def status_counts_of(
    session: AsyncSession, batch_ids: Sequence[str]
) -> dict[str, dict[str, int]]:
    """Invoice counts per processing status for several batches in one query."""
    if not batch_ids:
        return {}
    rows = await session.execute(
        select(Invoice.bulk_importation_id, Invoice.processing_status, func.count())
        .where(Invoice.bulk_importation_id.in_(list(batch_ids)))
        .group_by(Invoice.bulk_importation_id, Invoice.processing_status)
    )
    counts: dict[str, dict[str, int]] = {batch_id: {} for batch_id in batch_ids}
    for batch_id, status, n in rows.all():
        counts[batch_id][status] = int(n)
    return counts


async def record_reply_attempt(
    session: AsyncSession, batch_id: str, error: str | None, status: ReplyStatus
) -> None:
    """Count one attempt at the batch's reply, with its outcome."""
    await session.execute(
        update(BulkImportation)
        .where(BulkImportation.id == batch_id)
        .values(
            reply_attempts=BulkImportation.reply_attempts + 1,
            reply_error=error,
            reply_status=status,
        )
    )


async def mark_reply_sent(session: AsyncSession, batch_id: str, now: datetime) -> None:
    await session.execute(
        update(BulkImportation)
        .where(BulkImportation.id == batch_id)
        .values(
            reply_status=ReplyStatus.SENT,
            reply_sent_date=now,
            reply_error=None,
            reply_attempts=BulkImportation.reply_attempts + 1,
        )
    )


async def save_reply_state(session: AsyncSession, batch_id: str, state: dict[str, Any]) -> None:
    await session.execute(
        update(BulkImportation).where(BulkImportation.id == batch_id).values(reply_state=state)
    )
