"""Workers: claim extraction jobs, run the extractor, save what it read, link, report.

A job's lease is renewed while it runs; a worker that dies leaves the lease to run out and the job
is claimed again. Transient failures are retried with exponential backoff; after
``max_attempts`` (or a final :class:`ExtractionError`) the invoice ends in ``ERROR`` with the
reason. When the last invoice of a batch finishes, the batch-done hook is called exactly once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import WorkerConfig
from bot.errors import ExtractionError, FileRejected, TransientExtractionError
from bot.extract.base import Extractor
from bot.extract.schema import HEADER_FIELDS, ExtractionResult
from bot.files import FileStore
from bot.notify import BatchDone
from bot.queue import ClaimedJob, JobQueue
from storage import invoices, jobs
from storage.db import Database
from storage.models import Invoice

log = logging.getLogger(__name__)


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
        files: FileStore,
        extractor: Extractor,
        batch_done: BatchDone,
        config: WorkerConfig,
        linker: Linker | None = None,
        worker_id: str | None = None,
    ) -> None:
        self.db = db
        self.queue = queue
        self.files = files
        self.extractor = extractor
        self.batch_done = batch_done
        self.config = config
        self.linker = linker
        self.worker_id = worker_id or default_worker_id()

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
        while not stop.is_set():
            try:
                job = await self.queue.claim(worker_id)
            except Exception:
                log.exception("claiming a job failed; retrying shortly")
                job = None
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
            await self._process(job)
        except asyncio.CancelledError:
            # shutting down mid-job: hand the job back now rather than when the lease runs out
            with contextlib.suppress(Exception):
                await asyncio.shield(self.queue.retry_later(job, 0, "worker stopped"))
            raise
        except _LeaseLost:
            log.warning("job %s: lease lost to another worker; result dropped", job.id)
        finally:
            heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await heartbeat

    async def _process(self, job: ClaimedJob) -> None:
        if job.attempts > self.config.max_attempts:
            await self._fail(job, f"gave up after {job.attempts - 1} attempts that did not finish")
            return
        async with self.db.session() as session:
            invoice = await invoices.get_invoice(session, job.invoice_id)
            sha256 = invoice.file_sha256 if invoice else None
        if sha256 is None:
            await self._fail(job, "the invoice no longer exists")
            return
        try:
            pdf = await self.files.read(sha256)
            result = await self.extractor.extract(pdf)
        except TransientExtractionError as exc:
            if job.attempts >= self.config.max_attempts:
                await self._fail(job, f"{exc.detail} (gave up after {job.attempts} attempts)")
            else:
                delay = self.config.retry_base_seconds * 2 ** (job.attempts - 1)
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
            elif not await self.queue.retry_later(
                job, self.config.retry_base_seconds * 2 ** (job.attempts - 1), reason
            ):
                raise _LeaseLost from None
            return
        await self._save(job, result)

    async def _save(self, job: ClaimedJob, result: ExtractionResult) -> None:
        status = "INCOMPLETE" if result.warnings else "PROCESSED"
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
            }
            if result.pages is not None:
                invoice.file_pages = result.pages
            invoice.processing_status = status
            if self.linker is not None:
                # linking warnings inform; they do not make the extraction incomplete
                await self.linker.link(session, invoice)
            if not await jobs.finish(session, job.id, job.worker_id):
                raise _LeaseLost
            batch_id = invoice.bulk_importation_id
        log.info("invoice %s: %s (%s)", job.invoice_id, invoice.processing_status, result.engine)
        await self._after(batch_id)

    async def _fail(self, job: ClaimedJob, reason: str) -> None:
        async with self.db.session() as session:
            if not await jobs.fail(session, job.id, job.worker_id, reason):
                raise _LeaseLost
            invoice = await invoices.get_invoice(session, job.invoice_id)
            if invoice is None:
                return
            invoice.processing_status = "ERROR"
            invoice.extraction = {**(invoice.extraction or {}), "error": reason}
            batch_id = invoice.bulk_importation_id
        log.info("invoice %s: ERROR: %s", job.invoice_id, reason)
        await self._after(batch_id)

    async def _after(self, batch_id: str) -> None:
        try:
            await self.batch_done.check(batch_id)
        except Exception:
            log.exception("batch %s: the batch-done hook failed", batch_id)

    async def _heartbeat(self, job: ClaimedJob) -> None:
        interval = max(self.queue.lease.total_seconds() / 3, 0.05)
        while True:
            await asyncio.sleep(interval)
            try:
                if not await self.queue.heartbeat(job):
                    return
            except Exception:
                log.exception("job %s: lease renewal failed", job.id)
