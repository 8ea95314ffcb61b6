"""Intake: the one way every channel hands over a batch of invoice files.

A channel opens a session, adds files as they arrive, and submits::

    async with intake.open(source, BatchRequest.of(outlet, ...), sender) as batch:
        await batch.add("file[0]", "march.pdf", chunks)
        result = await batch.submit()

Opening checks the request as a whole (outlet, supplier, purchase orders) and raises before
anything is created. ``submit`` checks each file on its own, stores the good ones, and in one
transaction creates the bulk importation, one invoice per accepted file and their extraction
jobs. A bad file becomes an entry in ``errors``; it never stops the rest of the batch. Once the
batch is committed, ``submit`` does not raise. Files not submitted are discarded when the
session ends, however it ends. A source reference seen before returns the first batch's result.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterable, Callable
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.batch import (
    AcceptedFile,
    BatchRequest,
    FileError,
    IncomingFile,
    IntakeResult,
    Sender,
    Source,
    field_order,
)
from bot.bounds import clean_filename
from bot.config import LimitsConfig
from bot.errors import (
    AlreadyExists,
    FileRejected,
    IntegrityViolation,
    InvalidRequest,
    PermissionDenied,
    StorageError,
    UnknownReference,
)
from bot.extract.isolation import Isolation
from bot.files import Store
from bot.logs import bound
from bot.pdfcheck import PdfChecker
from bot.queue import JobQueue
from storage import batches, catalog, invoices
from storage.db import Database
from storage.status import ProcessingStatus, ReplyStatus
from storage.types import utcnow

log = logging.getLogger(__name__)


@dataclass
class _Checked:
    file: IncomingFile
    pages: int


class _Repeated(Exception):
    """The source's reference was committed by another submit meanwhile."""


