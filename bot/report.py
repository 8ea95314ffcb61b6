"""The typed report of a batch: what every channel says when a batch is done or asked about.

Built by the core from the database, channel-neutral; the email notifier words it as mail, the
Slack notifier as Block Kit, the CLI as a table. Links point at ``[http] public_url`` when it is
set (a reply read on a phone cannot follow a link to 127.0.0.1).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.batch import FileError, field_order
from storage import batches, catalog, invoices
from storage.invoices import InvoiceFilter
from storage.models import BulkImportation, Invoice
from storage.status import (
    PENDING,
    ApprovalStatus,
    Channel,
    ProcessingStatus,
    ReplyStatus,
)


class Attention:
    """Why a person should look at an invoice, in one word or two (the review inbox's words)."""

    ERROR = "error"
    MISSING = "missing fields"
    VARIANCE = "variance"
    DUPLICATE = "duplicate?"
    NO_SUPPLIER = "no supplier"
    NO_PO = "no PO"


@dataclass(frozen=True)
class Links:
    """Where a person can open an invoice or a batch; no base, no links."""

    base: str = ""

    def invoice(self, invoice_id: str) -> str | None:
        """The invoice's review page (a person signs in there; the page checks the outlet)."""
        return self._url(f"/review/invoices/{invoice_id}")

    def batch(self, batch_id: str) -> str | None:
        return self._url(f"/review/batches/{batch_id}")

    def _url(self, path: str) -> str | None:
        return f"{self.base.rstrip('/')}{path}" if self.base else None


@dataclass(frozen=True)
class InvoiceReport:
    id: str
    #: the name the channel gave the file (``file[0]``, an attachment position)
    field: str
    filename: str
    status: ProcessingStatus
    approval: ApprovalStatus
    supplier_id: str | None
    #: the linked supplier's name, else the name as read on the invoice
    supplier_name: str | None
    number: str | None
    invoice_date: date | None
    due_date: date | None
    currency: str | None
    total: Decimal | None
    #: order numbers of the linked purchase orders
    purchase_orders: tuple[str, ...]
    warnings: tuple[str, ...]
    error: str | None
    #: why a person should look at it (see :class:`Attention`); empty when nothing needs one
    attention: tuple[str, ...]
    url: str | None

    @property
    def needs_person(self) -> bool:
        return bool(self.attention)


@dataclass(frozen=True)
class ReplyReport:
    status: ReplyStatus
    attempts: int
    error: str | None
    sent_date: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": str(self.status),
            "attempts": self.attempts,
            "error": self.error,
            "sent_date": self.sent_date.isoformat().replace("+00:00", "Z")
            if self.sent_date
            else None,
        }


@dataclass(frozen=True)
class BatchReport:
    id: str
    outlet_id: str
    outlet_name: str | None
    supplier_id: str | None
    channel: Channel
    reference: str | None
    reply_to: Mapping[str, Any]
    sender: str | None
    created_date: datetime
    done_date: datetime | None
    counts: Mapping[ProcessingStatus, int]
    invoices: tuple[InvoiceReport, ...]
    #: the files refused at intake, as the upload answered them
    refused: tuple[FileError, ...]
    reply: ReplyReport
    url: str | None

    @property
    def done(self) -> bool:
        return not any(self.counts.get(status) for status in PENDING)

    @property
    def file_count(self) -> int:
        return sum(self.counts.values()) + len(self.refused)

    @property
    def needing_person(self) -> tuple[InvoiceReport, ...]:
        return tuple(inv for inv in self.invoices if inv.needs_person)


