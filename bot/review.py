"""What the review pages show and do, without any HTML: the inbox, one invoice, a fix.

The inbox lists the invoices that need a person (``bot.report.attention`` says why, in words;
``storage.review`` finds and counts them by the same reasons). Corrections and approvals go
through :meth:`bot.invoices.Invoices.patch`, the same core as the API's PATCH, so they are
checked the same way and kept in the same history.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from bot.errors import InvalidRequest, NotFound
from bot.invoices import Invoices
from bot.linking.purchase_orders import OPEN_STATUSES
from bot.pages import PageImages
from bot.report import Attention, InvoiceReport, Links, invoice_report
from bot.users import Reviewer
from bot.views import CORRECTABLE, MONEY_FIELDS
from storage import catalog, review
from storage.db import Database
from storage.invoices import ORDERABLE, get_invoice
from storage.models import Invoice, PurchaseOrder
from storage.review import InboxFilter

#: the inbox's reason keys (in URLs and storage) and the words people read
REASONS: dict[str, str] = {
    "missing": Attention.MISSING,
    "variance": Attention.VARIANCE,
    "duplicate": Attention.DUPLICATE,
    "no_supplier": Attention.NO_SUPPLIER,
    "no_po": Attention.NO_PO,
    "error": Attention.ERROR,
}
#: a confidence under this marks a field as doubtful on the invoice page
LOW_CONFIDENCE = 0.8
#: fields in the order the invoice page shows them
FIELD_ORDER = (
    "supplier_name",
    "supplier_tax_id",
    "invoice_number",
    "invoice_date",
    "due_date",
    "currency",
    "total_excl_tax",
    "tax_amount",
    "total_incl_tax",
    "document_type",
    "po_references",
)
assert set(FIELD_ORDER) == set(CORRECTABLE), "every correctable field is on the page"


@dataclass(frozen=True)
class InboxQuery:
    """Filters, order and page of the inbox, as a person chose them."""

    outlet: str | None = None
    supplier: str | None = None
    batch: str | None = None
    reason: str | None = None
    created_from: date | None = None
    created_to: date | None = None
    ordering: str = "-created_date"
    page: int = 1

    def check(self) -> None:
        if self.reason is not None and self.reason not in REASONS:
            raise InvalidRequest(f"reason must be one of {', '.join(REASONS)}", field="reason")
        if self.ordering.lstrip("-") not in ORDERABLE:
            raise InvalidRequest(f"ordering must be one of {', '.join(ORDERABLE)}", "ordering")
        if self.page < 1:
            raise InvalidRequest("page must be 1 or more", field="page")

    def filter(self, reviewer: Reviewer) -> InboxFilter:
        if reviewer.outlets is not None and self.outlet and self.outlet not in reviewer.outlets:
            # an outlet not given to this person shows nothing, like one that does not exist
            outlet_ids: Sequence[str] | None = []
        else:
            outlet_ids = None if reviewer.outlets is None else sorted(reviewer.outlets)
        return InboxFilter(
            outlet_ids=outlet_ids,
            outlet_id=self.outlet,
            supplier_id=self.supplier,
            bulk_importation_id=self.batch,
            reason=self.reason,
            created_from=_start_of(self.created_from),
            created_before=_start_of(
                self.created_to + timedelta(days=1) if self.created_to else None
            ),
        )


def _start_of(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day, time(), UTC)


@dataclass(frozen=True)
class InboxRow:
    report: InvoiceReport
    outlet_id: str
    created_date: datetime


@dataclass(frozen=True)
class ReasonCount:
    key: str
    word: str
    count: int


@dataclass(frozen=True)
class InboxPage:
    rows: tuple[InboxRow, ...]
    count: int
    page: int
    pages: int
    counts: tuple[ReasonCount, ...]


@dataclass(frozen=True)
class FieldState:
    """One field of the invoice page: its value, what was read, and why it may be wrong."""

    name: str
    value: Any
    extracted: Any
    corrected: bool
    confidence: float | None
    #: in words: "low confidence (0.6)", "not found"
    doubts: tuple[str, ...]


@dataclass(frozen=True)
class OrderChoice:
    """An order of the outlet a person may link or unlink on the invoice page."""

    id: str
    number: str
    supplier_id: str | None
    ordered_on: date | None
    total: Decimal | None
    currency: str | None
    linked: bool
    #: how it is linked (requested, po_number, supplier_amount), with the linker's score
    link: str | None = None
    score: Decimal | None = None
    reason: str | None = None


@dataclass(frozen=True)
class InvoicePage:
    view: Mapping[str, Any]
    report: InvoiceReport
    fields: tuple[FieldState, ...]
    outlet_name: str | None
    supplier_name: str | None
    history: Sequence[Mapping[str, Any]]
    previous_id: str | None
    next_id: str | None
    warnings: tuple[str, ...] = field(default=())
    #: linked orders first (by the linker's score), then the supplier's open orders nearest
    #: the invoice's total, then the outlet's other open orders
    orders: tuple[OrderChoice, ...] = field(default=())


class Review:
    def __init__(
        self, db: Database, invoices: Invoices, pages: PageImages, links: Links, page_size: int
    ) -> None:
        self.db = db
        self.invoices = invoices
        self.pages = pages
        self.links = links
        self.page_size = max(1, page_size)

    async def inbox(self, reviewer: Reviewer, query: InboxQuery) -> InboxPage:
        query.check()
        where = query.filter(reviewer)
        offset = (query.page - 1) * self.page_size
        async with self.db.read() as session:
            count, rows = await review.inbox(session, where, offset, self.page_size, query.ordering)
            counts = await review.reason_counts(session, where)
            supplier_ids = sorted({row.supplier_id for row in rows if row.supplier_id})
            names = {s.id: s.name for s in await catalog.get_suppliers(session, supplier_ids)}
        return InboxPage(
            rows=tuple(
                InboxRow(invoice_report(row, names, self.links), row.outlet_id, row.created_date)
                for row in rows
            ),
            count=count,
            page=query.page,
            pages=max(1, math.ceil(count / self.page_size)),
            counts=tuple(ReasonCount(key, word, counts[key]) for key, word in REASONS.items()),
        )

    async def choices(
        self, reviewer: Reviewer
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(id, name) of the outlets the person may see, and of the suppliers, for filters."""
        async with self.db.read() as session:
            ids = None if reviewer.outlets is None else sorted(reviewer.outlets)
            _, outlets = await catalog.list_outlets(session, 0, 1000, ids)
            _, suppliers = await catalog.list_suppliers(session, 0, 1000)
        return [(o.id, o.name) for o in outlets], [(s.id, s.name) for s in suppliers]

    async def invoice(
        self, reviewer: Reviewer, invoice_id: str, query: InboxQuery | None = None
    ) -> InvoicePage:
        """One invoice as the invoice page shows it (404 outside the person's outlets)."""
        view = await self.invoices.get(invoice_id, reviewer.outlets)
        history = await self.invoices.history(invoice_id, reviewer.outlets)
        query = query or InboxQuery()
        query.check()
        async with self.db.read() as session:
            row = await get_invoice(session, invoice_id)
            if row is None:
                raise NotFound(f"invoice {invoice_id} does not exist")
            names = {}
            if row.supplier_id:
                names = {
                    s.id: s.name for s in await catalog.get_suppliers(session, [row.supplier_id])
                }
            outlet = await catalog.get_outlet(session, row.outlet_id)
            previous_id, next_id = await review.neighbours(
                session, query.filter(reviewer), invoice_id, query.ordering
            )
            open_orders = await review.orders_to_link(
                session, row.outlet_id, row.supplier_id, OPEN_STATUSES
            )
        report = invoice_report(row, names, self.links)
        return InvoicePage(
            view=view,
            report=report,
            fields=_fields(view),
            outlet_name=outlet.name if outlet else None,
            supplier_name=names.get(row.supplier_id or ""),
            history=history,
            previous_id=previous_id,
            next_id=next_id,
            warnings=report.warnings,
            orders=_order_choices(row, open_orders, report.total),
        )

    async def correct(
        self, reviewer: Reviewer, invoice_id: str, submitted: Mapping[str, str]
    ) -> dict[str, Any]:
        """Apply the fields a person changed on the page (as typed) through PATCH's core."""
        view = await self.invoices.get(invoice_id, reviewer.outlets)
        changes = changes_from_text(view, submitted)
        if not changes:
            return dict(view)
        return await self.invoices.patch(invoice_id, changes, reviewer.outlets, reviewer.actor)

    async def set_supplier(self, reviewer: Reviewer, invoice_id: str, supplier_id: str) -> None:
        await self.invoices.patch(
            invoice_id, {"supplier": supplier_id or None}, reviewer.outlets, reviewer.actor
        )

    async def decide(self, reviewer: Reviewer, invoice_id: str, status: str) -> None:
        """Approve or reject (any approval status the API accepts)."""
        await self.invoices.patch(
            invoice_id, {"approval_status": status}, reviewer.outlets, reviewer.actor
        )

    async def not_duplicate(self, reviewer: Reviewer, invoice_id: str) -> None:
        await self.invoices.not_duplicate(invoice_id, reviewer.outlets, reviewer.actor)

    async def link_order(self, reviewer: Reviewer, invoice_id: str, order_id: str) -> None:
        await self.invoices.link_order(invoice_id, order_id, reviewer.outlets, reviewer.actor)

    async def unlink_order(self, reviewer: Reviewer, invoice_id: str, order_id: str) -> None:
        await self.invoices.unlink_order(invoice_id, order_id, reviewer.outlets, reviewer.actor)

    async def suppliers(self, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """(id, name, aliases) of the suppliers matching a search."""
        if not text.strip():
            return []
        async with self.db.read() as session:
            rows = await review.search_suppliers(session, text)
        return [(s.id, s.name, tuple(s.aliases or ())) for s in rows]

    async def page_image(self, reviewer: Reviewer, invoice_id: str, page: int) -> Path:
        """The PNG of one page of the invoice's PDF (404 outside the person's outlets)."""
        pdf, _ = await self.invoices.file(invoice_id, reviewer.outlets)
        view = await self.invoices.get(invoice_id, reviewer.outlets)
        file = view["file"]
        return await self.pages.image(pdf, file["sha256"], page, file["pages"])


def _order_choices(
    invoice: Invoice, open_orders: Sequence[PurchaseOrder], total: Decimal | None
) -> tuple[OrderChoice, ...]:
    linked = [
        OrderChoice(
            id=link.purchase_order_id,
            number=link.purchase_order.order_number,
            supplier_id=link.purchase_order.supplier_id,
            ordered_on=link.purchase_order.ordered_on,
            total=link.purchase_order.total,
            currency=link.purchase_order.currency,
            linked=True,
            link=link.link,
            score=link.score,
            reason=link.reason,
        )
        for link in sorted(invoice.purchase_order_links, key=lambda k: -(k.score or 0))
    ]
    taken = {choice.id for choice in linked}

    def nearness(order: PurchaseOrder) -> tuple[int, Decimal]:
        same = 0 if invoice.supplier_id and order.supplier_id == invoice.supplier_id else 1
        gap = abs(order.total - total) if order.total is not None and total is not None else None
        return same, gap if gap is not None else Decimal("Infinity")

    others = [
        OrderChoice(o.id, o.order_number, o.supplier_id, o.ordered_on, o.total, o.currency, False)
        for o in sorted(open_orders, key=nearness)
        if o.id not in taken
    ]
    return (*linked, *others)


def _fields(view: Mapping[str, Any]) -> tuple[FieldState, ...]:
    extraction = view.get("extraction") or {}
    confidence: Mapping[str, Any] = extraction.get("confidence") or {}
    corrections: Mapping[str, Any] = view.get("corrections") or {}
    extracted: Mapping[str, Any] = view.get("extracted") or {}
    states = []
    for name in FIELD_ORDER:
        value = view[name]
        score = confidence.get(name)
        doubts: list[str] = []
        if value in (None, "", []):
            doubts.append("not found")
        elif isinstance(score, int | float) and score < LOW_CONFIDENCE and name not in corrections:
            doubts.append(f"low confidence ({score:.1f})")
        states.append(
            FieldState(
                name=name,
                value=value,
                extracted=extracted.get(name, value),
                corrected=name in corrections,
                confidence=float(score) if isinstance(score, int | float) else None,
                doubts=tuple(doubts),
            )
        )
    return tuple(states)


def as_text(name: str, value: Any) -> str:
    """A field's value as the form shows it."""
    if value is None:
        return ""
    if name == "po_references":
        return ", ".join(value)
    return str(value)


def changes_from_text(view: Mapping[str, Any], submitted: Mapping[str, str]) -> dict[str, Any]:
    """The fields whose typed text differs from the invoice's value, as PATCH takes them."""
    changes: dict[str, Any] = {}
    for name in FIELD_ORDER:
        if name not in submitted:
            continue
        text = submitted[name].strip()
        current = view[name]
        if name == "po_references":
            refs = [part.strip() for part in text.split(",") if part.strip()]
            if refs != list(current or []):
                changes[name] = refs
            continue
        if text == as_text(name, current):
            continue
        if name in MONEY_FIELDS and text and current is not None and _same_amount(text, current):
            continue
        changes[name] = text or None
    return changes


def _same_amount(text: str, current: str) -> bool:
    try:
        return Decimal(text) == Decimal(current)
    except InvalidOperation:
        return False
