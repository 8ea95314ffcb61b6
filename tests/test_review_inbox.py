"""The inbox's SQL reasons agree with ``bot.report.attention`` on every kind of invoice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.files import FileStore
from bot.invoices import Invoices
from bot.pages import PageImages
from bot.report import Links, attention
from bot.review import REASONS, InboxQuery, Review
from bot.users import Reviewer
from storage import review
from storage.db import Database
from storage.models import (
    BulkImportation,
    Invoice,
    InvoicePurchaseOrder,
    Outlet,
    PurchaseOrder,
    Supplier,
)
from storage.review import InboxFilter

#: name -> (columns of the invoice, linked to the order)
KINDS: dict[str, tuple[dict[str, Any], bool]] = {
    "error": ({"processing_status": "ERROR", "extraction": {"error": "cannot read"}}, False),
    "incomplete": ({"processing_status": "INCOMPLETE"}, False),
    "clean": ({"processing_status": "PROCESSED", "supplier_id": "sup"}, True),
    "variance": (
        {
            "processing_status": "PROCESSED",
            "supplier_id": "sup",
            "variances": [{"detail": "price 2.60, ordered at 2.50"}],
        },
        True,
    ),
    "flagged": (
        {"processing_status": "PROCESSED", "supplier_id": "sup", "approval_status": "FLAGGED"},
        True,
    ),
    "duplicate": (
        {
            "processing_status": "PROCESSED",
            "supplier_id": "sup",
            "extraction": {"duplicate_of": "other-id", "warnings": []},
        },
        True,
    ),
    "duplicate_none": (
        {"processing_status": "PROCESSED", "extraction": {"duplicate_of": None}},
        True,
    ),
    "no_po": ({"processing_status": "PROCESSED", "supplier_id": "sup"}, False),
    "manual": ({"processing_status": "MANUAL"}, False),
    "pending": ({"processing_status": "TO_BE_PROCESSED"}, False),
    "running": ({"processing_status": "IN_PROGRESS"}, False),
    "approved": (
        {"processing_status": "INCOMPLETE", "approval_status": "APPROVED"},
        False,
    ),
    "rejected_error": ({"processing_status": "ERROR", "approval_status": "REJECTED"}, False),
}


async def _fill(db: Database) -> dict[str, str]:
    ids: dict[str, str] = {}
    start = datetime(2026, 1, 1, tzinfo=UTC)
    async with db.session() as session:
        session.add_all(
            [
                Outlet(id="olt-a", name="A"),
                Outlet(id="olt-b", name="B"),
                Supplier(id="sup", name="Fresh Greens BV"),
            ]
        )
        await session.flush()
        session.add(
            BulkImportation(id="batch-1", outlet_id="olt-a", channel="api", reply_status="x")
        )
        session.add(
            PurchaseOrder(id="po-1", order_number="PO-1", outlet_id="olt-a", supplier_id="sup")
        )
        await session.flush()
        for n, (name, (columns, linked)) in enumerate(KINDS.items()):
            invoice = Invoice(
                bulk_importation_id="batch-1",
                outlet_id="olt-a",
                file_name=f"{name}.pdf",
                file_sha256=f"{n:064d}",
                file_size=10,
                source_channel="api",
                total_incl_tax=Decimal(n),
                created_date=start + timedelta(minutes=n),
                **columns,
            )
            session.add(invoice)
            await session.flush()
            if linked:
                session.add(
                    InvoicePurchaseOrder(
                        invoice_id=invoice.id, purchase_order_id="po-1", link="po_number"
                    )
                )
            ids[name] = invoice.id
    return ids


async def test_sql_reasons_agree_with_attention(db: Database) -> None:
    ids = await _fill(db)
    async with db.read() as session:
        rows = {row.id: row for row in await session.scalars(select(Invoice))}
        for name, invoice_id in ids.items():
            words = set(attention(rows[invoice_id]))
            keys = await review.reasons_of(session, invoice_id)
            pending = rows[invoice_id].processing_status in ("TO_BE_PROCESSED", "IN_PROGRESS")
            assert pending or {REASONS[k] for k in keys} == words, name
        count, listed = await review.inbox(session, InboxFilter(), 0, 100, "created_date")
        counts = await review.reason_counts(session, InboxFilter())

    expected = {
        name
        for name, invoice_id in ids.items()
        if attention(rows[invoice_id])
        and rows[invoice_id].approval_status in ("RECEIVED", "PENDING_APPROVAL", "FLAGGED")
    }
    assert {row.file_name[:-4] for row in listed} == expected
    assert expected == {
        "error",
        "incomplete",
        "variance",
        "flagged",
        "duplicate",
        "duplicate_none",
        "no_po",
        "manual",
    }
    assert count == len(expected)
    for key, word in REASONS.items():
        assert counts[key] == sum(1 for row in listed if word in attention(row)), key


async def test_filters_order_pages_and_outlets(db: Database, tmp_path: Path) -> None:
    ids = await _fill(db)
    svc = Review(db, Invoices(db, FileStore(tmp_path)), PageImages(tmp_path), Links(), 3)
    ann = Reviewer("u", "ann@example.com", False, frozenset({"olt-a"}), 1)
    bob = Reviewer("v", "bob@example.com", False, frozenset({"olt-b"}), 1)

    first = await svc.inbox(ann, InboxQuery(ordering="created_date"))
    assert first.count == 8 and first.pages == 3 and len(first.rows) == 3
    assert [r.report.filename for r in first.rows] == [
        "error.pdf",
        "incomplete.pdf",
        "variance.pdf",
    ]
    last = await svc.inbox(ann, InboxQuery(ordering="-total_incl_tax", page=3))
    assert [r.report.filename for r in last.rows] == ["incomplete.pdf", "error.pdf"]

    variance = await svc.inbox(ann, InboxQuery(reason="variance"))
    assert {r.report.filename for r in variance.rows} == {"variance.pdf", "flagged.pdf"}
    assert {c.key: c.count for c in variance.counts}["no_supplier"] == 3

    assert (await svc.inbox(bob, InboxQuery())).count == 0
    assert (await svc.inbox(bob, InboxQuery(outlet="olt-a"))).count == 0
    day = datetime(2026, 1, 1).date()
    assert (await svc.inbox(ann, InboxQuery(created_from=day, created_to=day))).count == 8
    assert (await svc.inbox(ann, InboxQuery(created_to=day - timedelta(days=1)))).count == 0
    assert (await svc.inbox(ann, InboxQuery(batch="batch-1", supplier="sup"))).count == 4

    async with db.read() as session:
        where = InboxQuery(ordering="created_date").filter(ann)
        assert await review.neighbours(session, where, ids["incomplete"], "created_date") == (
            ids["error"],
            ids["variance"],
        )
        assert await review.neighbours(session, where, ids["clean"], "created_date") == (
            None,
            ids["error"],
        )
