"""Files in an S3-compatible bucket: moto's server on loopback, the real aiobotocore client, the
real HTTP app, workers, SMTP server and databases (SQLite and PostgreSQL).

The store going down is the server really stopping (connections refused); it comes back on the
same port with its objects (moto keeps them in this process).
"""

from __future__ import annotations

import asyncio
import hashlib
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiobotocore.session import get_session
from moto.server import ThreadedMotoServer
from sqlalchemy import func, select

from bot.app import Services, open_services
from bot.batch import BatchRequest, Source
from bot.catalog import OutletIn
from bot.config import Config, S3Config
from bot.doctor import State, run_checks
from bot.errors import ConfigError, StoreUnavailable
from bot.orphans import find_orphans, remove_orphans
from bot.s3store import S3Store
from storage.models import BulkImportation, Invoice, Job
from storage.status import Channel
from tests.conftest import ConfigFactory
from tests.harness import serve
from tests.mailservers import Relay, make_mail
from tests.pdfs import invoice_pdf
from tests.review_site import Browser, review_config, review_site

KEY_ENV = "INVOICEBOT_TEST_S3_KEY"
SECRET_ENV = "INVOICEBOT_TEST_S3_SECRET"
PDF = "application/pdf"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class S3Server:
    """moto's S3-compatible server on 127.0.0.1, which a test can stop and start again."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.bucket = f"invoices-{uuid.uuid4().hex[:8]}"
        self._server: ThreadedMotoServer | None = None

    def up(self) -> None:
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()

    def down(self) -> None:
        assert self._server is not None
        self._server.stop()
        self._server = None

    def client(self) -> Any:
        return get_session().create_client(
            "s3",
            region_name="us-east-1",
            endpoint_url=self.endpoint,
            aws_access_key_id="test-key",
            aws_secret_access_key="test-secret",
        )

    async def keys(self) -> list[str]:
        async with self.client() as client:
            listed = await client.list_objects_v2(Bucket=self.bucket)
            return sorted(item["Key"] for item in listed.get("Contents", []))

    async def get(self, key: str) -> bytes:
        async with self.client() as client:
            response = await client.get_object(Bucket=self.bucket, Key=key)
            async with response["Body"] as body:
                data: bytes = await body.read()
                return data


@pytest.fixture
async def s3(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[S3Server]:
    monkeypatch.setenv(KEY_ENV, "test-key")
    monkeypatch.setenv(SECRET_ENV, "test-secret")
    server = S3Server()
    server.up()
    async with server.client() as client:
        await client.create_bucket(Bucket=server.bucket)
    yield server
    if server._server is not None:
        server.down()


def s3_section(s3: S3Server, tmp_path: Path, **extra: Any) -> dict[str, Any]:
    return {
        "backend": "s3",
        "path": str(tmp_path / "spool"),
        "s3": {
            "bucket": s3.bucket,
            "endpoint_url": s3.endpoint,
            "prefix": "inv/",
            "addressing_style": "path",
            "access_key_id_env": KEY_ENV,
            "secret_access_key_env": SECRET_ENV,
            # a store that is down answers within a second
            "timeout_seconds": 2,
            "max_attempts": 2,
            **extra,
        },
    }


def key_of(sha256: str) -> str:
    return f"inv/{sha256[:2]}/{sha256[2:4]}/{sha256}.pdf"


async def _count(services: Services, model: Any) -> int:
    async with services.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def s3_config(make_config: ConfigFactory, s3: S3Server, tmp_path: Path) -> Config:
    return make_config(storage=s3_section(s3, tmp_path))


async def test_uploads_go_to_the_bucket_and_the_worker_reads_them(
    s3_config: Config, s3: S3Server, tmp_path: Path
) -> None:
    async with serve(s3_config, run_workers=True) as api:
        await api.outlet("olt-1")
        await api.outlet("olt-2", "Second")
        token = await api.token()
        first, second = invoice_pdf("S3-1"), invoice_pdf("S3-2")
        status, body = await api.upload(
            token, [("file[0]", "a.pdf", first), ("file[1]", "b.pdf", second)], outlet="olt-1"
        )
        assert status == 201, body
        done = await api.wait_done(token, body["bulk_importation_id"])
        assert {i["processing_status"] for i in done["invoices"]} <= {"PROCESSED", "INCOMPLETE"}
        status, listed = await api.get(
            token, "/api/v2/invoices/", bulk_importation_id=body["bulk_importation_id"]
        )
        # the local engine read the numbers out of the files it got from the bucket
        assert sorted(i["invoice_number"] for i in listed["results"]) == ["S3-1", "S3-2"]
        shas = {i["file"]["sha256"] for i in listed["results"]}
        assert await s3.keys() == sorted(key_of(sha) for sha in shas)
        for item in listed["results"]:
            stored = await s3.get(key_of(item["file"]["sha256"]))
            assert stored in (first, second)
            # the API serves it back byte for byte
            status, pdf = await api.get(token, item["file"]["url"])
            assert status == 200 and pdf == stored
        # the same bytes again, for another outlet: a new invoice, the same one object
        status, again = await api.upload(token, [("file[0]", "a2.pdf", first)], outlet="olt-2")
        assert status == 201, again
        assert again["errors"] == []
        assert len(await s3.keys()) == 2
        await api.wait_done(token, again["bulk_importation_id"])
        # nothing was stored in the local folder: only its spool (empty) and cache
        root = tmp_path / "spool"
        assert not list((root / "tmp").glob("*"))
        assert {p.name for p in root.iterdir()} <= {"tmp", "cache"}


async def test_the_store_down_answers_503_and_keeps_nothing(
    s3_config: Config, s3: S3Server, tmp_path: Path
) -> None:
    async with serve(s3_config) as api:
        await api.outlet("olt-1")
        token = await api.token()
        s3.down()
        files = [("file[0]", "a.pdf", invoice_pdf()), ("file[1]", "b.pdf", invoice_pdf())]
        status, body = await api.upload(token, files, outlet="olt-1")
        assert status == 503, body
        assert "file store is unavailable" in body["detail"]
        assert "nothing was stored" in body["detail"]
        services = api.services
        for model in (BulkImportation, Invoice, Job):
            assert await _count(services, model) == 0, model
        assert not list((tmp_path / "spool" / "tmp").glob("*"))
        s3.up()
        assert await s3.keys() == []
        status, body = await api.upload(token, files, outlet="olt-1")
        assert status == 201, body
        assert len(body["invoices"]) == 2
        assert len(await s3.keys()) == 2


async def test_a_batch_that_cannot_be_stored_whole_leaves_no_object(
    s3_config: Config, s3: S3Server
) -> None:
    """One file of three fails while the others are put: those are taken back."""
    async with open_services(s3_config, extractor=None) as svc:
        store = svc.files
        assert isinstance(store, S3Store)

        async def chunks(data: bytes) -> AsyncIterator[bytes]:
            yield data

        spooled = [await store.spool(chunks(invoice_pdf()), 10**6) for _ in range(3)]
        spooled[1].path.unlink()  # this one cannot be read any more
        with pytest.raises(StoreUnavailable):
            await store.store_all(spooled)
        assert await s3.keys() == []
        # stored alone, the good ones go in
        good = [await store.spool(chunks(invoice_pdf()), 10**6) for _ in range(2)]
        created = await store.store_all(good)
        assert sorted(key_of(sha) for sha in created) == await s3.keys()
        # storing known bytes creates nothing, and the bucket keeps one object
        known = await store.spool(chunks(await store.read(created[0])), 10**6)
        assert await store.store_all([known]) == []
        assert len(await s3.keys()) == 2


async def test_the_worker_retries_while_the_store_is_down(
    make_config: ConfigFactory, s3: S3Server, tmp_path: Path
) -> None:
    config = make_config(
        storage=s3_section(s3, tmp_path),
        # a backoff long enough that a busy machine does not make the retry due at once; one
        # attempt only: an outage of the store must use up none
        worker={"max_attempts": 1, "retry_base_seconds": 1.0},
    )
    async with open_services(config) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))

        async def chunks() -> AsyncIterator[bytes]:
            yield invoice_pdf("RETRY-1")

        async with svc.intake.open(Source(Channel.CLI), BatchRequest("olt-1")) as batch:
            await batch.add("file[0]", "a.pdf", chunks())
            result = await batch.submit()
        (accepted,) = result.invoices
        s3.down()
        worker = svc.worker()
        assert await worker.run_until_idle() == 1
        async with svc.db.read() as session:
            job = (await session.scalars(select(Job))).one()
        assert job.status == "queued" and job.attempts == 0
        assert "file store" in (job.last_error or ""), job.last_error
        view = await svc.invoices.get(accepted.invoice_id)
        assert view["processing_status"] == "TO_BE_PROCESSED"
        await asyncio.sleep(1.1)  # the first pause; the store is still down
        assert await worker.run_until_idle() == 1
        async with svc.db.read() as session:
            job = (await session.scalars(select(Job))).one()
        assert job.status == "queued" and job.attempts == 0, (job.status, job.last_error)
        s3.up()
        await asyncio.sleep(2.1)  # the second pause, twice the first
        # the extraction, then the batch's reply
        assert await worker.run_until_idle() == 2
        view = await svc.invoices.get(accepted.invoice_id)
        assert view["processing_status"] in ("PROCESSED", "INCOMPLETE")
        assert view["invoice_number"] == "RETRY-1"


@pytest.fixture
async def relay() -> AsyncIterator[Relay]:
    server = await Relay().up()
    yield server
    await server.down()


async def test_smtp_answers_451_while_the_store_is_down(
    make_config: ConfigFactory, s3: S3Server, tmp_path: Path, relay: Relay
) -> None:
    from bot.app import running
    from handlers.email import EmailChannel
    from tests.fakes import FakeExtractor
    from tests.mailservers import send

    email = {
        "smtp": {"enabled": True, "port": 0},
        "outbound": {"host": "127.0.0.1", "port": relay.port, "from": "invoices@example.com"},
        "routes": [{"recipient": "invoices+*@example.com", "sender": "*@harbour.example"}],
    }
    config = make_config(storage=s3_section(s3, tmp_path), email=email)
    async with running(config, extractor=FakeExtractor()) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Harbour Kitchen"))
        (channel,) = [c for c in svc.channels if isinstance(c, EmailChannel)]
        assert channel.smtp is not None
        port = channel.smtp.port
        msg = make_mail(parts=[("a.pdf", invoice_pdf(), PDF), ("b.pdf", invoice_pdf(), PDF)])
        s3.down()
        answer = await send(port, msg)
        assert (answer.stage, answer.code) == ("data", 451), answer
        assert "could not be stored" in answer.text
        assert await _count(svc, BulkImportation) == 0
        s3.up()
        assert await s3.keys() == []
        answer = await send(port, msg)  # the sending server tries again
        assert answer.code == 250, answer
        assert await _count(svc, Invoice) == 2
        assert len(await s3.keys()) == 2


async def test_orphans_in_the_bucket_are_found_and_removed(s3_config: Config, s3: S3Server) -> None:
    """Only objects of the store's own key shape under its prefix are listed; the one that no
    invoice names goes, the named one and everything else in the bucket stay."""
    async with open_services(s3_config) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        named_pdf, orphan_pdf = invoice_pdf("NAMED-1"), invoice_pdf("ORPHAN-1")

        async def chunks(content: bytes) -> AsyncIterator[bytes]:
            yield content

        async with svc.intake.open(Source(Channel.CLI), BatchRequest("olt-1")) as batch:
            await batch.add("file[0]", "a.pdf", chunks(named_pdf))
            assert not (await batch.submit()).errors
        # stored, never committed: what a process killed between the two leaves
        (orphan,) = await svc.files.store_all([await svc.files.spool(chunks(orphan_pdf), 10**8)])
        named = hashlib.sha256(named_pdf).hexdigest()
        strangers = ["inv/notes.txt", f"other/{key_of(orphan)}", "inv/ab/cd/" + "ab" * 32 + ".pdf"]
        async with s3.client() as client:
            for key in strangers:
                await client.put_object(Bucket=s3.bucket, Key=key, Body=b"not ours")

        found = [o async for o in find_orphans(svc.files, svc.db, older_than_s=0)]
        assert [(o.sha256, o.size) for o in found] == [(orphan, len(orphan_pdf))]
        # a grace period longer than the objects' age leaves them all
        assert [o async for o in find_orphans(svc.files, svc.db, older_than_s=3600)] == []
        assert await remove_orphans(svc.files, svc.db, found) == set()
        assert await s3.keys() == sorted([key_of(named), *strangers])

        s3.down()
        with pytest.raises(StoreUnavailable, match="cannot be listed"):
            [o async for o in find_orphans(svc.files, svc.db, older_than_s=0)]


async def test_imap_leaves_a_message_for_the_next_poll_while_the_store_is_down(
    make_config: ConfigFactory,
    s3: S3Server,
    tmp_path: Path,
    relay: Relay,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The mailbox is polled while the bucket is down: the message is neither moved nor
    flagged nor half taken, and the first poll after the bucket is back takes it whole."""
    from bot.app import running
    from tests.fakes import FakeExtractor
    from tests.mailservers import dovecot
    from tests.test_email_imap import PASSWORD_ENV, email_section, flags

    with dovecot() as imap:
        monkeypatch.setenv(PASSWORD_ENV, imap.password)
        mail = make_mail(parts=[("a.pdf", invoice_pdf(), PDF), ("b.pdf", invoice_pdf(), PDF)])
        imap.append("INBOX", mail)
        config = make_config(storage=s3_section(s3, tmp_path), email=email_section(imap, relay))
        s3.down()
        async with running(config, extractor=FakeExtractor()) as svc:
            await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Harbour Kitchen"))
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 30
            while "read again at the next poll" not in caplog.text:
                assert loop.time() < deadline, "the mailbox was not polled"
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.5)  # a poll or two more, still down
            assert caplog.text.count("file store") >= 1
            (uid,) = imap.uids("INBOX")
            assert flags(imap, "INBOX")[uid] == set(), "read or flagged while the store was down"
            assert imap.uids("Processed") == [] and imap.uids("Failed") == []
            for model in (BulkImportation, Invoice, Job):
                assert await _count(svc, model) == 0, model
            # (a poll may be spooling its next try right now: at most that one's files)
            assert len(list((tmp_path / "spool" / "tmp").glob("*"))) <= 2

            s3.up()
            while imap.uids("Processed") == []:
                assert loop.time() < deadline + 30, "not taken once the store was back"
                await asyncio.sleep(0.1)
            assert imap.uids("INBOX") == [] and imap.uids("Failed") == []
            assert not list((tmp_path / "spool" / "tmp").glob("*"))
            assert await _count(svc, BulkImportation) == 1
            assert await _count(svc, Invoice) == 2
            assert len(await s3.keys()) == 2


