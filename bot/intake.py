"""Intake: the one call every channel makes to hand over a batch of invoice files.

It checks the request as a whole (outlet, supplier, purchase orders, file count) and raises before
anything is created; then checks each file on its own, stores the good ones, and in one
transaction creates the bulk importation, one invoice per accepted file and their extraction
jobs. A bad file becomes an entry in ``errors``; it never stops the rest of the batch.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.batch import AcceptedFile, Batch, FileError, IncomingFile, IntakeResult
from bot.config import LimitsConfig
from bot.errors import FileRejected, InvalidRequest, PermissionDenied, UnknownReference
from bot.files import FileStore
from bot.notify import BatchDone
from bot.pdfcheck import check_pdf
from bot.queue import JobQueue
from storage import catalog, invoices
from storage.db import Database
from storage.errors import AlreadyExists
from storage.models import InvoicePurchaseOrder

log = logging.getLogger(__name__)


@dataclass
class _Checked:
    file: IncomingFile
    pages: int


class Intake:
    def __init__(
        self,
        db: Database,
        files: FileStore,
        queue: JobQueue,
        limits: LimitsConfig,
        batch_done: BatchDone | None = None,
    ) -> None:
        self.db = db
        self.files = files
        self.queue = queue
        self.limits = limits
        self.batch_done = batch_done

    async def submit(self, batch: Batch) -> IntakeResult:
        """Validate, store and enqueue ``batch``; its spooled files are consumed either way."""
        try:
            return await self._submit(batch)
        finally:
            for incoming in batch.files:
                incoming.discard()

    async def receive(
        self, field: str, filename: str, chunks: AsyncIterable[bytes]
    ) -> IncomingFile:
        """Spool one file, then check and fsync it in the background.

        Channels call this for each file as it arrives, so the checks of one file overlap the
        reading of the next; :meth:`submit` waits for them.
        """
        spooled = await self.files.spool(chunks, self.limits.max_file_size)
        incoming = IncomingFile(field, filename, spooled)
        incoming.prepared = asyncio.ensure_future(self._prepare(incoming))
        return incoming

    async def _prepare(self, incoming: IncomingFile) -> int:
        pages = await check_pdf(
            incoming.spooled, incoming.filename, self.limits.max_file_size, self.limits.max_pages
        )
        await self.files.sync(incoming.spooled)
        return pages

    async def check_request(self, batch: Batch, file_count: int | None = None) -> None:
        """The whole-request checks of the contract; raise before anything is created.

        ``file_count`` lets a channel check before it reads the files (default: ``batch.files``).
        """
        count = len(batch.files) if file_count is None else file_count
        if not batch.outlet_id:
            raise InvalidRequest("outlet is required", field="outlet")
        if batch.allowed_outlets is not None and batch.outlet_id not in batch.allowed_outlets:
            raise PermissionDenied(f"this client may not use outlet {batch.outlet_id}")
        self.check_file_count(count)
        if not count:
            raise InvalidRequest("at least one file is required", field="file")
        async with self.db.read() as session:
            if await catalog.get_outlet(session, batch.outlet_id) is None:
                raise UnknownReference(f"outlet {batch.outlet_id} does not exist", field="outlet")
            if batch.supplier_id and await catalog.get_supplier(session, batch.supplier_id) is None:
                raise UnknownReference(
                    f"supplier {batch.supplier_id} does not exist", field="supplier"
                )
            wanted = list(dict.fromkeys(batch.purchase_order_ids))
            found = {po.id: po for po in await catalog.get_purchase_orders(session, wanted)}
            for po_id in wanted:
                if po_id not in found:
                    raise UnknownReference(
                        f"purchase order {po_id} does not exist", field="purchase_orders"
                    )
                if found[po_id].outlet_id != batch.outlet_id:
                    raise InvalidRequest(
                        f"purchase order {po_id} belongs to another outlet",
                        field="purchase_orders",
                    )

    def check_file_count(self, count: int) -> None:
        """Channels call this while receiving, to stop reading at the first file too many."""
        if count > self.limits.max_files:
            raise InvalidRequest(
                f"too many files: at most {self.limits.max_files} per batch", field="file"
            )

    async def _submit(self, batch: Batch) -> IntakeResult:
        await self.check_request(batch)
        assert batch.outlet_id is not None
        checked: list[_Checked] = []
        errors: list[FileError] = []
        for incoming in batch.files:
            try:
                pages = await (incoming.prepared or self._prepare(incoming))
            except FileRejected as exc:
                errors.append(_error(incoming, exc))
                continue
            checked.append(_Checked(incoming, pages))
        await self.files.store_all([item.file.spooled for item in checked])

        async with self.db.session() as session:
            row = await invoices.add_bulk_importation(
                session,
                outlet_id=batch.outlet_id,
                supplier_id=batch.supplier_id or None,
                channel=batch.source.channel,
                reference=batch.source.reference,
                client_id=batch.client_id,
                purchase_order_ids=list(dict.fromkeys(batch.purchase_order_ids)),
            )
            accepted = await self._add_invoices(session, batch, row.id, checked, errors)
            await self.queue.enqueue(session, [a.invoice_id for a in accepted])
            order = {f.field: i for i, f in enumerate(batch.files)}
            errors.sort(key=lambda e: order.get(e.field, 0))
            row.errors = [_error_dict(e) for e in errors]
            batch_id = row.id
        self.queue.notify()
        if not accepted and self.batch_done is not None:
            # no job will ever finish this batch: it is done now (its replies list the errors)
            await self.batch_done.check(batch_id)
        log.info(
            "batch %s from %s: %d accepted, %d refused",
            batch_id,
            batch.source.channel,
            len(accepted),
            len(errors),
        )
        return IntakeResult(batch_id, accepted, errors)

    async def _add_invoices(
        self,
        session: AsyncSession,
        batch: Batch,
        batch_id: str,
        checked: list[_Checked],
        errors: list[FileError],
    ) -> list[AcceptedFile]:
        """One invoice per file, all in one query and one insert; duplicates go to ``errors``.

        If another request stored some of the same bytes meanwhile, the insert fails as a whole
        and the files are added one by one, each finding its duplicate.
        """
        assert batch.outlet_id is not None
        known = await invoices.find_invoices_by_files(
            session, batch.outlet_id, [item.file.spooled.sha256 for item in checked]
        )
        fresh: dict[str, _Checked] = {}
        twins: list[_Checked] = []  # the same bytes as an earlier file of this batch
        refused: list[FileError] = []
        for item in checked:
            sha = item.file.spooled.sha256
            if sha in known:
                refused.append(_error(item.file, _duplicate(item.file.filename, known[sha])))
            elif sha in fresh:
                twins.append(item)
            else:
                fresh[sha] = item
        try:
            created = await invoices.add_invoices(
                session, [self._invoice_fields(batch, batch_id, item) for item in fresh.values()]
            )
        except AlreadyExists:
            return await self._add_one_by_one(session, batch, batch_id, checked, errors)
        ids = {invoice.file_sha256: invoice.id for invoice in created}
        for item in twins:
            refused.append(
                _error(item.file, _duplicate(item.file.filename, ids[item.file.spooled.sha256]))
            )
        errors.extend(refused)
        return [
            AcceptedFile(ids[sha], item.file.field, item.file.filename)
            for sha, item in fresh.items()
        ]

    async def _add_one_by_one(
        self,
        session: AsyncSession,
        batch: Batch,
        batch_id: str,
        checked: list[_Checked],
        errors: list[FileError],
    ) -> list[AcceptedFile]:
        accepted = []
        for item in checked:
            try:
                invoice_id = await self._add_invoice(session, batch, batch_id, item)
            except FileRejected as exc:
                errors.append(_error(item.file, exc))
                continue
            accepted.append(AcceptedFile(invoice_id, item.file.field, item.file.filename))
        return accepted

    def _invoice_fields(self, batch: Batch, batch_id: str, item: _Checked) -> dict[str, Any]:
        spooled = item.file.spooled
        return {
            "bulk_importation_id": batch_id,
            "outlet_id": batch.outlet_id,
            "supplier_id": batch.supplier_id or None,
            "file_name": item.file.filename,
            "file_sha256": spooled.sha256,
            "file_size": spooled.size,
            "file_pages": item.pages,
            "file_field": item.file.field,
            "source_channel": batch.source.channel,
            "source_reference": batch.source.reference,
            "purchase_order_links": [
                InvoicePurchaseOrder(purchase_order_id=po_id, link="requested")
                for po_id in dict.fromkeys(batch.purchase_order_ids)
            ],
        }

    async def _add_invoice(
        self, session: AsyncSession, batch: Batch, batch_id: str, item: _Checked
    ) -> str:
        assert batch.outlet_id is not None
        spooled = item.file.spooled
        existing = await invoices.find_invoice_by_file(session, batch.outlet_id, spooled.sha256)
        if existing is not None:
            raise _duplicate(item.file.filename, existing.id)
        try:
            invoice = await invoices.add_invoice(
                session, **self._invoice_fields(batch, batch_id, item)
            )
        except AlreadyExists:
            # another request stored the same bytes for this outlet a moment ago
            existing = await invoices.find_invoice_by_file(session, batch.outlet_id, spooled.sha256)
            raise _duplicate(item.file.filename, existing.id if existing else None) from None
        return invoice.id


def _duplicate(filename: str, existing_id: str | None) -> FileRejected:
    return FileRejected(
        "duplicate",
        f"{filename} was already imported for this outlet as invoice {existing_id}",
        existing_invoice_id=existing_id,
    )


def _error(incoming: IncomingFile, exc: FileRejected) -> FileError:
    return FileError(
        incoming.field, incoming.filename, exc.code, exc.detail, exc.existing_invoice_id
    )


def _error_dict(error: FileError) -> dict[str, str | None]:
    out: dict[str, str | None] = {
        "file": error.field,
        "filename": error.filename,
        "code": error.code,
        "detail": error.detail,
    }
    if error.existing_invoice_id:
        out["existing_invoice_id"] = error.existing_invoice_id
    return out
