"""The durable job queue's table operations.

A job is claimed by setting a lease. ``FOR UPDATE SKIP LOCKED`` (PostgreSQL; SQLite serialises
writers with ``BEGIN IMMEDIATE`` instead) lets many workers on many machines claim without
waiting on each other. A running job whose lease has run out belonged to a worker that died; it
is claimable again. Every update after the claim is guarded by the worker id, so a worker that
lost its lease cannot overwrite the new owner's result.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import JOBS, Job
from storage.status import JobKind, JobStatus


async def enqueue(
    session: AsyncSession,
    invoice_ids: Sequence[str],
    kind: str = JobKind.EXTRACT,
    now: datetime | None = None,
) -> None:
    """One job per invoice, in one executemany (no ORM objects: intake's hot path)."""
    if not invoice_ids:
        return
    extra = {"run_after": now} if now else {}
    rows = [{"kind": kind, "invoice_id": i, **extra} for i in invoice_ids]
    await session.execute(insert(JOBS), rows)


def batch_done_key(batch_id: str) -> str:
    return f"{JobKind.BATCH_DONE}:{batch_id}"


async def enqueue_batch_done(session: AsyncSession, batch_id: str, now: datetime) -> Job:
    """The one reply job of a batch, in the caller's transaction.

    Its unique ``key`` is the last guard: were two transactions ever to both find the batch
    finished, the second would fail to commit instead of queueing a second reply.
    """
    job = Job(
        kind=JobKind.BATCH_DONE,
        bulk_importation_id=batch_id,
        key=batch_done_key(batch_id),
        run_after=now,
    )
    session.add(job)
    await session.flush()
    return job


async def claim(
    session: AsyncSession, worker_id: str, now: datetime, lease: timedelta
) -> Job | None:
    """Take the next due job (queued, or running with an expired lease)."""
    due = or_(
        and_(Job.status == JobStatus.QUEUED, Job.run_after <= now),
        and_(Job.status == JobStatus.RUNNING, Job.lease_until < now),
    )
    job = await session.scalar(
        select(Job)
        .where(due)
        .order_by(Job.run_after, Job.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if job is None:
        return None
    job.status = JobStatus.RUNNING
    job.attempts += 1
    job.worker_id = worker_id
    job.lease_until = now + lease
    await session.flush()
    return job


async def _update_owned(session: AsyncSession, job_id: int, owner: str, **values: object) -> bool:
    result = await session.execute(
        update(Job)
        .where(Job.id == job_id, Job.worker_id == owner, Job.status == JobStatus.RUNNING)
        .values(**values)
    )
    return bool(getattr(result, "rowcount", 0))


async def extend_lease(session: AsyncSession, job_id: int, worker_id: str, until: datetime) -> bool:
    return await _update_owned(session, job_id, worker_id, lease_until=until)


async def finish(session: AsyncSession, job_id: int, worker_id: str) -> bool:
    return await _update_owned(session, job_id, worker_id, status=JobStatus.DONE, lease_until=None)


async def retry_later(
    session: AsyncSession,
    job_id: int,
    worker_id: str,
    run_after: datetime,
    error: str,
    count_attempt: bool = True,
) -> bool:
    """Queue the job again; ``count_attempt=False`` gives back the attempt its claim took (a
    failure of ours, such as the file store being down, is no attempt of the document's)."""
    refund = {} if count_attempt else {"attempts": Job.attempts - 1}
    return await _update_owned(
        session,
        job_id,
        worker_id,
        status=JobStatus.QUEUED,
        run_after=run_after,
        lease_until=None,
        worker_id=None,
        last_error=error,
        **refund,
    )


async def fail(session: AsyncSession, job_id: int, worker_id: str, error: str) -> bool:
    return await _update_owned(
        session, job_id, worker_id, status=JobStatus.FAILED, lease_until=None, last_error=error
    )


async def count_by_status(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(select(Job.status, func.count()).group_by(Job.status))
    return {status: int(n) for status, n in rows.all()}
