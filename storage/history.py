"""The history of invoices: every field a person or a client changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InvoiceChange


def record(
    session: AsyncSession,
    invoice_id: str,
    actor: str | None,
    changes: Sequence[tuple[str, Any, Any]],
) -> None:
    """Add one row per (field, old value, new value)."""
    session.add_all(
        InvoiceChange(invoice_id=invoice_id, actor=actor, field=f, old_value=old, new_value=new)
        for f, old, new in changes
    )


async def changes_of(session: AsyncSession, invoice_id: str) -> list[InvoiceChange]:
    """The invoice's changes, oldest first."""
    rows = await session.scalars(
        select(InvoiceChange)
        .where(InvoiceChange.invoice_id == invoice_id)
        .order_by(InvoiceChange.created_date, InvoiceChange.id)
    )
    return list(rows)
