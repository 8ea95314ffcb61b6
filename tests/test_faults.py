"""Faults (issue #13): PostgreSQL restarting under running workers and a serving API, and an
extraction backend that fails half the time.

Real processes: ``invoicebot worker`` and ``invoicebot serve`` started as the CLI, a PostgreSQL
cluster of the test's own (``tests/pgcluster.py``: the shared one on 5432 serves other runs, so it
is never restarted), and the real google-genai client against the fake Gemini on loopback.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select

from bench._listen import wait_listening
from bot.app import Services, open_services
from bot.batch import BatchRequest, IntakeResult, Sender, Source
from bot.catalog import OutletIn
from bot.config import config_from_dict
from storage.errors import StorageError
from storage.models import BulkImportation, Invoice, Job
from storage.status import Channel, JobKind, JobStatus, ProcessingStatus, ReplyStatus
from tests.conftest import ConfigFactory
from tests.flaky_gemini import serve_flaky_gemini
from tests.harness import fetch_token
from tests.pdfs import invoice_pdf
from tests.pgcluster import PgCluster, free_port, private_cluster
from tests.processes import ROOT, start_cli, stop, worker_config

PLUGIN = '[channels]\nplugins = ["tests.fakes:file_channel"]\n'
FINAL = {ProcessingStatus.PROCESSED, ProcessingStatus.INCOMPLETE, ProcessingStatus.ERROR}


@pytest.fixture
def cluster() -> Iterator[PgCluster]:
    with private_cluster() as pg:
        yield pg


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _submit(svc: Services, reference: str, contents: list[bytes]) -> IntakeResult:
    source = Source(Channel.EMAIL, reference, {"message_id": reference, "subject": "Invoices"})
    request = BatchRequest("olt-1")
    async with svc.intake.open(source, request, Sender(address="chef@x.test")) as batch:
        for i, content in enumerate(contents):
            await batch.add(f"file[{i}]", f"{i}.pdf", _chunks(content))
        return await batch.submit()


async def _statuses(svc: Services) -> dict[str, str] | None:
    """Every invoice's processing status; None while the database does not answer."""
    try:
        async with svc.db.read() as session:
            rows = await session.execute(select(Invoice.id, Invoice.processing_status))
            return {invoice_id: status for invoice_id, status in rows.all()}
    except StorageError:
        return None


