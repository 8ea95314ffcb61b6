"""The queue and the workers: retries, final errors, leases, batch-done, restart after a kill."""

from __future__ import annotations

import asyncio
import signal
from datetime import timedelta
from pathlib import Path

from bot.app import open_services
from bot.batch import BatchRequest, Source
from bot.catalog import OutletIn
from storage import jobs
from storage.models import Job
from storage.status import Channel
from tests.conftest import ConfigFactory
from tests.fakes import FakeExtractor
from tests.pdfs import invoice_pdf
from tests.processes import running, start_cli, worker_config

ROOT = Path(__file__).resolve().parents[1]


async def _one_chunk(data: bytes):  # type: ignore[no-untyped-def]
    yield data


async def _submit(services, n: int = 1) -> list[str]:  # type: ignore[no-untyped-def]
    async with services.intake.open(Source(Channel.CLI), BatchRequest("olt-1")) as batch:
        for i in range(n):
            await batch.add(f"file[{i}]", f"{i}.pdf", _one_chunk(invoice_pdf()))
        result = await batch.submit()
    return [a.invoice_id for a in result.invoices]


async def _invoice(services, invoice_id: str):  # type: ignore[no-untyped-def]
    return await services.invoices.get(invoice_id)


async def _job(services, invoice_id: str) -> Job:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    async with services.db.session() as session:
        return (await session.scalars(select(Job).where(Job.invoice_id == invoice_id))).one()


async def test_transient_failures_retry_with_backoff_then_error(make_config: ConfigFactory) -> None:
    # delays of 1 s and 2 s: long enough that "not due yet" holds on a loaded machine
    config = make_config(worker={"max_attempts": 3, "retry_base_seconds": 1.0})
    fake = FakeExtractor(script=lambda n: "transient")
    async with open_services(config, extractor=fake) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        [invoice_id] = await _submit(svc)
        worker = svc.worker()
        assert await worker.run_until_idle() == 1  # first attempt; the retry is not due yet
        job = await _job(svc, invoice_id)
        assert job.status == "queued" and job.attempts == 1
        first_delay = (job.run_after - job.modified_date).total_seconds()
        assert (await _invoice(svc, invoice_id))["processing_status"] == "TO_BE_PROCESSED"
        await asyncio.sleep(1.1)
        assert await worker.run_until_idle() == 1
        job = await _job(svc, invoice_id)
        second_delay = (job.run_after - job.modified_date).total_seconds()
        assert second_delay > first_delay * 1.5  # exponential
        await asyncio.sleep(2.1)
        assert await worker.run_until_idle() == 2  # the last attempt, then the batch's reply
        job = await _job(svc, invoice_id)
        assert job.status == "failed" and job.attempts == 3
        invoice = await _invoice(svc, invoice_id)
        assert invoice["processing_status"] == "ERROR"
        assert "upstream busy" in invoice["extraction"]["error"]
        assert "3 attempts" in invoice["extraction"]["error"]
        assert fake.calls == 3


async def test_transient_then_success(make_config: ConfigFactory) -> None:
    config = make_config(worker={"retry_base_seconds": 0.01})
    fake = FakeExtractor(script=lambda n: "transient" if n == 1 else "ok")
    async with open_services(config, extractor=fake) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        [invoice_id] = await _submit(svc)
        await svc.worker().run_until_idle()
        await asyncio.sleep(0.05)
        await svc.worker().run_until_idle()
        invoice = await _invoice(svc, invoice_id)
        assert invoice["processing_status"] == "PROCESSED"
        assert invoice["invoice_number"].startswith("F-")


async def test_final_error_is_not_retried(make_config: ConfigFactory) -> None:
    fake = FakeExtractor(script=lambda n: "fail")
    async with open_services(make_config(), extractor=fake) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        [invoice_id] = await _submit(svc)
        await svc.worker().run_until_idle()
        invoice = await _invoice(svc, invoice_id)
        assert invoice["processing_status"] == "ERROR"
        assert invoice["extraction"]["error"] == "cannot read this document (fake)"
        assert fake.calls == 1