async def test_review_pages_serve_files_from_the_bucket(
    make_config: ConfigFactory, s3: S3Server, tmp_path: Path
) -> None:
    config = review_config(make_config(storage=s3_section(s3, tmp_path)), tmp_path)
    async with review_site(config) as site:
        invoice_id = site.invoices["a_incomplete"]
        status, view = await site.api.get(site.token, f"/api/v2/invoices/{invoice_id}/")
        assert status == 200, view
        stored = await s3.get(key_of(view["file"]["sha256"]))
        assert stored.startswith(b"%PDF-")
        ann = Browser(site.base)
        try:
            status, _, _ = await ann.sign_in("ann@example.com")
            assert status == 303
            status, pdf, resp = await ann.fetch(f"/review/invoices/{invoice_id}/file")
            assert status == 200 and pdf == stored
            assert resp.headers["Content-Type"] == PDF
            status, png, _ = await ann.fetch(f"/review/invoices/{invoice_id}/pages/1.png")
            assert status == 200 and png.startswith(b"\x89PNG"), png[:200]
            # with the store down, a copy already on this machine is still served; another
            # file is a 503 page, not a server error
            s3.down()
            status, again, _ = await ann.fetch(f"/review/invoices/{invoice_id}/file")
            assert status == 200 and again == stored
            for copy in (tmp_path / "spool" / "cache").glob("*/*.pdf"):
                copy.unlink()
            status, page, _ = await ann.fetch(f"/review/invoices/{invoice_id}/file")
            assert status == 503 and b"file store" in page
            status, body = await site.api.get(site.token, f"/api/v2/invoices/{invoice_id}/file/")
            assert status == 503 and "file store" in body["detail"]
            s3.up()
        finally:
            await ann.close()


