"""Reading and correcting invoices and batches: what the API, the CLI and replies show."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot import bounds
from bot.errors import InvalidRequest, NotFound, PermissionDenied
from bot.files import Store
from bot.report import BatchReport, Links, build_report, build_summaries
from bot.views import CORRECTABLE, MONEY_FIELDS, invoice_view, iso
from storage import batches, catalog, history, invoices, linking
from storage.batches import BatchFilter
from storage.bounds import (
    CURRENCY_LENGTH,
    ID_LENGTH,
    INVOICE_NUMBER_LENGTH,
    LIST_LENGTH,
    SUPPLIER_NAME_LENGTH,
    SUPPLIER_TAX_ID_LENGTH,
)
from storage.db import Database
from storage.invoices import ORDERABLE, InvoiceFilter
from storage.models import Invoice, InvoicePurchaseOrder
from storage.status import ApprovalStatus, Channel, LinkKind, ProcessingStatus
from storage.types import utcnow

if TYPE_CHECKING:
    from bot.worker import Linker

PROCESSING_STATUSES = tuple(ProcessingStatus)
APPROVAL_STATUSES = tuple(ApprovalStatus)
#: read invoices whose links follow a person's corrections
LINKABLE = (ProcessingStatus.PROCESSED, ProcessingStatus.INCOMPLETE)


#: changes after which the links of a processed invoice are worked out again
RELINK_ON = frozenset(
    {
        "supplier",
        "invoice_number",
        "invoice_date",
        "total_excl_tax",
        "total_incl_tax",
        "po_references",
    }
)


class Invoices:
    def __init__(
        self,
        db: Database,
        files: Store,
        linker: Linker | None = None,
        links: Links | None = None,
    ) -> None:
        self.db = db
        self.files = files
        self.linker = linker
        self.links = links or Links()

    async def list(
        self, where: InvoiceFilter, offset: int, limit: int, ordering: str = "-created_date"
    ) -> tuple[int, list[dict[str, Any]]]:
        if ordering.lstrip("-") not in ORDERABLE:
            raise InvalidRequest(
                f"ordering must be one of {', '.join(ORDERABLE)} (with - for descending)",
                field="ordering",
            )
        for name, value, allowed in (
            ("processing_status", where.processing_status, PROCESSING_STATUSES),
            ("approval_status", where.approval_status, APPROVAL_STATUSES),
        ):
            if value is not None and value not in allowed:
                raise InvalidRequest(f"{name} must be one of {', '.join(allowed)}", field=name)
        async with self.db.read() as session:
            count, rows = await invoices.list_invoices(session, where, offset, limit, ordering)
            return count, [invoice_view(row) for row in rows]

    async def _get(self, invoice_id: str, outlets: frozenset[str] | None) -> Invoice:
        async with self.db.read() as session:
            return _visible(await invoices.get_invoice(session, invoice_id), invoice_id, outlets)

    async def get(self, invoice_id: str, outlets: frozenset[str] | None = None) -> dict[str, Any]:
        return invoice_view(await self._get(invoice_id, outlets))

    async def file(
        self, invoice_id: str, outlets: frozenset[str] | None = None
    ) -> tuple[Path, str]:
        invoice = await self._get(invoice_id, outlets)
        path = await self.files.local_file(invoice.file_sha256)
        if path is None:
            raise NotFound(f"the file of invoice {invoice_id} is missing from storage")
        return path, invoice.file_name

    async def batch(self, batch_id: str, outlets: frozenset[str] | None = None) -> BatchReport:
        """The report of a batch the caller may see (else it "does not exist")."""
        async with self.db.read() as session:
            row = await batches.get_bulk_importation(session, batch_id)
            report = None
            if row is not None and (outlets is None or row.outlet_id in outlets):
                report = await build_report(session, batch_id, self.links)
        if report is None:
            raise NotFound(f"bulk importation {batch_id} does not exist")
        return report

    async def pending(self, batch_ids: Sequence[str]) -> int:
        """How many invoices of these batches still wait for a worker (one counting query:
        progress bars ask often)."""
        async with self.db.read() as session:
            counts = await batches.status_counts_of(session, batch_ids)
        return sum(
            n
            for per_status in counts.values()
            for status, n in per_status.items()
            if ProcessingStatus(status).pending
        )

    async def batches(
        self,
        where: BatchFilter,
        offset: int,
        limit: int,
    ) -> tuple[int, Sequence[BatchReport]]:
        """Batches newest first, with counts but without their invoices."""
        if where.channel is not None and where.channel not in tuple(Channel):
            raise InvalidRequest(f"channel must be one of {', '.join(Channel)}", field="channel")
        async with self.db.read() as session:
            count, rows = await batches.list_bulk_importations(session, where, offset, limit)
            return count, await build_summaries(session, rows, self.links)

    async def patch(
        self,
        invoice_id: str,
        changes: dict[str, Any],
        outlets: frozenset[str] | None = None,
        actor: str | None = None,
    ) -> dict[str, Any]:
        """Set supplier or approval status, or correct extracted fields (kept apart).

        Setting the supplier makes the supplier name read on the invoice one of its aliases,
        when the caller may use every outlet (suppliers are shared by all of them). Every field
        whose value changed is kept in the history under ``actor``.
        """
        unknown = set(changes) - {"supplier", "approval_status", *CORRECTABLE}
        if unknown:
            raise InvalidRequest(f"cannot change {', '.join(sorted(unknown))}", field=min(unknown))
        async with self.db.session() as session:
            invoice = _visible(await invoices.get_invoice(session, invoice_id), invoice_id, outlets)
            before = invoice_view(invoice)
            if "supplier" in changes:
                supplier_id = changes["supplier"]
                supplier = None
                if supplier_id is not None:
                    if not isinstance(supplier_id, str):
                        raise InvalidRequest("supplier must be a supplier id", field="supplier")
                    bounds.text(supplier_id, "supplier", ID_LENGTH)
                    supplier = await catalog.get_supplier(session, supplier_id)
                    if supplier is None:
                        raise NotFound(f"supplier {supplier_id} does not exist")
                invoice.supplier_id = supplier_id
                if supplier is not None and invoice.supplier_name and outlets is None:
                    # a person said who sent it: the name as read finds this supplier next
                    # time. Suppliers are shared by every outlet, so only a client that may
                    # use every outlet teaches them; a client limited to some sets the
                    # supplier of its own invoice and nothing more
                    await linking.add_supplier_alias(session, supplier, invoice.supplier_name)
            if "approval_status" in changes:
                if not isinstance(changes["approval_status"], str) or (
                    changes["approval_status"] not in APPROVAL_STATUSES
                ):
                    raise InvalidRequest(
                        f"approval_status must be one of {', '.join(APPROVAL_STATUSES)}",
                        field="approval_status",
                    )
                invoice.approval_status = changes["approval_status"]
            corrections = dict(invoice.corrections or {})
            for name in CORRECTABLE:
                if name in changes:
                    corrections[name] = _correction(name, changes[name])
            invoice.corrections = corrections
            invoice.modified_date = utcnow()
            if (
                self.linker is not None
                and invoice.processing_status in LINKABLE
                and RELINK_ON & set(changes)
            ):
                # a person fixed who sent it or what it says: the links follow
                await self.linker.link(session, invoice)
            await session.flush()
            after = invoice_view(invoice)
            changed = [(k, before[k], after[k]) for k in sorted(changes) if before[k] != after[k]]
            history.record(session, invoice.id, actor, changed)
            return after

    async def not_duplicate(
        self, invoice_id: str, outlets: frozenset[str] | None = None, actor: str | None = None
    ) -> dict[str, Any]:
        """A person says the invoice is no duplicate of the one linking found: the mark goes,
        linking again will not bring it back, and a flag that only the duplicate raised goes."""
        async with self.db.session() as session:
            invoice = _visible(await invoices.get_invoice(session, invoice_id), invoice_id, outlets)
            extraction = dict(invoice.extraction or {})
            earlier = extraction.pop("duplicate_of", None)
            if earlier is None:
                raise InvalidRequest("this invoice is not marked as a duplicate")
            extraction["not_duplicate_of"] = earlier
            extraction["warnings"] = [
                w for w in extraction.get("warnings") or [] if "duplicate" not in w.lower()
            ]
            invoice.extraction = extraction
            changes: list[tuple[str, Any, Any]] = [("duplicate_of", earlier, None)]
            if invoice.approval_status == ApprovalStatus.FLAGGED and not invoice.variances:
                invoice.approval_status = ApprovalStatus.RECEIVED
                changes.append(("approval_status", ApprovalStatus.FLAGGED, ApprovalStatus.RECEIVED))
            invoice.modified_date = utcnow()
            history.record(session, invoice.id, actor, changes)
            await session.flush()
            return invoice_view(invoice)

    async def link_order(
        self,
        invoice_id: str,
        order_id: str,
        outlets: frozenset[str] | None = None,
        actor: str | None = None,
    ) -> dict[str, Any]:
        """A person links an order of the invoice's outlet; as one named at upload, it replaces
        what linking found, and the amounts and lines are compared again."""
        async with self.db.session() as session:
            invoice = _visible(await invoices.get_invoice(session, invoice_id), invoice_id, outlets)
            found = await catalog.get_purchase_orders(session, [order_id])
            order = found[0] if found else None
            if order is None or order.outlet_id != invoice.outlet_id:
                raise NotFound(f"purchase order {order_id} does not exist at this outlet")
            before = _order_numbers(invoice)
            if order_id in {link.purchase_order_id for link in invoice.purchase_order_links}:
                # linked by the machine: now named by a person, so linking keeps it
                invoice.purchase_order_links = [
                    link
                    for link in invoice.purchase_order_links
                    if link.purchase_order_id != order_id
                ]
                await session.flush()
            extraction = dict(invoice.extraction or {})
            extraction["unlinked_orders"] = [
                o for o in extraction.get("unlinked_orders") or [] if o != order_id
            ]
            invoice.extraction = extraction
            invoice.purchase_order_links.append(
                InvoicePurchaseOrder(
                    purchase_order_id=order_id,
                    link=LinkKind.REQUESTED,
                    reason=f"Linked by {actor or 'a person'}.",
                    purchase_order=order,
                )
            )
            return await self._relinked(session, invoice, actor, before)

    async def unlink_order(
        self,
        invoice_id: str,
        order_id: str,
        outlets: frozenset[str] | None = None,
        actor: str | None = None,
    ) -> dict[str, Any]:
        """A person takes an order off the invoice; linking will not link it again."""
        async with self.db.session() as session:
            invoice = _visible(await invoices.get_invoice(session, invoice_id), invoice_id, outlets)
            before = _order_numbers(invoice)
            kept = _without(invoice, order_id)
            if len(kept) == len(invoice.purchase_order_links):
                raise NotFound(f"purchase order {order_id} is not linked to this invoice")
            invoice.purchase_order_links = kept
            extraction = dict(invoice.extraction or {})
            extraction["unlinked_orders"] = sorted(
                {*(extraction.get("unlinked_orders") or []), order_id}
            )
            invoice.extraction = extraction
            await session.flush()
            return await self._relinked(session, invoice, actor, before)

    async def _relinked(
        self, session: AsyncSession, invoice: Invoice, actor: str | None, before: Sequence[str]
    ) -> dict[str, Any]:
        invoice.modified_date = utcnow()
        if self.linker is not None and invoice.processing_status in LINKABLE:
            await self.linker.link(session, invoice)
        await session.flush()
        after = _order_numbers(invoice)
        if after != before:
            history.record(session, invoice.id, actor, [("purchase_orders", before, after)])
        return invoice_view(invoice)

    async def history(
        self, invoice_id: str, outlets: frozenset[str] | None = None
    ) -> Sequence[dict[str, Any]]:
        """Who changed which field of the invoice, when, from what, to what (oldest first)."""
        async with self.db.read() as session:
            _visible(await invoices.get_invoice(session, invoice_id), invoice_id, outlets)
            rows = await history.changes_of(session, invoice_id)
        return [
            {
                "field": row.field,
                "from": row.old_value,
                "to": row.new_value,
                "by": row.actor,
                "date": iso(row.created_date),
            }
            for row in rows
        ]


def _visible(invoice: Invoice | None, invoice_id: str, outlets: frozenset[str] | None) -> Invoice:
    """The invoice, if it exists and the caller may see its outlet (else it "does not exist")."""
    if invoice is None or (outlets is not None and invoice.outlet_id not in outlets):
        raise NotFound(f"invoice {invoice_id} does not exist")
    return invoice


def _order_numbers(invoice: Invoice) -> list[str]:
    return sorted(link.purchase_order.order_number for link in invoice.purchase_order_links)


def _without(invoice: Invoice, order_id: str) -> list[InvoicePurchaseOrder]:
    return [link for link in invoice.purchase_order_links if link.purchase_order_id != order_id]


#: how long a corrected text may be: what its column holds (storage/bounds.py)
TEXT_BOUNDS = {
    "invoice_number": INVOICE_NUMBER_LENGTH,
    "currency": CURRENCY_LENGTH,
    "supplier_name": SUPPLIER_NAME_LENGTH,
    "supplier_tax_id": SUPPLIER_TAX_ID_LENGTH,
    "po_references": INVOICE_NUMBER_LENGTH,
}


def _correction(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in MONEY_FIELDS:
        return f"{bounds.amount(value, name):f}"
    try:
        if name in ("invoice_date", "due_date"):
            return date.fromisoformat(str(value)).isoformat()
    except (InvalidOperation, ValueError):
        raise InvalidRequest(f"{name}: {value!r} is not valid", field=name) from None
    if name == "po_references":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidRequest("po_references must be a list of strings", field=name)
        if len(value) > LIST_LENGTH:
            raise InvalidRequest(f"po_references may hold at most {LIST_LENGTH}", field=name)
        return [bounds.text(v, name, TEXT_BOUNDS[name]) for v in value]
    if name == "document_type" and value not in ("invoice", "credit_note"):
        raise InvalidRequest("document_type must be invoice or credit_note", field=name)
    if not isinstance(value, str):
        raise InvalidRequest(f"{name} must be a string", field=name)
    return bounds.text(value, name, TEXT_BOUNDS.get(name, bounds.MAX_TEXT))


def outlet_scope(outlets: frozenset[str] | None, requested: Iterable[str] | None = None) -> Any:
    """The outlets a caller may see, as a filter value (None: all)."""
    if outlets is None:
        return None if requested is None else list(requested)
    if requested is not None and not set(requested) <= outlets:
        raise PermissionDenied("this client may not use that outlet")
    return sorted(outlets)