def attention(invoice: Invoice) -> tuple[str, ...]:
    """The reasons a person should look at a read invoice (none while it is pending)."""
    status = ProcessingStatus(invoice.processing_status)
    if status in PENDING:
        return ()
    extraction = invoice.extraction or {}
    reasons: list[str] = []
    if status == ProcessingStatus.ERROR:
        reasons.append(Attention.ERROR)
    if status == ProcessingStatus.INCOMPLETE:
        reasons.append(Attention.MISSING)
    if invoice.variances or invoice.approval_status == ApprovalStatus.FLAGGED:
        reasons.append(Attention.VARIANCE)
    if extraction.get("duplicate_of"):
        reasons.append(Attention.DUPLICATE)
    if status != ProcessingStatus.ERROR:
        if invoice.supplier_id is None:
            reasons.append(Attention.NO_SUPPLIER)
        if not invoice.purchase_order_links:
            reasons.append(Attention.NO_PO)
    # a variance is the reason the approval status says FLAGGED; one word is enough
    return tuple(dict.fromkeys(reasons))


def invoice_report(
    invoice: Invoice, supplier_names: Mapping[str, str], links: Links
) -> InvoiceReport:
    corrections = invoice.corrections or {}
    extraction = invoice.extraction or {}

    def value(name: str) -> Any:
        return corrections[name] if name in corrections else getattr(invoice, name)

    total = value("total_incl_tax")
    day = value("invoice_date")
    due = value("due_date")
    return InvoiceReport(
        id=invoice.id,
        field=invoice.file_field or "",
        filename=invoice.file_name,
        status=ProcessingStatus(invoice.processing_status),
        approval=ApprovalStatus(invoice.approval_status),
        supplier_id=invoice.supplier_id,
        supplier_name=supplier_names.get(invoice.supplier_id or "") or value("supplier_name"),
        number=value("invoice_number"),
        invoice_date=date.fromisoformat(day) if isinstance(day, str) else day,
        due_date=date.fromisoformat(due) if isinstance(due, str) else due,
        currency=value("currency"),
        total=Decimal(total) if isinstance(total, str) else total,
        purchase_orders=tuple(
            link.purchase_order.order_number for link in invoice.purchase_order_links
        ),
        warnings=tuple(extraction.get("warnings") or ()),
        error=extraction.get("error"),
        attention=attention(invoice),
        url=links.invoice(invoice.id),
    )


async def build_report(
    session: AsyncSession, batch_id: str, links: Links | None = None
) -> BatchReport | None:
    """The report of one batch, or None when it does not exist."""
    row = await batches.get_bulk_importation(session, batch_id)
    if row is None:
        return None
    _, rows = await invoices.list_invoices(
        session, InvoiceFilter(bulk_importation_id=batch_id), 0, 10_000, "created_date"
    )
    counts = Counter(invoice.processing_status for invoice in rows)
    return await _report(session, row, counts, rows, links or Links())


async def build_summaries(
    session: AsyncSession, rows: Sequence[BulkImportation], links: Links | None = None
) -> list[BatchReport]:
    """Reports of several batches with their counts but without their invoices (lists)."""
    counts = await batches.status_counts_of(session, [row.id for row in rows])
    return [await _report(session, row, counts[row.id], [], links or Links()) for row in rows]


async def _report(
    session: AsyncSession,
    row: BulkImportation,
    counts: Mapping[str, int],
    rows: Sequence[Invoice],
    links: Links,
) -> BatchReport:
    supplier_ids = sorted({inv.supplier_id for inv in rows if inv.supplier_id})
    suppliers = {s.id: s.name for s in await catalog.get_suppliers(session, supplier_ids)}
    outlet = await catalog.get_outlet(session, row.outlet_id)
    reports = sorted(
        (invoice_report(inv, suppliers, links) for inv in rows), key=lambda r: field_order(r.field)
    )
    return BatchReport(
        id=row.id,
        outlet_id=row.outlet_id,
        outlet_name=outlet.name if outlet else None,
        supplier_id=row.supplier_id,
        channel=Channel(row.channel),
        reference=row.reference,
        reply_to=dict(row.reply_to or {}),
        sender=row.sender,
        created_date=row.created_date,
        done_date=row.done_date,
        counts={ProcessingStatus(k): v for k, v in counts.items()},
        invoices=tuple(reports),
        refused=tuple(FileError.from_dict(e) for e in row.errors or []),
        reply=ReplyReport(
            ReplyStatus(row.reply_status), row.reply_attempts, row.reply_error, row.reply_sent_date
        ),
        url=links.batch(row.id),
    )
