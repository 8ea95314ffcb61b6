"""Batch-done replies: one durable job per batch, retried, exactly one reply; idempotent sources.

Real databases (SQLite and PostgreSQL), real worker processes where the issue is about
processes; the notifiers are small fakes of our own port (the email and Slack notifiers have
their own tests against real servers).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.app import Services, open_services
from bot.batch import BatchRequest, IntakeResult, Sender, Source
from bot.catalog import OutletIn
from bot.views import batch_view
from storage.models import BulkImportation, Job
from storage.status import Channel, JobKind, ProcessingStatus, ReplyStatus
from tests.conftest import ConfigFactory
from tests.fakes import FakeExtractor, RecordingNotifier
from tests.pdfs import invoice_pdf
from tests.processes import start_cli, stop, worker_config

ROOT = Path(__file__).resolve().parents[1]


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _submit(
    svc: Services, source: Source, contents: list[bytes], outlet: str = "olt-1"
) -> IntakeResult:
    async with svc.intake.open(source, BatchRequest(outlet), Sender(address="chef@x.test")) as b:
        for i, content in enumerate(contents):
            await b.add(f"file[{i}]", f"{i}.pdf", _chunks(content))
        return await b.submit()


def _mail(message_id: str) -> Source:
    return Source(Channel.EMAIL, message_id, {"message_id": message_id, "subject": "Invoices"})


async def _batch_done_jobs(svc: Services, batch_id: str | None = None) -> int:
    async with svc.db.read() as session:
        query = select(func.count()).select_from(Job).where(Job.kind == JobKind.BATCH_DONE)
        if batch_id is not None:
            query = query.where(Job.bulk_importation_id == batch_id)
        return int(await session.scalar(query) or 0)


async def _drain(svc: Services, seconds: float = 20) -> None:
    """Run a worker until no job is due and none waits for a retry."""
    worker = svc.worker()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while loop.time() < deadline:
        await worker.run_until_idle()
        async with svc.db.read() as session:
            waiting = await session.scalar(
                select(func.count()).select_from(Job).where(Job.status.in_(("queued", "running")))
            )
        if not waiting:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("jobs still waiting")


async def test_a_failing_notifier_is_retried_and_replies_once(
    make_config: ConfigFactory, caplog: pytest.LogCaptureFixture
) -> None:
    notifier = RecordingNotifier(failures=2)
    config = make_config(worker={"max_attempts": 5, "retry_base_seconds": 0.02})
    caplog.set_level(logging.INFO)
    async with open_services(
        config, extractor=FakeExtractor(), notifiers={Channel.EMAIL: notifier}
    ) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Harbour Kitchen"))
        result = await _submit(svc, _mail("<a1@x.test>"), [invoice_pdf(), invoice_pdf()])
        report = await svc.invoices.batch(result.bulk_importation_id)
        assert report.reply.status == ReplyStatus.PENDING and not report.done
        await _drain(svc)
        report = await svc.invoices.batch(result.bulk_importation_id)

    assert notifier.calls == 3
    assert len(notifier.delivered) == 1
    delivered, delivery = notifier.delivered[0]
    assert delivered.id == result.bulk_importation_id and delivered.done
    assert delivered.counts == {ProcessingStatus.PROCESSED: 2}
    assert delivered.outlet_name == "Harbour Kitchen"
    assert delivered.reply_to["message_id"] == "<a1@x.test>"
    assert delivery.key == f"invoicebot-batch-{result.bulk_importation_id}"
    assert delivery.attempt == 3
    assert report.reply.status == ReplyStatus.SENT and report.reply.attempts == 3
    assert report.reply.error is None and report.reply.sent_date is not None
    failures = [r for r in caplog.records if "reply attempt" in r.getMessage()]
    assert len(failures) == 2
    assert all(result.bulk_importation_id in r.getMessage() for r in failures)
    assert "relay down" in failures[0].getMessage()


async def test_a_reply_that_never_goes_through_is_recorded_as_failed(
    make_config: ConfigFactory,
) -> None:
    notifier = RecordingNotifier(failures=100)
    config = make_config(worker={"max_attempts": 3, "retry_base_seconds": 0.01})
    async with open_services(
        config, extractor=FakeExtractor(), notifiers={Channel.EMAIL: notifier}
    ) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        result = await _submit(svc, _mail("<a2@x.test>"), [invoice_pdf()])
        await _drain(svc)
        view = batch_view(await svc.invoices.batch(result.bulk_importation_id))
    assert notifier.calls == 3 and not notifier.delivered
    assert view["done"] is True
    assert view["reply"]["status"] == "failed" and view["reply"]["attempts"] == 3
    assert "relay down" in view["reply"]["error"]


async def test_a_channel_without_its_notifier_here_fails_with_the_reason(
    make_config: ConfigFactory,
) -> None:
    config = make_config(worker={"max_attempts": 2, "retry_base_seconds": 0.01})
    async with open_services(config, extractor=FakeExtractor()) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        result = await _submit(svc, Source(Channel.SLACK, "C1:1.2"), [invoice_pdf()])
        await _drain(svc)
        report = await svc.invoices.batch(result.bulk_importation_id)
    assert report.reply.status == ReplyStatus.FAILED
    assert report.reply.error is not None and "no slack notifier" in report.reply.error


async def test_api_batches_need_no_reply_but_get_their_job(make_config: ConfigFactory) -> None:
    async with open_services(make_config(), extractor=FakeExtractor()) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        result = await _submit(svc, Source(Channel.API), [invoice_pdf()])
        await _drain(svc)
        report = await svc.invoices.batch(result.bulk_importation_id)
        assert await _batch_done_jobs(svc, result.bulk_importation_id) == 1
    assert report.done and report.done_date is not None
    assert report.reply.status == ReplyStatus.NOT_NEEDED and report.reply.attempts == 0


async def test_a_batch_with_no_good_file_still_gets_one_reply(make_config: ConfigFactory) -> None:
    notifier = RecordingNotifier()
    async with open_services(make_config(), notifiers={Channel.EMAIL: notifier}) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        result = await _submit(svc, _mail("<none@x.test>"), [b"hello", b""])
        assert not result.invoices and len(result.errors) == 2
        # queued in the intake transaction itself
        assert await _batch_done_jobs(svc, result.bulk_importation_id) == 1
        await _drain(svc)
        await _drain(svc)  # nothing more to do: still one reply
    assert len(notifier.delivered) == 1
    report, _ = notifier.delivered[0]
    assert report.done and report.reference == "<none@x.test>" and not report.invoices
    assert [r.code for r in report.refused] == ["not_a_pdf", "empty_file"]


async def test_the_same_source_twice_makes_one_batch(make_config: ConfigFactory) -> None:
    async with open_services(make_config()) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        first = await _submit(svc, _mail("<same@x.test>"), [invoice_pdf(), b"junk"])
        again = await _submit(svc, _mail("<same@x.test>"), [invoice_pdf()])
        async with svc.db.read() as session:
            batches = await session.scalar(select(func.count()).select_from(BulkImportation))
        assert batches == 1
        assert not first.repeated and again.repeated
        assert again.bulk_importation_id == first.bulk_importation_id
        assert again.invoices == first.invoices and again.errors == first.errors
        # the second copy's files were not kept
        assert not list((svc.config.storage.path / "tmp").glob("*.part"))
        # another channel may use the same reference
        other = await _submit(svc, Source(Channel.SLACK, "<same@x.test>"), [invoice_pdf()])
        assert other.bulk_importation_id != first.bulk_importation_id


async def test_the_same_source_submitted_concurrently_makes_one_batch(
    make_config: ConfigFactory,
) -> None:
    async with open_services(make_config()) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        for round_ in range(5):
            source = _mail(f"<race-{round_}@x.test>")
            pdfs = [invoice_pdf(), invoice_pdf()]
            results = await asyncio.gather(*(_submit(svc, source, pdfs) for _ in range(4)))
            assert len({r.bulk_importation_id for r in results}) == 1
            assert sum(not r.repeated for r in results) == 1
            assert all(len(r.invoices) == 2 and not r.errors for r in results)
            assert len({tuple(r.invoices) for r in results}) == 1
        async with svc.db.read() as session:
            batches = await session.scalar(select(func.count()).select_from(BulkImportation))
        assert batches == 5


PLUGIN = '[channels]\nplugins = ["tests.fakes:file_channel"]\n'


def _worker(config_path: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return start_cli(config_path, "worker", env=env)


async def test_a_worker_killed_mid_reply_leaves_it_to_the_next_one(
    make_config: ConfigFactory, db_url: str, tmp_path: Path
) -> None:
    replies = tmp_path / "replies.log"
    config = make_config()
    async with open_services(config, with_channels=False) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        result = await _submit(svc, _mail("<kill@x.test>"), [invoice_pdf()])
        batch_id = result.bulk_importation_id
        path = tmp_path / "worker.toml"
        worker_config(path, db_url, config.storage.path, "tests.fakes:quick_extractor", 1.5, PLUGIN)

        env = {"INVOICEBOT_TEST_REPLIES": str(replies), "INVOICEBOT_TEST_REPLY_MODE": "hang"}
        first = _worker(path, env)
        try:
            for _ in range(400):
                if replies.exists() and "started" in replies.read_text():
                    break
                assert first.poll() is None, first.stdout.read().decode()  # type: ignore[union-attr]
                await asyncio.sleep(0.05)
            else:
                raise AssertionError("the first worker never began the reply")
        finally:
            stop(first, signal.SIGKILL)  # after the last invoice's commit, mid-send
        report = await svc.invoices.batch(batch_id)
        assert report.done and report.reply.status == ReplyStatus.PENDING

        second = _worker(path, {**env, "INVOICEBOT_TEST_REPLY_MODE": "ok"})
        try:
            for _ in range(400):
                report = await svc.invoices.batch(batch_id)
                if report.reply.status == ReplyStatus.SENT:
                    break
                await asyncio.sleep(0.05)
            else:
                raise AssertionError(f"no reply after the restart: {report.reply}")
            await asyncio.sleep(0.5)  # a second reply would show up now
        finally:
            log = stop(second)
        assert await _batch_done_jobs(svc, batch_id) == 1
    lines = replies.read_text().splitlines()
    sent = [line for line in lines if line.startswith("sent ")]
    assert sent == [f"sent {batch_id} invoicebot-batch-{batch_id}"], (lines, log)
    started = [line for line in lines if line.startswith("started ")]
    assert [s.split()[2] for s in started] == [f"invoicebot-batch-{batch_id}"] * 2
    assert started[1].endswith("attempt=2")


async def test_two_workers_finishing_a_batch_together_queue_one_reply(
    make_config: ConfigFactory, db_url: str, tmp_path: Path
) -> None:
    """50 batches of two invoices; two worker processes take one invoice of each and finish
    them at the same moment (every document takes 50 ms): one reply job per batch."""
    rounds = 50
    config = make_config()
    async with open_services(config, with_channels=False) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        ids = []
        for i in range(rounds):
            result = await _submit(svc, _mail(f"<pair-{i}@x.test>"), [invoice_pdf(), invoice_pdf()])
            ids.append(result.bulk_importation_id)
        path = tmp_path / "worker.toml"
        worker_config(path, db_url, config.storage.path, "tests.fakes:steady_extractor", 30, PLUGIN)
        env = {"INVOICEBOT_TEST_REPLIES": str(tmp_path / "replies.log")}
        workers = [_worker(path, env), _worker(path, env)]
        try:
            for _ in range(1200):
                async with svc.db.read() as session:
                    sent = await session.scalar(
                        select(func.count())
                        .select_from(BulkImportation)
                        .where(BulkImportation.reply_status == ReplyStatus.SENT)
                    )
                if sent == rounds:
                    break
                assert all(w.poll() is None for w in workers)
                await asyncio.sleep(0.1)
            else:
                raise AssertionError(f"{sent} of {rounds} replies sent")
        finally:
            logs = [stop(w) for w in workers]
        async with svc.db.read() as session:
            per_batch = dict(
                (
                    await session.execute(
                        select(Job.bulk_importation_id, func.count())
                        .where(Job.kind == JobKind.BATCH_DONE)
                        .group_by(Job.bulk_importation_id)
                    )
                ).all()
            )
            invoices_by_worker = (
                (await session.execute(select(Job.worker_id).where(Job.kind == JobKind.EXTRACT)))
                .scalars()
                .all()
            )
    assert per_batch == {batch_id: 1 for batch_id in ids}
    # both processes really took part
    assert len({w.rsplit("/", 1)[0] for w in invoices_by_worker if w}) == 2, logs
    sent_lines = [
        line
        for line in (tmp_path / "replies.log").read_text().splitlines()
        if line.startswith("sent")
    ]
    assert len(sent_lines) == rounds
