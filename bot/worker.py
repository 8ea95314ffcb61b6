"""Workers: claim jobs; extract an invoice (run the engine, save, link) or reply to a batch.

A job's lease is renewed while it runs; a worker that dies leaves the lease to run out and the job
is claimed again. Transient failures are retried with exponential backoff; after
``max_attempts`` (or a final :class:`ExtractionError`) the invoice ends in ``ERROR`` with the
reason. The transaction that gives the last invoice of a batch its final status also queues the
batch's one ``batch_done`` job (see :mod:`bot.notify`), so a crash right after it loses nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from datetime import timedelta
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import WorkerConfig
from bot.errors import (
    ExtractionError,
    FileRejected,
    InvoicebotError,
    StorageError,
    StoreUnavailable,
    TransientExtractionError,
)
from bot.extract.base import Extractor
from bot.extract.schema import HEADER_FIELDS, ExtractionResult
from bot.files import Store
from bot.logs import bound
from bot.notify import BatchReplies
from bot.queue import ClaimedJob, JobQueue
from storage import batches, invoices, jobs
from storage.db import Database
from storage.models import Invoice
from storage.status import JobKind, ProcessingStatus, ReplyStatus
from storage.types import utcnow

log = logging.getLogger(__name__)

#: while the database is down, a task asks for a job at most this far apart
CLAIM_BACKOFF_MAX_SECONDS = 5.0


class Linker(Protocol):
    """Links an invoice to purchase orders after extraction (see bot.linking)."""

    async def link(self, session: AsyncSession, invoice: Invoice) -> None: ...


class _LeaseLost(Exception):
    """Another worker owns the job now; drop our result."""


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Worker:
    def __init__(
        self,
        db: Database,
        queue: JobQueue,
        files: Store,
        extractor: Extractor,
        replies: BatchReplies,
        config: WorkerConfig,
        linker: Linker | None = None,
        worker_id: str | None = None,
    ) -> None:
        self.db = db
        self.queue = queue
        self.files = files
        self.extractor = extractor
        self.replies = replies
        self.config = config
        self.linker = linker
        self.worker_id = worker_id or default_worker_id()
        self._outage = _Outage(config.retry_base_seconds)

    async def run(self, stop: asyncio.Event, concurrency: int | None = None) -> None:
        """Process jobs with ``concurrency`` tasks until ``stop`` is set."""
        n = self.config.concurrency if concurrency is None else concurrency
        log.info("worker %s: %d task(s), engine %s", self.worker_id, n, self.extractor.name)

        async def wake_on_stop() -> None:
            await stop.wait()
            self.queue.notify()

        async with asyncio.TaskGroup() as group:
            group.create_task(wake_on_stop())
            for i in range(n):
                group.create_task(self._loop(f"{self.worker_id}/{i}", stop))

    async def _loop(self, worker_id: str, stop: asyncio.Event) -> None:
        failures = 0
        while not stop.is_set():
            if (wait := self._outage.remaining()) > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), wait)
                continue
            try:
                job = await self.queue.claim(worker_id)
            except StorageError as exc:
                # the database is down: say so once, and ask less often until it answers
                failures += 1
                if failures == 1:
                    log.error("claiming a job failed (%s); retrying until it works", exc.detail)
                delay = self.config.poll_interval_seconds * 2 ** min(failures, 8)
                await self.queue.wait(min(delay, CLAIM_BACKOFF_MAX_SECONDS))
                continue
            if failures:
                log.info("claiming jobs works again (after %d failed attempts)", failures)
                failures = 0
            if job is None:
                await self.queue.wait(self.config.poll_interval_seconds)
                continue
            await self.process(job)

    async def run_until_idle(self) -> int:
        """Process jobs one after another until none is due; returns how many ran."""
        done = 0
        while (job := await self.queue.claim(f"{self.worker_id}/idle")) is not None:
            await self.process(job)
            done += 1
        return done

    async def process(self, job: ClaimedJob) -> None:
        heartbeat = asyncio.create_task(self._heartbeat(job))
        try:
            with bound(job_id=str(job.id), invoice_id=job.invoice_id, batch_id=job.batch_id):
                await self._process(job)
        except asyncio.CancelledError:
            # shutting down mid-job: hand the job back now rather than when the lease runs out
            with contextlib.suppress(Exception):
                await asyncio.shield(self.queue.retry_later(job, 0, "worker stopped"))
            raise
        except _LeaseLost:
            log.warning("job %s: lease lost to another worker; result dropped", job.id)
        except StorageError as exc:
            # the database went away mid-job: the lease runs out and the job is taken again
            log.error("job %s: database error (%s); left for a retry", job.id, exc.detail)
        finally:
            heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await heartbeat

    async def _process(self, job: ClaimedJob) -> None:
        if job.kind == JobKind.BATCH_DONE:
            await self._reply(job)
            return
        if job.attempts > self.config.max_attempts:
            await self._fail(job, f"gave up after {job.attempts - 1} attempts that did not finish")
            return
        assert job.invoice_id is not None
        if job.file_sha256 is None:
            await self._fail(job, "the invoice no longer exists")
            return
        try:
            pdf = await self.files.read(job.file_sha256)
        except StoreUnavailable as exc:
            # the file is safe in a store that is down: the invoice must not end in ERROR for
            # an outage of ours, so no attempt is used up; this task waits before claiming again
            # instead of taking every queued job in turn to fail on the same outage
            pause = self._outage.begin()
            log.warning("job %s: %s; it waits, and this task pauses %.0f s", job.id, exc, pause)
            if not await self.queue.retry_later(job, pause, exc.detail, count_attempt=False):
                raise _LeaseLost from None
            return
        self._outage.end()
        try:
            result = await self.extractor.extract(pdf)
        except TransientExtractionError as exc:
            if job.attempts >= self.config.max_attempts:
                await self._fail(job, f"{exc.detail} (gave up after {job.attempts} attempts)")
            else:
                delay = self._backoff(job)
                log.info("job %s: %s; retry in %.0f s", job.id, exc.detail, delay)
                if not await self.queue.retry_later(job, delay, exc.detail):
                    raise _LeaseLost from None
            return
        except (ExtractionError, FileRejected) as exc:
            await self._fail(job, exc.detail)
            return
        except Exception as exc:
            # A bug in an engine must not kill the worker: record it and retry like a transient
            log.exception("job %s: unexpected error", job.id)
            reason = f"internal error: {type(exc).__name__}: {exc}"
            if job.attempts >= self.config.max_attempts:
                await self._fail(job, reason)
            elif not await self.queue.retry_later(job, self._backoff(job), reason):
                raise _LeaseLost from None
            return
        await self._save(job, result)

    def _backoff(self, job: ClaimedJob) -> float:
        return self.config.retry_base_seconds * 2 ** (job.attempts - 1)

    async def _save(self, job: ClaimedJob, result: ExtractionResult) -> None:
        status = ProcessingStatus.INCOMPLETE if result.warnings else ProcessingStatus.PROCESSED
        assert job.invoice_id is not None
        async with self.db.session() as session:
            invoice = await invoices.get_invoice(session, job.invoice_id)
            if invoice is None:
                raise _LeaseLost
            fields = result.invoice
            for name in HEADER_FIELDS:
                setattr(invoice, name, getattr(fields, name))
            invoice.po_references = list(fields.po_references)
            invoices.replace_line_items(invoice, [item.model_dump() for item in fields.line_items])
            invoice.extraction = {
                "engine": result.engine,
                "confidence": result.confidence,
                "warnings": list(result.warnings),
                "error": None,
                # where on the page each field was read ({"page", "box"}), for the reviewer
                "positions": result.model_dump(mode="json", include={"positions"})["positions"],
            }
            if result.pages is not None:
                invoice.file_pages = result.pages
            invoice.processing_status = status
            if self.linker is not None:
                # linking warnings inform; they do not make the extraction incomplete. Its
                # lookups need not see this invoice's new fields (they are passed in), so the
                # row is written once at the end instead of once per lookup
                with session.no_autoflush:
                    await self.linker.link(session, invoice)
            if not await jobs.finish(session, job.id, job.worker_id):
                raise _LeaseLost
            done = await batches.finish_if_done(session, invoice.bulk_importation_id, utcnow())
        log.info("invoice %s: %s (%s)", job.invoice_id, invoice.processing_status, result.engine)
        self._done(invoice.bulk_importation_id, done)

    async def _fail(self, job: ClaimedJob, reason: str) -> None:
        async with self.db.session() as session:
            if not await jobs.fail(session, job.id, job.worker_id, reason):
                raise _LeaseLost
            if job.invoice_id is None:
                return
            invoice = await invoices.get_invoice(session, job.invoice_id)
            if invoice is None:
                return
            invoice.processing_status = ProcessingStatus.ERROR
            invoice.extraction = {**(invoice.extraction or {}), "error": reason}
            done = await batches.finish_if_done(session, invoice.bulk_importation_id, utcnow())
        log.info("invoice %s: ERROR: %s", job.invoice_id, reason)
        self._done(invoice.bulk_importation_id, done)

    def _done(self, batch_id: str, done: bool) -> None:
        if done:
            log.info("batch %s: done; its reply is queued", batch_id)
            self.queue.notify()

    async def _reply(self, job: ClaimedJob) -> None:
        """Send a finished batch's reply; retried like extraction, then recorded as failed."""
        assert job.batch_id is not None
        batch_id = job.batch_id
        try:
            sent = await self.replies.send(batch_id, job.attempts)
        except Exception as exc:
            # a notifier is channel code talking to a remote service: whatever it raised, the
            # reply is retried, and the reason kept on the batch
            if isinstance(exc, InvoicebotError):
                reason = exc.detail
                log.warning("batch %s: reply attempt %d failed: %s", batch_id, job.attempts, reason)
            else:
                reason = f"internal error: {type(exc).__name__}: {exc}"
                log.exception("batch %s: reply attempt %d failed", batch_id, job.attempts)
            await self._reply_failed(job, reason)
            return
        async with self.db.session() as session:
            if not await jobs.finish(session, job.id, job.worker_id):
                raise _LeaseLost
            if sent:
                await batches.mark_reply_sent(session, batch_id, utcnow())
        if sent:
            log.info("batch %s: reply sent (attempt %d)", batch_id, job.attempts)

    async def _reply_failed(self, job: ClaimedJob, reason: str) -> None:
        assert job.batch_id is not None
        final = job.attempts >= self.config.max_attempts
        async with self.db.session() as session:
            status = ReplyStatus.FAILED if final else ReplyStatus.PENDING
            await batches.record_reply_attempt(session, job.batch_id, reason, status)
            if final:
                if not await jobs.fail(session, job.id, job.worker_id, reason):
                    raise _LeaseLost
            elif not await jobs.retry_later(
                session,
                job.id,
                job.worker_id,
                self.queue.clock() + timedelta(seconds=self._backoff(job)),
                reason,
            ):
                raise _LeaseLost
        if final:
            log.error(
                "batch %s: reply failed after %d attempts: %s", job.batch_id, job.attempts, reason
            )

    async def _heartbeat(self, job: ClaimedJob) -> None:
        interval = max(self.queue.lease.total_seconds() / 3, 0.05)
        while True:
            await asyncio.sleep(interval)
            try:
                if not await self.queue.heartbeat(job):
                    return
            except Exception:
                log.exception("job %s: lease renewal failed", job.id)


class _Outage:
    """How long the worker's tasks hold back while the file store is down: from the retry
    base, doubling up to a minute, over as soon as a file is read again."""

    def __init__(self, base: float, most: float = 60.0) -> None:
        self.base, self.most = base, most
        self.pause = 0.0
        self.until = 0.0

    def begin(self) -> float:
        self.pause = min(self.most, self.pause * 2 if self.pause else self.base)
        self.until = time.monotonic() + self.pause
        return self.pause

    def end(self) -> None:
        self.pause, self.until = 0.0, 0.0

    def remaining(self) -> float:
        return self.until - time.monotonic()