async def test_doctor_checks_the_bucket(
    make_config: ConfigFactory, s3: S3Server, tmp_path: Path
) -> None:
    config = make_config(storage=s3_section(s3, tmp_path))
    checks = {c.name: c for c in await run_checks(config, None)}
    assert checks["files"].state == State.OK, checks["files"]
    assert s3.bucket in checks["files"].detail
    s3.down()
    checks = {c.name: c for c in await run_checks(config, None)}
    assert checks["files"].state == State.ERROR, checks["files"]
    assert s3.endpoint in checks["files"].detail
    s3.up()
    missing = make_config(storage=s3_section(s3, tmp_path, bucket="no-such-bucket"))
    checks = {c.name: c for c in await run_checks(missing, None)}
    assert checks["files"].state == State.ERROR
    assert "NoSuchBucket" in checks["files"].detail


def test_s3_needs_a_bucket(make_config: ConfigFactory, tmp_path: Path) -> None:
    from bot.files import build_store

    config = make_config(storage={"backend": "s3"})
    with pytest.raises(ConfigError, match="storage.s3.bucket"):
        build_store(config.storage)


@pytest.fixture(autouse=True)
def _quiet_moto() -> Iterator[None]:
    """moto's request log is noise here."""
    import logging

    logger = logging.getLogger("werkzeug")
    level = logger.level
    logger.setLevel(logging.WARNING)
    yield
    logger.setLevel(level)


