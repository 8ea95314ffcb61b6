"""The durable job queue: jobs in the database, claimed with a lease.

Two kinds share it: ``extract`` (one invoice) and ``batch_done`` (the reply of a finished batch).

The table is the source of truth, so a restart loses nothing and several processes on several
machines can share it (PostgreSQL). Inside one process an event wakes idle workers as soon as a
batch is enqueued; other processes find new jobs by polling.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage import invoices, jobs
from storage.db import Database
from storage.status import JobKind, ProcessingStatus
from storage.types import utcnow


@dataclass(frozen=True)
class ClaimedJob:
    id: int
    kind: JobKind
    #: an extract job's invoice
    invoice_id: str | None
    #: a batch_done job's bulk importation, or the batch of an extract job's invoice
    batch_id: str | None
    attempts: int
    worker_id: str
    #: an extract job's file (None: the invoice is gone), read in the claim's own statement
    file_sha256: str | None = None


class JobQueue:
    def __init__(
        self, db: Database, lease_seconds: float, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.db = db
        self.lease = timedelta(seconds=lease_seconds)
        self.clock = clock
        self._wakeup = asyncio.Event()

    async def enqueue(self, session: AsyncSession, invoice_ids: Sequence[str]) -> None:
        """Add jobs inside the caller's transaction, so invoice and job commit together."""
        await jobs.enqueue(session, invoice_ids, now=self.clock())

    def notify(self) -> None:
        self._wakeup.set()

    async def wait(self, seconds: float) -> None:
        """Sleep until notified or ``seconds`` pass."""
        try:
            await asyncio.wait_for(self._wakeup.wait(), seconds)
        except TimeoutError:
            pass
        self._wakeup.clear()

    async def claim(self, worker_id: str) -> ClaimedJob | None:
        async with self.db.session() as session:
            job = await jobs.claim(session, worker_id, self.clock(), self.lease)
            if job is None:
                return None
            batch_id, sha256 = job.bulk_importation_id, None
            if job.invoice_id is not None:
                # marking it in progress also tells the worker which file to read: no second
                # transaction (and on SQLite no second wait for the write lock) per job
                started = await invoices.start_processing(session, job.invoice_id)
                if started is not None:
                    sha256, batch_id = started
            return ClaimedJob(
                job.id,
                JobKind(job.kind),
                job.invoice_id,
                batch_id,
                job.attempts,
                worker_id,
                sha256,
            )

    async def heartbeat(self, job: ClaimedJob) -> bool:
        """Extend the lease; False when the job is no longer ours."""
        async with self.db.session() as session:
            return await jobs.extend_lease(
                session, job.id, job.worker_id, self.clock() + self.lease
            )

    async def retry_later(
        self, job: ClaimedJob, delay: float, error: str, count_attempt: bool = True
    ) -> bool:
        async with self.db.session() as session:
            ok = await jobs.retry_later(
                session,
                job.id,
                job.worker_id,
                self.clock() + timedelta(seconds=delay),
                error,
                count_attempt,
            )
            if ok and job.invoice_id is not None:
                await invoices.set_processing_status(
                    session, job.invoice_id, ProcessingStatus.TO_BE_PROCESSED
                )
            return ok

    async def counts(self) -> dict[str, int]:
        async with self.db.read() as session:
            return await jobs.count_by_status(session)