class Intake:
    def __init__(
        self,
        db: Database,
        files: Store,
        queue: JobQueue,
        limits: LimitsConfig,
        isolation: Isolation,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.files = files
        self.queue = queue
        self.limits = limits
        self.clock = clock
        self.pdfs = PdfChecker(limits, isolation)

    def open(
        self,
        source: Source,
        request: BatchRequest | None = None,
        sender: Sender | None = None,
        *,
        expected_files: int | None = None,
    ) -> IntakeSession:
        """A session for one batch; ``request`` may come later (:meth:`IntakeSession.set_request`)
        for channels that learn it while reading (multipart fields after files)."""
        return IntakeSession(self, source, request, sender or Sender(), expected_files)

    async def find(self, source: Source) -> IntakeResult | None:
        """The result of the batch already submitted from ``source``'s reference, if any."""
        if not source.reference:
            return None
        async with self.db.read() as session:
            row = await batches.find_by_source(session, source.channel, source.reference)
            if row is None:
                return None
            files = await invoices.files_of_batch(session, row.id)
        accepted = [
            AcceptedFile(invoice_id, field, name, ProcessingStatus(status))
            for invoice_id, field, name, status in sorted(files, key=lambda f: field_order(f[1]))
        ]
        errors = [FileError.from_dict(e) for e in row.errors or []]
        return IntakeResult(row.id, accepted, errors, repeated=True)

    async def check_request(
        self, request: BatchRequest, sender: Sender, file_count: int | None = None
    ) -> None:
        """The whole-request checks of the contract; raise before anything is created.

        ``file_count`` None skips the count checks (not known yet).
        """
        self._check_fields(request, sender, file_count)
        async with self.db.read() as session:
            await self._check_references(session, request)

    def _check_fields(
        self, request: BatchRequest, sender: Sender, file_count: int | None = None
    ) -> None:
        """The checks of :meth:`check_request` that need no database."""
        if not request.outlet_id:
            raise InvalidRequest("outlet is required", field="outlet")
        allowed = sender.allowed_outlets
        if allowed is not None and request.outlet_id not in allowed:
            raise PermissionDenied(f"this client may not use outlet {request.outlet_id}")
        if file_count is not None:
            self.check_file_count(file_count)
            if not file_count:
                raise InvalidRequest("at least one file is required", field="file")

    async def _check_references(self, session: AsyncSession, request: BatchRequest) -> None:
        """The outlet, supplier and purchase orders the request names exist and fit."""
        assert request.outlet_id is not None
        if await catalog.get_outlet(session, request.outlet_id) is None:
            raise UnknownReference(f"outlet {request.outlet_id} does not exist", field="outlet")
        if request.supplier_id and not await catalog.get_supplier(session, request.supplier_id):
            raise UnknownReference(
                f"supplier {request.supplier_id} does not exist", field="supplier"
            )
        wanted = list(request.purchase_order_ids)
        if not wanted:
            return
        found = {po.id: po for po in await catalog.get_purchase_orders(session, wanted)}
        for po_id in wanted:
            if po_id not in found:
                raise UnknownReference(
                    f"purchase order {po_id} does not exist", field="purchase_orders"
                )
            if found[po_id].outlet_id != request.outlet_id:
                raise InvalidRequest(
                    f"purchase order {po_id} belongs to another outlet", field="purchase_orders"
                )

    def check_file_count(self, count: int) -> None:
        """Channels call this while receiving, to stop reading at the first file too many."""
        if count > self.limits.max_files:
            raise InvalidRequest(
                f"too many files: at most {self.limits.max_files} per batch", field="file"
            )

    async def receive(
        self, field: str, filename: str, chunks: AsyncIterable[bytes]
    ) -> IncomingFile:
        """Spool one file and check it: the quick checks at once (a few reads of at most
        8 KB of a file just written, in the page cache: cheaper than a trip to a thread), the
        full check of a file they cannot tell in the background, so that it overlaps the
        reading of the next; ``submit`` waits for it. Files are fsynced when stored."""
        # hashed when stored, off the event loop (intake does not need the hash before)
        spooled = await self.files.spool(chunks, self.limits.max_file_size, digest=False)
        prepared: asyncio.Future[int]
        try:
            pages = self.pdfs.quick(spooled, filename)
        except FileRejected as exc:
            prepared = _done(exc)
        else:
            if pages is None:
                prepared = asyncio.ensure_future(self.pdfs.inspect(spooled, filename))
            else:
                prepared = _done(pages)
        return IncomingFile(field, filename, spooled, prepared)

    async def _take_back(self, created: list[str]) -> None:
        """Remove the files a failed transaction stored, unless an invoice names them (another
        request stored and committed the same bytes meanwhile). When the database cannot
        tell, they stay: a file too many is better than an invoice without its file."""
        if not created:
            return
        try:
            async with self.db.read() as session:
                used = await invoices.files_in_use(session, created)
        except StorageError:
            log.warning(
                "kept %d stored files of a failed batch: the database is down", len(created)
            )
            return
        await self.files.unstore([sha for sha in created if sha not in used])

    async def _check_files(
        self, files: list[IncomingFile], errors: list[FileError]
    ) -> list[_Checked]:
        checked: list[_Checked] = []
        for incoming in files:
            try:
                pages = await incoming.prepared
            except FileRejected as exc:
                errors.append(_error(incoming.field, incoming.filename, exc))
                continue
            checked.append(_Checked(incoming, pages))
        return checked

    async def _commit(
        self,
        source: Source,
        request: BatchRequest,
        sender: Sender,
        files: list[IncomingFile],
        checked: list[_Checked],
        errors: list[FileError],
    ) -> tuple[str, list[AcceptedFile]]:
        """One transaction: the batch, its invoices, their jobs (and its reply job if no file
        was accepted). :class:`_Repeated` if the source's reference was taken meanwhile."""
        assert request.outlet_id is not None
        async with self.db.session() as session:
            # the outlet and supplier are checked by the batch's foreign keys (the caller
            # looks them up when those refuse it, to say which); orders are looked up here
            if request.purchase_order_ids:
                await self._check_references(session, request)
            try:
                batch_id = await batches.insert_bulk_importation(
                    session,
                    outlet_id=request.outlet_id,
                    supplier_id=request.supplier_id,
                    channel=source.channel,
                    reference=source.reference,
                    reply_to=dict(source.reply_to),
                    client_id=sender.client_id,
                    sender=sender.address,
                    purchase_order_ids=list(request.purchase_order_ids),
                    reply_status=(
                        ReplyStatus.NOT_NEEDED
                        if source.channel.answers_at_once or not source.wants_reply
                        else ReplyStatus.PENDING
                    ),
                )
            except AlreadyExists:
                raise _Repeated from None
            accepted = await self._add_invoices(session, request, source, batch_id, checked, errors)
            await self.queue.enqueue(session, [a.invoice_id for a in accepted])
            if errors:
                order = {f.field: i for i, f in enumerate(files)}
                errors.sort(key=lambda e: order.get(e.field, -1))
                await batches.set_errors(session, batch_id, [e.as_dict() for e in errors])
            if not accepted:
                # no job will ever finish this batch: it is done now, and its reply is queued
                await batches.finish_if_done(session, batch_id, self.clock())
            return batch_id, accepted

    async def _add_invoices(
        self,
        session: AsyncSession,
        request: BatchRequest,
        source: Source,
        batch_id: str,
        checked: list[_Checked],
        errors: list[FileError],
    ) -> list[AcceptedFile]:
        """One invoice per new file, in one statement; duplicates go to ``errors``: files the
        outlet had already (also those another request committed a moment ago), and files
        with the same bytes as an earlier one of this batch."""
        assert request.outlet_id is not None
        fresh: dict[str, _Checked] = {}
        for item in checked:
            fresh.setdefault(item.file.spooled.sha256, item)
        rows = [_invoice_fields(request, source, batch_id, item) for item in fresh.values()]
        ids = await invoices.add_new_invoices(session, rows, request.purchase_order_ids)
        taken = [sha for sha in fresh if sha not in ids]
        known = await invoices.find_invoices_by_files(session, request.outlet_id, taken)
        accepted: list[AcceptedFile] = []
        for item in checked:
            sha = item.file.spooled.sha256
            if sha not in ids:
                errors.append(_duplicate_error(item.file, known.get(sha)))
            elif fresh[sha] is not item:  # the same bytes as an earlier file of this batch
                errors.append(_duplicate_error(item.file, ids[sha]))
            else:
                accepted.append(AcceptedFile(ids[sha], item.file.field, item.file.filename))
        return accepted


class IntakeSession:
    """One batch being received; see the module docstring."""

    def __init__(
        self,
        intake: Intake,
        source: Source,
        request: BatchRequest | None,
        sender: Sender,
        expected_files: int | None,
    ) -> None:
        self.intake = intake
        self.source = source
        self.request = request
        self.sender = sender
        self.expected_files = expected_files
        self.files: list[IncomingFile] = []
        self.refused: list[FileError] = []
        #: the earlier batch of the same source reference; set on open
        self.previous: IntakeResult | None = None
        self.result: IntakeResult | None = None

    async def __aenter__(self) -> IntakeSession:
        if self.request is not None:
            await self.intake.check_request(self.request, self.sender, self.expected_files)
        self.previous = await self.intake.find(self.source)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.discard()

    def discard(self) -> None:
        for incoming in self.files:
            incoming.discard()

    @property
    def count(self) -> int:
        """Files so far, received or refused."""
        return len(self.files) + len(self.refused)

    def set_request(self, request: BatchRequest) -> None:
        self.request = request

    async def add(self, field: str, filename: str, chunks: AsyncIterable[bytes]) -> IncomingFile:
        """Receive one file (spooled to disk, checked in the background)."""
        self.intake.check_file_count(self.count + 1)
        incoming = await self.intake.receive(field, clean_filename(filename, field), chunks)
        self.files.append(incoming)
        return incoming

    def refuse(self, field: str, filename: str, code: str, detail: str) -> None:
        """A file the channel could not receive (download failed, not a PDF): reported in the
        batch's errors like a file the checks refused."""
        self.intake.check_file_count(self.count + 1)
        self.refused.append(FileError(field, clean_filename(filename, field), code, detail))

    async def submit(self) -> IntakeResult:
        """Check, store and commit the batch; its files are consumed either way.

        Raises only before the commit (a wrong request, the database down); after it, never.
        """
        intake = self.intake
        try:
            if self.request is None:
                raise InvalidRequest("outlet is required", field="outlet")
            # the references are checked by the batch's own transaction (Intake._commit)
            intake._check_fields(self.request, self.sender, self.count)
            if self.previous is None:
                self.previous = await intake.find(self.source)
            if self.previous is not None:
                return self._repeated(self.previous)
            errors = list(self.refused)
            checked = await intake._check_files(self.files, errors)
            # stored before the commit, so that once we answer a crash cannot lose them; taken
            # back when the transaction fails, so that no file is left without an invoice
            created = await intake.files.store_all([item.file.spooled for item in checked])
            try:
                batch_id, accepted = await intake._commit(
                    self.source, self.request, self.sender, self.files, checked, errors
                )
            except _Repeated:
                # the batch that won holds the same files: they stay
                found = await intake.find(self.source)
                assert found is not None, "a batch with this reference was just committed"
                return self._repeated(found)
            except IntegrityViolation:
                await asyncio.shield(intake._take_back(created))
                # a foreign key refused the batch: its outlet or supplier does not exist
                await intake.check_request(self.request, self.sender)
                raise
            except BaseException:
                await asyncio.shield(intake._take_back(created))
                raise
        finally:
            self.discard()
        self.result = IntakeResult(batch_id, accepted, errors)
        self._after_commit(self.result)
        return self.result

    def _repeated(self, result: IntakeResult) -> IntakeResult:
        log.info(
            "batch %s: %s reference %r submitted again; nothing created",
            result.bulk_importation_id,
            self.source.channel,
            self.source.reference,
        )
        self.result = result
        return result

    def _after_commit(self, result: IntakeResult) -> None:
        """Wake local workers and log; nothing here may undo or hide the commit."""
        try:
            self.intake.queue.notify()
            with bound(batch_id=result.bulk_importation_id):
                log.info(
                    "batch %s from %s: %d accepted, %d refused",
                    result.bulk_importation_id,
                    self.source.channel,
                    len(result.invoices),
                    len(result.errors),
                )
        except Exception:  # the batch is committed: the sender must get its result
            log.exception("batch %s: after-commit step failed", result.bulk_importation_id)


def _done(outcome: int | FileRejected) -> asyncio.Future[int]:
    """A check's outcome known at once, in the shape of one that runs in the background."""
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    if isinstance(outcome, FileRejected):
        done.set_exception(outcome)
    else:
        done.set_result(outcome)
    return done


def _invoice_fields(
    request: BatchRequest, source: Source, batch_id: str, item: _Checked
) -> dict[str, Any]:
    spooled = item.file.spooled
    return {
        "bulk_importation_id": batch_id,
        "outlet_id": request.outlet_id,
        "supplier_id": request.supplier_id,
        "file_name": item.file.filename,
        "file_sha256": spooled.sha256,
        "file_size": spooled.size,
        "file_pages": item.pages,
        "file_field": item.file.field,
        "source_channel": source.channel,
        "source_reference": source.reference,
    }


def _duplicate_error(incoming: IncomingFile, existing_id: str | None) -> FileError:
    exc = FileRejected(
        "duplicate",
        f"{incoming.filename} was already imported for this outlet as invoice {existing_id}",
        existing_invoice_id=existing_id,
    )
    return _error(incoming.field, incoming.filename, exc)


def _error(field: str, filename: str, exc: FileRejected) -> FileError:
    return FileError(field, filename, exc.code, exc.detail, exc.existing_invoice_id)