def _alive(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise AssertionError(f"worker {proc.pid} exited with {proc.returncode}:\n{out}")


def _db_upgrade(config_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "--config", str(config_path), "db", "upgrade"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        capture_output=True,
        timeout=120,
    )


async def _upload(http: aiohttp.ClientSession, base: str, token: str) -> tuple[int, Any]:
    form = aiohttp.FormData()
    form.add_field("outlet", "olt-1")
    form.add_field("file[0]", invoice_pdf(), filename="a.pdf", content_type="application/pdf")
    async with http.post(
        f"{base}/api/v2/invoices/bulk_upload/",
        data=form,
        headers={"Authorization": f"Bearer {token}"},
    ) as resp:
        return resp.status, await resp.json()


async def test_workers_and_serve_ride_out_a_postgresql_restart(
    cluster: PgCluster, tmp_path: Path
) -> None:
    """Two worker processes read a batch of 40 (0.2 s each) while PostgreSQL is stopped for
    3 s and started again: they stay up, reconnect, and every invoice ends final once, with one
    reply. ``serve`` answers 503 in the outage, and takes uploads again after it."""
    url = await cluster.create_database("invoicebot")
    files = tmp_path / "files"
    path = worker_config(
        tmp_path / "worker.toml", url, files, "tests.fault_fakes:paced_extractor", 2, PLUGIN
    )
    _db_upgrade(path)
    config = config_from_dict(
        {
            "database": {"url": url},
            "storage": {"path": str(files)},
            "http": {"rate_limit_per_minute": 0},
        }
    )
    replies = tmp_path / "replies.log"
    env = {"INVOICEBOT_TEST_REPLIES": str(replies)}
    port = free_port()
    count = 40
    async with open_services(config, migrate=False, with_channels=False) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        client = await svc.auth.create_client("faults")
        batch = await _submit(svc, "<restart@x.test>", [invoice_pdf() for _ in range(count)])
        assert len(batch.invoices) == count and not batch.errors

        server = start_cli(path, "serve", "--port", str(port), "--workers", "0", env=env)
        workers = [start_cli(path, "worker", env=env) for _ in range(2)]
        procs = [*workers, server]
        pids = [w.pid for w in workers]
        base = f"http://127.0.0.1:{port}"
        try:
            await asyncio.to_thread(wait_listening, port, server)
            async with aiohttp.ClientSession() as http:
                token = await fetch_token(http, base, client.client_id, client.client_secret)

                # wait until the workers are well into the batch
                for _ in range(600):
                    statuses = await _statuses(svc)
                    assert statuses is not None
                    if sum(s in FINAL for s in statuses.values()) >= count // 4:
                        break
                    _alive(procs)
                    await asyncio.sleep(0.05)
                else:
                    raise AssertionError("the workers did not start on the batch")
                assert sum(s in FINAL for s in statuses.values()) < count, "too quick to test"

                await asyncio.to_thread(cluster.stop, "fast")
                outage = time.monotonic()
                status, body = await _upload(http, base, token)
                assert status == 503, (status, body)
                assert "database" in body["detail"] and "try again" in body["detail"], body
                assert await _statuses(svc) is None
                await asyncio.sleep(max(0.0, 3 - (time.monotonic() - outage)))
                _alive(procs)
                await asyncio.to_thread(cluster.start)

                status, body = await _upload(http, base, token)
                assert status == 201, (status, body)
                assert len(body["invoices"]) == 1 and not body["errors"]
                total = count + 1

                for _ in range(1200):
                    statuses = await _statuses(svc)
                    if statuses is not None and len(statuses) == total:
                        if all(s in FINAL for s in statuses.values()):
                            if replies.exists() and "sent " in replies.read_text():
                                break
                    _alive(procs)
                    await asyncio.sleep(0.05)
                else:
                    raise AssertionError(f"not all invoices final after the restart: {statuses}")
                await asyncio.sleep(1)  # a second reply or run would show up now
            _alive(procs)
            assert [w.pid for w in workers] == pids
        finally:
            logs = [stop(p) for p in procs]

        async with svc.db.read() as session:
            jobs = (await session.execute(select(Job.kind, Job.invoice_id, Job.status))).all()
            reply = await session.scalar(
                select(BulkImportation.reply_status).where(
                    BulkImportation.id == batch.bulk_importation_id
                )
            )
    worker_logs = "\n".join(logs[:2])
    # the workers did meet the outage, and said so
    assert "database" in worker_logs and "cannot reach the database" in worker_logs, worker_logs
    assert set(statuses.values()) == {ProcessingStatus.PROCESSED}, statuses
    extract = Counter(invoice_id for kind, invoice_id, _ in jobs if kind == JobKind.EXTRACT)
    assert extract == {invoice_id: 1 for invoice_id in statuses}
    assert {s for kind, _, s in jobs if kind == JobKind.EXTRACT} == {JobStatus.DONE}
    # finished once: no invoice was given its final status twice
    finals = Counter(
        line.split("invoice ", 1)[1].split(":", 1)[0]
        for line in worker_logs.splitlines()
        if "invoice " in line and ": PROCESSED" in line
    )
    assert finals and max(finals.values()) == 1, finals
    done_jobs = [status for kind, _, status in jobs if kind == JobKind.BATCH_DONE]
    # the email batch's reply, and the API upload's (which sends nothing)
    assert done_jobs == [JobStatus.DONE, JobStatus.DONE]
    assert reply == ReplyStatus.SENT
    sent = [line for line in replies.read_text().splitlines() if line.startswith("sent ")]
    assert sent == [
        f"sent {batch.bulk_importation_id} invoicebot-batch-{batch.bulk_importation_id}"
    ]


#: what an invoice's recorded reason says, by the last answer its document got
REASONS = {
    "badjson": "not valid JSON",
    "html": "Gemini's answer was not JSON",
    "drop": "cannot reach Gemini",
    "500": "Gemini is unavailable (500)",
    "503": "Gemini is unavailable (503)",
    "429": "Gemini is unavailable (429)",
}


async def test_a_gemini_failing_half_the_time_leaves_every_invoice_final(
    make_config: ConfigFactory, db_url: str, tmp_path: Path
) -> None:
    """20 invoices through two worker processes and the real google-genai client, against a
    Gemini that fails every other request (and 3 documents it never answers): each invoice
    ends read, or ERROR with the reason its document earned; no job is left; one reply."""
    max_attempts = 3
    config = make_config()
    pdfs = [invoice_pdf() for _ in range(20)]
    doomed = {hashlib.sha256(pdf).hexdigest() for pdf in pdfs[:3]}
    replies = tmp_path / "replies.log"
    async with (
        serve_flaky_gemini(doomed) as gemini,
        open_services(config, with_channels=False) as svc,
    ):
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        batch = await _submit(svc, "<flaky@x.test>", pdfs)
        assert len(batch.invoices) == 20
        path = tmp_path / "worker.toml"
        path.write_text(
            f'[database]\nurl = "{db_url}"\n[storage]\npath = "{config.storage.path}"\n'
            '[extraction]\nengine = "gemini"\n'
            f'[extraction.gemini]\nbase_url = "{gemini.url}"\nmax_retries = 1\n'
            "timeout_seconds = 10\n"
            f"[worker]\nconcurrency = 2\nmax_attempts = {max_attempts}\nlease_seconds = 30\n"
            "poll_interval_seconds = 0.05\nretry_base_seconds = 0.05\n" + PLUGIN
        )
        env = {"INVOICEBOT_TEST_REPLIES": str(replies), "GEMINI_API_KEY": "test-key"}
        workers = [start_cli(path, "worker", env=env) for _ in range(2)]
        try:
            for _ in range(2400):
                report = await svc.invoices.batch(batch.bulk_importation_id)
                if report.reply.status == ReplyStatus.SENT:
                    break
                _alive(workers)
                await asyncio.sleep(0.05)
            else:
                raise AssertionError(f"the batch did not end: {report.counts}")
            await asyncio.sleep(0.5)  # a second reply would show up now
            _alive(workers)
        finally:
            logs = "\n".join(stop(w) for w in workers)

        async with svc.db.read() as session:
            invoices = (await session.execute(select(Invoice))).scalars().all()
            jobs = (await session.execute(select(Job))).scalars().all()

    assert len(invoices) == 20
    ends = Counter(invoice.processing_status for invoice in invoices)
    assert set(ends) <= FINAL, ends
    # the cycle makes at least one document end on a final error, one on a good answer
    assert ends[ProcessingStatus.ERROR] > len(doomed), (ends, gemini.served)
    assert ends[ProcessingStatus.PROCESSED] + ends[ProcessingStatus.INCOMPLETE] > 0
    job_of = {job.invoice_id: job for job in jobs if job.kind == JobKind.EXTRACT}
    for invoice in invoices:
        served = gemini.served[invoice.file_sha256]
        job = job_of[invoice.id]
        error = invoice.extraction.get("error")
        if served[-1] == "ok":
            assert invoice.processing_status != ProcessingStatus.ERROR, (served, error)
            assert error is None and job.status == JobStatus.DONE
            continue
        assert invoice.processing_status == ProcessingStatus.ERROR, served
        assert job.status == JobStatus.FAILED and job.last_error == error
        assert error and REASONS[served[-1]] in error, (served, error)
        if served[-1] != "badjson":  # retried until the last attempt
            assert job.attempts == max_attempts, (served, job.attempts, error)
    for sha in doomed:
        # each attempt is the first call and the engine's one retry
        assert len(gemini.served[sha]) == max_attempts * 2, gemini.served[sha]
    failed = sum(outcome != "ok" for outcomes in gemini.served.values() for outcome in outcomes)
    assert failed >= sum(map(len, gemini.served.values())) / 2
    assert not [job for job in jobs if job.status in (JobStatus.QUEUED, JobStatus.RUNNING)]
    assert [job.status for job in jobs if job.kind == JobKind.BATCH_DONE] == [JobStatus.DONE]
    sent = [line for line in replies.read_text().splitlines() if line.startswith("sent ")]
    assert len(sent) == 1, (sent, logs)