async def test_engine_crash_does_not_kill_the_worker(make_config: ConfigFactory) -> None:
    config = make_config(worker={"max_attempts": 2, "retry_base_seconds": 0.01})
    fake = FakeExtractor(script=lambda n: "crash" if n <= 2 else "ok")
    async with open_services(config, extractor=fake) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        [bad] = await _submit(svc)
        worker = svc.worker()
        await worker.run_until_idle()
        await asyncio.sleep(0.03)
        await worker.run_until_idle()
        assert (await _invoice(svc, bad))["processing_status"] == "ERROR"
        assert "RuntimeError" in (await _invoice(svc, bad))["extraction"]["error"]
        [good] = await _submit(svc)
        await worker.run_until_idle()
        assert (await _invoice(svc, good))["processing_status"] == "PROCESSED"


async def test_incomplete_when_the_engine_warns(make_config: ConfigFactory) -> None:
    fake = FakeExtractor(script=lambda n: "no due date found")
    async with open_services(make_config(), extractor=fake) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        [invoice_id] = await _submit(svc)
        await svc.worker().run_until_idle()
        invoice = await _invoice(svc, invoice_id)
        assert invoice["processing_status"] == "INCOMPLETE"
        # the engine's warning comes first; linking may add its own remarks after it
        assert invoice["extraction"]["warnings"][0] == "no due date found"


async def test_expired_lease_is_claimed_again_and_old_owner_loses(
    make_config: ConfigFactory,
) -> None:
    async with open_services(make_config(worker={"lease_seconds": 30})) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        [invoice_id] = await _submit(svc)
        first = await svc.queue.claim("dead-worker")
        assert first is not None
        assert await svc.queue.claim("other") is None  # leased
        assert (await _invoice(svc, invoice_id))["processing_status"] == "IN_PROGRESS"
        real = svc.queue.clock
        svc.queue.clock = lambda: real() + timedelta(seconds=31)
        second = await svc.queue.claim("new-worker")
        assert second is not None and second.id == first.id and second.attempts == 2
        async with svc.db.session() as session:
            assert not await jobs.finish(session, first.id, first.worker_id)
            assert await jobs.finish(session, second.id, second.worker_id)


async def test_concurrent_claims_never_share_a_job(make_config: ConfigFactory) -> None:
    async with open_services(make_config()) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        ids = await _submit(svc, 12)
        claimed: list[str] = []

        async def claimer(name: str) -> None:
            while (job := await svc.queue.claim(name)) is not None:
                claimed.append(job.invoice_id)

        await asyncio.gather(*(claimer(f"w{i}") for i in range(4)))
        assert sorted(claimed) == sorted(ids)


async def test_jobs_of_a_killed_worker_finish_after_restart(
    make_config: ConfigFactory, db_url: str, tmp_path: Path
) -> None:
    config = make_config()
    async with open_services(config) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        [invoice_id] = await _submit(svc)

        slow = tmp_path / "slow.toml"
        worker_config(slow, db_url, config.storage.path, "tests.fakes:slow_extractor", 2)
        proc = start_cli(slow, "worker")
        try:
            for _ in range(300):
                if (await _invoice(svc, invoice_id))["processing_status"] == "IN_PROGRESS":
                    break
                assert proc.poll() is None, proc.stdout.read().decode()  # type: ignore[union-attr]
                await asyncio.sleep(0.05)
            else:
                raise AssertionError("the worker never started the job")
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert (await _invoice(svc, invoice_id))["processing_status"] == "IN_PROGRESS"

        quick = tmp_path / "quick.toml"
        worker_config(quick, db_url, config.storage.path, "tests.fakes:quick_extractor", 2)
        proc = start_cli(quick, "worker")
        try:
            for _ in range(200):
                status = (await _invoice(svc, invoice_id))["processing_status"]
                if status == "PROCESSED":
                    break
                await asyncio.sleep(0.05)
            else:
                raise AssertionError(f"job not finished after restart: {status}")
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
        job = await _job(svc, invoice_id)
        assert job.status == "done" and job.attempts == 2


async def test_the_services_own_the_zygote_and_stop_it(make_config: ConfigFactory) -> None:
    async with open_services(make_config()) as svc:
        await svc.isolation.run("tests.extract.hostile:echo", b"")
        pid = svc.isolation.pid
        assert pid is not None
    assert svc.isolation.pid is None
    assert not running(pid)