def test_the_example_config_documents_every_s3_key() -> None:
    """The commented [storage.s3] block of config.example.toml, uncommented, is a valid
    config that names every key."""
    import dataclasses
    import tomllib

    from bot.config import S3Config, config_from_dict

    example = (Path(__file__).resolve().parents[1] / "config.example.toml").read_text()
    lines = example.splitlines()
    start = lines.index("#   [storage.s3]")
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith("#   "):
            break
        block.append(line.removeprefix("#   "))
    table = tomllib.loads("\n".join(block))
    assert set(table) == {f.name for f in dataclasses.fields(S3Config)}
    config = config_from_dict({"storage": {"backend": "s3", "s3": table}})
    assert config.storage.s3.bucket == "invoicebot"


async def test_a_big_file_streams_to_the_bucket_and_back(tmp_path: Path) -> None:
    """Storing and copying back a 40 MB file holds no more than a few MB in memory. moto runs
    in its own process here, so that what it keeps of the upload is not counted."""
    import os
    import subprocess
    import sys
    import time
    import tracemalloc

    port = _free_port()
    moto = Path(sys.executable).with_name("moto_server")
    proc = subprocess.Popen(
        [str(moto), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "moto_server did not start"
                await asyncio.sleep(0.1)
        config = S3Config(
            bucket="big", endpoint_url=f"http://127.0.0.1:{port}", addressing_style="path"
        )
        store = S3Store(tmp_path, config, {"AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s"})
        store.open()
        await store.start()
        try:
            await store.client.create_bucket(Bucket="big")
            block = os.urandom(1 << 20)

            async def chunks() -> AsyncIterator[bytes]:
                for _ in range(40):
                    yield block

            spooled = await store.spool(chunks(), 1 << 30)
            tracemalloc.start()
            try:
                (sha,) = await store.store_all([spooled])
                _, stored_peak = tracemalloc.get_traced_memory()
                tracemalloc.reset_peak()
                copy = await store.local_file(sha)
                _, copy_peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
            assert copy is not None and copy.stat().st_size == 40 << 20
            assert stored_peak < 8 << 20, stored_peak
            assert copy_peak < 8 << 20, copy_peak
        finally:
            await store.close()
    finally:
        proc.terminate()
        proc.wait()


async def test_half_the_keys_stop_the_start(
    make_config: ConfigFactory, s3: S3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SECRET_ENV)
    config = make_config(storage=s3_section(s3, tmp_path))
    with pytest.raises(ConfigError, match=SECRET_ENV):
        async with open_services(config):
            pass
